create schema if not exists duty;

-- The city's duty list, one row per published version; items belong to one version. A district's
-- "+1" items carry its code. Tasks remember the version that planned them.
create table duty.duty_list (
    version      int primary key,
    starts_on    date         not null,
    published_at timestamptz  not null default now(),
    published_by varchar(60)  not null
);

create table duty.duty_item (
    version       int          not null references duty.duty_list (version),
    code          varchar(40)  not null,
    category      varchar(30)  not null,
    title_zh      varchar(60)  not null,
    title_en      varchar(80)  not null,
    subject_kind  varchar(30)  not null,
    every_days    int          not null check (every_days between 1 and 366),
    district_code varchar(6),
    primary key (version, code)
);

insert into duty.duty_list (version, starts_on, published_by) values (1, date '2026-01-01', 'system');
insert into duty.duty_item (version, code, category, title_zh, title_en, subject_kind, every_days, district_code) values
    (1, 'GRID_PATROL', 'PATROL_AND_VISITS', '网格日常巡查', 'Daily grid patrol', 'GRID', 1, null),
    (1, 'VISIT_LONE_ELDERLY', 'PATROL_AND_VISITS', '走访独居老人', 'Visit a lone elderly resident', 'LONE_ELDERLY', 3, null),
    (1, 'VISIT_LEFT_BEHIND_CHILD', 'PATROL_AND_VISITS', '关爱留守儿童', 'Visit a left-behind child', 'LEFT_BEHIND_CHILD', 7, null),
    (1, 'VISIT_DISABLED', 'SERVING_RESIDENTS', '探访残疾人', 'Visit a disabled resident', 'DISABLED', 14, null),
    (1, 'VISIT_KEY_PERSON', 'DISPUTES', '重点人员走访', 'Visit a key person', 'KEY_PERSON', 7, null),
    (1, 'KEY_PLACE_FIRE_LANE', 'KEY_PLACES', '检查重点场所消防通道', 'Check a key place''s fire lanes', 'KEY_PLACE', 7, null),
    (1, 'EMERGENCY_READINESS', 'EMERGENCIES', '应急物资与避难点检查', 'Check emergency supplies and shelters', 'GRID', 7, null),
    (1, 'ANTI_FRAUD_PUBLICITY', 'PUBLICITY', '反诈宣传', 'Anti-fraud publicity', 'GRID', 7, null),
    (1, 'FRONTAGE_CHECK', 'SERVING_RESIDENTS', '门前三包巡查', 'Frontage duty check', 'FRONTAGE_SHOP', 14, null),
    (1, 'YANGTZE_BANK_PATROL', 'DISTRICT_PLUS_ONE', '长江岸线巡查', 'Yangtze riverbank patrol', 'GRID', 7, '500104'),
    (1, 'OLD_TOWN_CROWD_WATCH', 'DISTRICT_PLUS_ONE', '古镇人流安全巡查', 'Old-town crowd safety watch', 'GRID', 1, '500106');

-- Registers of the grid (人房企 and key places). The natural key of each makes re-importing harmless.
create table duty.person (
    id            bigserial primary key,
    grid_code     varchar(15)  not null,
    name          varchar(40)  not null,
    id_number     varchar(18)  not null unique,
    phone         varchar(20),
    address       varchar(200) not null,
    key_groups    varchar(80)  not null default '',
    lon           double precision not null,
    lat           double precision not null,
    registered_on date         not null,
    updated_at    timestamptz  not null default now()
);
create index person_grid on duty.person (grid_code varchar_pattern_ops);
create index person_grid_key_group on duty.person (grid_code) where key_groups <> '';

create table duty.house (
    id            bigserial primary key,
    grid_code     varchar(15)  not null,
    address       varchar(200) not null,
    building      varchar(20)  not null,
    unit          varchar(10)  not null,
    room          varchar(10)  not null,
    occupancy     varchar(10)  not null check (occupancy in ('OWNER', 'TENANT', 'VACANT')),
    holder_name   varchar(40),
    holder_phone  varchar(20),
    lon           double precision not null,
    lat           double precision not null,
    registered_on date         not null,
    updated_at    timestamptz  not null default now(),
    unique (grid_code, building, unit, room)
);
create index house_grid on duty.house (grid_code varchar_pattern_ops);

create table duty.enterprise (
    id            bigserial primary key,
    grid_code     varchar(15)  not null,
    credit_code   varchar(18)  not null unique,
    name          varchar(100) not null,
    kind          varchar(12)  not null check (kind in ('SHOP', 'ENTERPRISE')),
    address       varchar(200) not null,
    contact_name  varchar(40),
    contact_phone varchar(20),
    frontage_duty boolean      not null default false,
    lon           double precision not null,
    lat           double precision not null,
    registered_on date         not null,
    updated_at    timestamptz  not null default now()
);
create index enterprise_grid on duty.enterprise (grid_code varchar_pattern_ops);

create table duty.key_place (
    id            bigserial primary key,
    grid_code     varchar(15)  not null,
    code          varchar(30)  not null unique,
    name          varchar(100) not null,
    kind          varchar(20)  not null,
    address       varchar(200) not null,
    fire_lane     boolean      not null default false,
    lon           double precision not null,
    lat           double precision not null,
    registered_on date         not null,
    updated_at    timestamptz  not null default now()
);
create index key_place_grid on duty.key_place (grid_code varchar_pattern_ops);

-- The day's tasks. The unique key is what makes planning exactly-once: two nodes, a restart or a
-- worker asking while the morning job runs all insert ... on conflict do nothing.
create table duty.task (
    id              uuid primary key,
    worker_id       uuid         not null,
    worker_username varchar(60)  not null,
    grid_code       varchar(15)  not null,
    item_code       varchar(40)  not null,
    list_version    int          not null,
    subject_kind    varchar(30)  not null,
    subject_key     varchar(40)  not null,
    due_date        date         not null,
    lon             double precision not null,
    lat             double precision not null,
    state           varchar(10)  not null default 'OPEN' check (state in ('OPEN', 'DONE')),
    done_at         timestamptz,
    done_by         varchar(60),
    done_lon        double precision,
    done_lat        double precision,
    distance_m      double precision,
    flag            varchar(20),
    note            varchar(1000),
    photo           bytea,
    photo_type      varchar(20),
    created_at      timestamptz  not null default now(),
    unique (worker_id, item_code, subject_kind, subject_key, due_date)
);
create index task_worker_day on duty.task (worker_id, due_date);
create index task_grid_day on duty.task (grid_code varchar_pattern_ops, due_date);
