create schema if not exists sensing;

-- The device registry. The place is located once, at registration: the grid, community, street and
-- district codes are kept so that scope checks and lists need no locating. The token is kept as its
-- SHA-256 (tokens are random and long, so no salt or slow hash is needed).
create table sensing.device (
    id             varchar(60)  primary key,
    name           varchar(120) not null,
    profile        varchar(30)  not null,
    token_sha256   bytea        not null,
    lon            double precision not null,
    lat            double precision not null,
    grid_code      varchar(15)  not null,
    community_code varchar(12)  not null,
    street_code    varchar(9)   not null,
    district_code  varchar(6)   not null,
    owner          varchar(120) not null,
    person_name    varchar(60),
    person_phone   varchar(30),
    registered_at  timestamptz  not null,
    registered_by  varchar(60)  not null,
    last_contact   timestamptz
);
create index device_grid on sensing.device (grid_code varchar_pattern_ops);

-- The latest value of each key of each device.
create table sensing.latest_value (
    device_id  varchar(60) not null references sensing.device (id) on delete cascade,
    key        varchar(60) not null,
    num_value  double precision,
    text_value varchar(200),
    ts         timestamptz not null,
    primary key (device_id, key)
);

-- Telemetry history, one row per key, partitioned by month on ts (the service creates the months
-- ahead; the default partition takes what falls outside them, e.g. a device's long-buffered past).
create table sensing.telemetry (
    device_id  varchar(60) not null,
    ts         timestamptz not null,
    key        varchar(60) not null,
    num_value  double precision,
    text_value varchar(200)
) partition by range (ts);
create table sensing.telemetry_default partition of sensing.telemetry default;
create index telemetry_device_ts on sensing.telemetry (device_id, ts);

-- Alarms (ThingsBoard's lifecycle): at most one active alarm per device and type.
create table sensing.alarm (
    id              bigserial    primary key,
    device_id       varchar(60)  not null references sensing.device (id) on delete cascade,
    type            varchar(40)  not null,
    severity        varchar(15)  not null,
    grid_code       varchar(15)  not null,
    started_at      timestamptz  not null,
    cleared_at      timestamptz,
    acknowledged_at timestamptz,
    acknowledged_by varchar(60),
    escalations     int          not null default 0,
    detail          varchar(500),
    case_id         uuid
);
create unique index alarm_one_active on sensing.alarm (device_id, type) where cleared_at is null;
create index alarm_grid on sensing.alarm (grid_code varchar_pattern_ops, started_at desc);

-- Commands to actuators, each with an id the device echoes when it acknowledges.
create table sensing.command (
    id         uuid         primary key,
    device_id  varchar(60)  not null references sensing.device (id) on delete cascade,
    command    varchar(60)  not null,
    alarm_type varchar(40),
    created_at timestamptz  not null,
    sent_at    timestamptz,
    acked_at   timestamptz
);
create index command_device on sensing.command (device_id, created_at desc);
