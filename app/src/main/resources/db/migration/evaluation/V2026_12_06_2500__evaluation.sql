create schema if not exists evaluation;

-- Every case as evaluation last counted it: where it is (for class discovery) and the counts it
-- added to the figures below, one per line (kind|territory|subject|day|measure). When the case
-- moves, the difference between its new counts and these is applied to the figures.
create table evaluation.case_fact (
    case_id           uuid primary key,
    number            varchar(24)      not null,
    category_code     varchar(10)      not null,
    district_code     varchar(6)       not null,
    grid_code         varchar(15)      not null,
    road_segment_code varchar(20),
    lon               double precision not null,
    lat               double precision not null,
    reported_at       timestamptz      not null,
    state             varchar(20)      not null,
    contributions     text             not null,
    updated_at        timestamptz      not null
);
-- class discovery: a district's cases of the last 90 days
create index case_fact_district_idx on evaluation.case_fact (district_code, reported_at);

-- The per-day figures (GB/T 30428.4 counts) of every subject: a territorial unit (territory = its
-- code), a department instance or a person in a role (territory = the grid of the case). A period's
-- rates are sums of these rows: a district's year is 365 rows.
create table evaluation.tally (
    kind      varchar(12) not null,
    territory varchar(15) collate "C" not null,
    subject   varchar(80) not null,
    day       date        not null,
    n_reported               int not null default 0,
    n_reported_registered    int not null default 0,
    n_verified               int not null default 0,
    n_verified_on_time       int not null default 0,
    n_registered             int not null default 0,
    n_registered_on_time     int not null default 0,
    n_dispatched             int not null default 0,
    n_dispatched_on_time     int not null default 0,
    n_dispatched_accurately  int not null default 0,
    n_due                    int not null default 0,
    n_handled                int not null default 0,
    n_handled_on_time        int not null default 0,
    n_overdue                int not null default 0,
    n_reworked               int not null default 0,
    n_checked                int not null default 0,
    n_checked_on_time        int not null default 0,
    n_closed                 int not null default 0,
    n_rated                  int not null default 0,
    n_satisfied              int not null default 0,
    primary key (kind, territory, subject, day)
);
create index tally_day_idx on evaluation.tally (kind, day, territory);

-- Scoring as versioned data: the version valid at a period's first day applies.
create table evaluation.scoring_scheme (
    version    int primary key,
    valid_from date         not null unique,
    bands      varchar(100) not null,
    note       varchar(200)
);
create table evaluation.scoring_weight (
    version int          not null references evaluation.scoring_scheme (version),
    kind    varchar(12)  not null,
    rate    varchar(40)  not null,
    weight  numeric(6,2) not null check (weight >= 0),
    primary key (version, kind, rate)
);
insert into evaluation.scoring_scheme (version, valid_from, bands, note)
values (1, date '2000-01-01', 'A:90,B:80,C:70,D:60', 'GB/T 30428.4 grades: A >= 90, B >= 80, C >= 70, D >= 60, E below');
insert into evaluation.scoring_weight (version, kind, rate, weight) values
    (1, 'DISTRICT', 'registrationRate', 5),
    (1, 'DISTRICT', 'onTimeVerificationRate', 5),
    (1, 'DISTRICT', 'onTimeRegistrationRate', 5),
    (1, 'DISTRICT', 'onTimeDispatchRate', 5),
    (1, 'DISTRICT', 'accurateDispatchRate', 5),
    (1, 'DISTRICT', 'disposalRate', 10),
    (1, 'DISTRICT', 'onTimeDisposalRate', 20),
    (1, 'DISTRICT', 'overdueRate', 5),
    (1, 'DISTRICT', 'reworkRate', 5),
    (1, 'DISTRICT', 'onTimeCheckRate', 5),
    (1, 'DISTRICT', 'closureRate', 15),
    (1, 'DISTRICT', 'satisfactionRate', 15),
    (1, 'STREET', 'registrationRate', 5),
    (1, 'STREET', 'onTimeVerificationRate', 5),
    (1, 'STREET', 'onTimeRegistrationRate', 5),
    (1, 'STREET', 'onTimeDispatchRate', 5),
    (1, 'STREET', 'accurateDispatchRate', 5),
    (1, 'STREET', 'disposalRate', 10),
    (1, 'STREET', 'onTimeDisposalRate', 20),
    (1, 'STREET', 'overdueRate', 5),
    (1, 'STREET', 'reworkRate', 5),
    (1, 'STREET', 'onTimeCheckRate', 5),
    (1, 'STREET', 'closureRate', 15),
    (1, 'STREET', 'satisfactionRate', 15),
    (1, 'COMMUNITY', 'registrationRate', 5),
    (1, 'COMMUNITY', 'onTimeVerificationRate', 5),
    (1, 'COMMUNITY', 'onTimeRegistrationRate', 5),
    (1, 'COMMUNITY', 'onTimeDispatchRate', 5),
    (1, 'COMMUNITY', 'accurateDispatchRate', 5),
    (1, 'COMMUNITY', 'disposalRate', 10),
    (1, 'COMMUNITY', 'onTimeDisposalRate', 20),
    (1, 'COMMUNITY', 'overdueRate', 5),
    (1, 'COMMUNITY', 'reworkRate', 5),
    (1, 'COMMUNITY', 'onTimeCheckRate', 5),
    (1, 'COMMUNITY', 'closureRate', 15),
    (1, 'COMMUNITY', 'satisfactionRate', 15),
    (1, 'GRID', 'registrationRate', 5),
    (1, 'GRID', 'onTimeVerificationRate', 5),
    (1, 'GRID', 'onTimeRegistrationRate', 5),
    (1, 'GRID', 'onTimeDispatchRate', 5),
    (1, 'GRID', 'accurateDispatchRate', 5),
    (1, 'GRID', 'disposalRate', 10),
    (1, 'GRID', 'onTimeDisposalRate', 20),
    (1, 'GRID', 'overdueRate', 5),
    (1, 'GRID', 'reworkRate', 5),
    (1, 'GRID', 'onTimeCheckRate', 5),
    (1, 'GRID', 'closureRate', 15),
    (1, 'GRID', 'satisfactionRate', 15),
    (1, 'DEPARTMENT', 'disposalRate', 25),
    (1, 'DEPARTMENT', 'onTimeDisposalRate', 35),
    (1, 'DEPARTMENT', 'overdueRate', 15),
    (1, 'DEPARTMENT', 'reworkRate', 15),
    (1, 'DEPARTMENT', 'satisfactionRate', 10),
    (1, 'COLLECTOR', 'registrationRate', 20),
    (1, 'COLLECTOR', 'onTimeVerificationRate', 50),
    (1, 'COLLECTOR', 'onTimeCheckRate', 30),
    (1, 'DISPATCHER', 'onTimeRegistrationRate', 30),
    (1, 'DISPATCHER', 'onTimeDispatchRate', 30),
    (1, 'DISPATCHER', 'accurateDispatchRate', 40),
    (1, 'HANDLER', 'disposalRate', 30),
    (1, 'HANDLER', 'onTimeDisposalRate', 40),
    (1, 'HANDLER', 'overdueRate', 15),
    (1, 'HANDLER', 'reworkRate', 15);

-- Classes of problems found by discovery: proposed to the district center, accepted (a project
-- case opened for them) or dismissed.
create table evaluation.problem_class (
    id               uuid primary key,
    district_code    varchar(6)  not null,
    category_group   varchar(10) not null,
    category_code    varchar(10) not null,
    state            varchar(12) not null,
    window_from      timestamptz not null,
    window_to        timestamptz not null,
    hotspots         int         not null,
    proposed_at      timestamptz not null,
    updated_at       timestamptz not null,
    decided_by       varchar(60),
    decided_at       timestamptz,
    project_case_id  uuid
);
create index problem_class_district_idx on evaluation.problem_class (district_code, state);
create table evaluation.problem_class_case (
    class_id uuid not null references evaluation.problem_class (id),
    case_id  uuid not null,
    primary key (class_id, case_id)
);
create index problem_class_case_idx on evaluation.problem_class_case (case_id);
