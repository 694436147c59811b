create schema if not exists cases;

create sequence cases.case_number_seq;

-- One row per case: its state, where it is, who has it, its stage clock, and the figures
-- evaluation reads. Open cases are what queues and timers touch; closed ones are history.
create table cases.case_file (
    id                   uuid primary key,
    number               varchar(24)   not null unique,
    version              bigint        not null,
    channel              varchar(20)   not null,
    category_code        varchar(10)   not null,
    category_version     int           not null,
    description          varchar(2000) not null,
    urgent               boolean       not null,
    lon                  double precision not null,
    lat                  double precision not null,
    grid_code            varchar(15)   not null,
    community_code       varchar(12)   not null,
    street_code          varchar(9)    not null,
    district_code        varchar(6)    not null,
    road_segment_code    varchar(20),
    reporter             varchar(60),
    reported_at          timestamptz   not null,
    state                varchar(20)   not null,
    state_before_hang    varchar(20),
    handling_level       varchar(12)   not null,
    assignment_instance  varchar(60),
    assignment_code      varchar(40),
    assignment_level     varchar(12),
    stage_seq            int,
    stage_full_clock     varchar(12),
    stage_full_amount    numeric(12,4),
    stage_clock          varchar(12),
    stage_amount         numeric(12,4),
    stage_started_at     timestamptz,
    stage_warning_at     timestamptz,
    stage_deadline       timestamptz,
    warned               boolean       not null,
    overdue              boolean       not null,
    postpone_clock       varchar(12),
    postpone_amount      numeric(12,4),
    merged_into          uuid,
    whistle              text,
    verified_on_time     boolean,
    registered_on_time   boolean,
    dispatched_on_time   boolean,
    handled_on_time      boolean,
    ever_overdue         boolean       not null,
    returns              int           not null,
    reworks              int           not null,
    supervisions         int           not null,
    escalations          int           not null,
    postponements        int           not null,
    rating               int,
    closed_at            timestamptz,
    is_open              boolean       not null,
    updated_at           timestamptz   not null
);
-- queues: open cases of a territory, urgent and overdue first, then by deadline
create index case_open_district_idx on cases.case_file (district_code, urgent desc, overdue desc, stage_deadline) where is_open;
create index case_open_street_idx on cases.case_file (street_code, urgent desc, overdue desc, stage_deadline) where is_open;
create index case_open_community_idx on cases.case_file (community_code, urgent desc, overdue desc, stage_deadline) where is_open;
create index case_open_grid_idx on cases.case_file (grid_code, urgent desc, overdue desc, stage_deadline) where is_open;
create index case_open_assignment_idx on cases.case_file (assignment_instance, urgent desc, overdue desc, stage_deadline) where is_open;
-- duplicates: open cases of a category near a point in the last day
create index case_duplicate_idx on cases.case_file (category_code, reported_at, lat, lon) where is_open;
create index case_closed_idx on cases.case_file (district_code, closed_at);

create table cases.case_event (
    case_id    uuid        not null references cases.case_file (id),
    seq        int         not null,
    action     varchar(24) not null,
    from_state varchar(20),
    to_state   varchar(20) not null,
    actor      varchar(60) not null,
    actor_role varchar(30),
    reason     varchar(1000),
    at         timestamptz not null,
    details    text,
    primary key (case_id, seq)
);

-- Everybody who reported the problem (merged duplicates add theirs): all are told when it moves.
create table cases.case_reporter (
    case_id   uuid        not null references cases.case_file (id),
    reporter  varchar(60) not null,
    channel   varchar(20) not null,
    linked_at timestamptz not null,
    primary key (case_id, reporter)
);

create table cases.idempotency_key (
    principal  varchar(60)  not null,
    key        varchar(100) not null,
    case_id    uuid         not null,
    created_at timestamptz  not null,
    primary key (principal, key)
);

-- Routing: category × territory → department (default: the catalog's), automatic or for a dispatcher.
create table cases.routing_rule (
    id                 serial primary key,
    category_code      varchar(10),
    territory_prefix   varchar(17),
    default_department varchar(40),
    target_department  varchar(40),
    automatic          boolean not null,
    priority           int     not null default 100,
    note               varchar(200)
);
-- disputes and stability matters need a person's judgement at the street's peace & rule-of-law sector
insert into cases.routing_rule (default_department, automatic, priority, note)
values ('STREET_GOVERNANCE', false, 50, 'disputes: the dispatcher decides who mediates');

-- Photos of a report, of the disposal, of the check. Stored in the database: written in the same
-- transaction as their audit entry, backed up with everything else.
create table cases.attachment (
    id           uuid primary key,
    case_id      uuid         not null references cases.case_file (id),
    filename     varchar(200) not null,
    content_type varchar(40)  not null,
    size_bytes   int          not null,
    sha256       char(64)     not null,
    content      bytea        not null,
    uploaded_by  varchar(60)  not null,
    uploaded_at  timestamptz  not null
);
create index attachment_case_idx on cases.attachment (case_id);
