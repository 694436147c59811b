-- Tiering: every closed case's tier (how it was solved), dated on its first closing day.
create table evaluation.case_tier (
    case_id       uuid primary key,
    category_code varchar(10) not null,
    grid_code     varchar(15) collate "C" not null,
    closed_on     date        not null,
    tier          varchar(20) not null,
    departments   int         not null
);
create index case_tier_grid_idx on evaluation.case_tier (grid_code, closed_on);

-- Trend alarms computed each day: a category rising in a grid beyond its usual band.
create table evaluation.trend_alarm (
    day           date        not null,
    grid_code     varchar(15) collate "C" not null,
    category_code varchar(10) not null,
    week_count    int         not null,
    band_mean     double precision not null,
    band_sd       double precision not null,
    band_upper    double precision not null,
    primary key (day, grid_code, category_code)
);
-- which days of a district were computed (a day with no alarm is still computed)
create table evaluation.trend_run (
    day           date       not null,
    district_code varchar(6) not null,
    computed_at   timestamptz not null,
    primary key (day, district_code)
);

-- Reports kept with their bytes: one per kind, unit and period (a scheduled run never makes a second).
create table evaluation.report (
    id           uuid primary key,
    kind         varchar(10) not null,
    unit_code    varchar(15) collate "C" not null,
    period       varchar(10) not null,
    generated_at timestamptz not null,
    generated_by varchar(60) not null,
    pdf          bytea       not null,
    xlsx         bytea       not null,
    unique (kind, unit_code, period)
);
create index report_unit_idx on evaluation.report (unit_code, generated_at);
