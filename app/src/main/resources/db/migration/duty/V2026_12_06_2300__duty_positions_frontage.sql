-- The worker's name as planning saw it, so completion and overdue lists name people, not accounts.
alter table duty.task add column worker_name varchar(100);
create index task_open_day on duty.task (due_date, grid_code varchar_pattern_ops) where state = 'OPEN';

-- Grid workers' positions while on duty, only after they consented on their phone. Kept briefly:
-- the purge job (duty-position-purge) deletes rows older than civicgrid.duty.position-retention
-- (8 hours by default); withdrawing consent deletes the worker's rows at once.
create table duty.position_consent (
    worker_id       uuid primary key,
    worker_username varchar(60)  not null,
    consented       boolean      not null,
    changed_at      timestamptz  not null
);

create table duty.worker_position (
    id              bigserial primary key,
    worker_id       uuid         not null,
    worker_username varchar(60)  not null,
    worker_name     varchar(100) not null,
    grid_code       varchar(15)  not null,
    lon             double precision not null,
    lat             double precision not null,
    accuracy_m      double precision,
    at              timestamptz  not null
);
create index worker_position_latest on duty.worker_position (worker_id, at desc);
create index worker_position_grid on duty.worker_position (grid_code varchar_pattern_ops, at desc);
create index worker_position_age on duty.worker_position (at);

-- Frontage ledger (门前三包): problems found in front of a shop with frontage duty. A registered
-- case within reach of the shop's place is linked once; evaluation scores the record later.
create table duty.frontage_record (
    id              bigserial primary key,
    enterprise_id   bigint       not null references duty.enterprise (id),
    case_id         uuid         not null,
    case_number     varchar(40)  not null,
    category_code   varchar(20)  not null,
    grid_code       varchar(15)  not null,
    lon             double precision not null,
    lat             double precision not null,
    distance_m      double precision not null,
    found_at        timestamptz  not null,
    unique (enterprise_id, case_id)
);
create index frontage_record_shop on duty.frontage_record (enterprise_id, found_at desc);
create index enterprise_frontage on duty.enterprise (grid_code varchar_pattern_ops) where frontage_duty;
