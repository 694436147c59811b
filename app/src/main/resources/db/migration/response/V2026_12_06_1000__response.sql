create schema if not exists response;

-- Plans (预案): every version kept, immutable; the body is the plan as the API shows it.
create table response.plan (
    code           varchar(60) not null,
    version        int         not null,
    territory_code varchar(17) not null,
    body           jsonb       not null,
    created_at     timestamptz not null,
    created_by     varchar(60) not null,
    primary key (code, version)
);
create index plan_territory on response.plan (territory_code);

-- An incident is one aggregate (tasks, responders, log) written whole with optimistic locking;
-- the columns beside the document are what lists and scope filters need.
create table response.incident (
    id             uuid primary key,
    case_id        varchar(40) not null,
    plan_code      varchar(60) not null,
    plan_version   int         not null,
    territory_code varchar(17) not null,
    state          varchar(10) not null,
    opened_at      timestamptz not null,
    doc            jsonb       not null,
    version        bigint      not null
);
-- one running incident per case and plan
create unique index incident_open_case_plan on response.incident (case_id, plan_code) where state = 'OPEN';
create index incident_territory on response.incident (territory_code text_pattern_ops, opened_at desc);
-- a post's queue: the open tasks held by an assignee (jsonb containment)
create index incident_tasks on response.incident using gin ((doc -> 'tasks') jsonb_path_ops) where state = 'OPEN';

create table response.unit (
    code           varchar(40) primary key,
    unit_class     char(1)     not null check (unit_class in ('A', 'B', 'C')),
    name_zh        varchar(100) not null,
    territory_code varchar(17) not null,
    lon            double precision not null,
    lat            double precision not null,
    equipment      varchar(300)
);

create table response.member (
    id         varchar(40) primary key,
    unit_code  varchar(40) not null references response.unit (code),
    name_zh    varchar(60) not null,
    lon        double precision not null,
    lat        double precision not null,
    duty_from  time not null,
    duty_to    time not null,
    account    varchar(60)
);
create index member_unit on response.member (unit_code);
