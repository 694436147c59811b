create schema if not exists catalog;

create table catalog.department (
    code    varchar(40) primary key,
    name_zh varchar(50) not null,
    name_en varchar(80) not null,
    level   varchar(12) not null check (level in ('CITY', 'DISTRICT', 'STREET', 'COMMUNITY'))
);

-- Immutable versions; the current one of a code is its highest version.
create table catalog.category_version (
    code               varchar(10)   not null,
    version            int           not null,
    kind               varchar(10)   not null check (kind in ('COMPONENT', 'EVENT')),
    major_code         varchar(5)    not null,
    major_zh           varchar(50)   not null,
    major_en           varchar(80)   not null,
    name_zh            varchar(50)   not null,
    name_en            varchar(100)  not null,
    sector             varchar(12)   not null check (sector in ('PARTY', 'ECONOMY', 'LIVELIHOOD', 'PEACE_LAW')),
    clock              varchar(12)   not null check (clock in ('URGENT_HOURS', 'WORK_HOURS', 'WORK_DAYS')),
    limit_amount       numeric(10,4) not null check (limit_amount > 0),
    urgent_limit_hours numeric(10,4) check (urgent_limit_hours > 0),
    department_code    varchar(40)   not null references catalog.department (code),
    retired            boolean       not null default false,
    created_at         timestamptz   not null,
    created_by         varchar(60)   not null,
    primary key (code, version)
);

-- Exceptions to "Monday to Friday": public holidays and make-up working days, per year.
create table catalog.calendar_day (
    day  date primary key,
    kind varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    note varchar(40)
);
