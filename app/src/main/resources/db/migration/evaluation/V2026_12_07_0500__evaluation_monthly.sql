-- Monthly figures beside the daily ones, changed by the same differences: a period reads its whole
-- months here and its other days from evaluation.tally, so a year is 12 rows per subject. Units keep
-- their own code; departments and persons are kept per street (the first 9 digits of the case's
-- grid), so a street, district or city asks few rows, and a community or grid asks the daily rows.
create table evaluation.tally_month (
    kind      varchar(12) not null,
    territory varchar(15) collate "C" not null,
    subject   varchar(80) not null,
    month     date        not null check (extract(day from month) = 1),
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
    primary key (kind, territory, subject, month)
);
create index tally_month_month_idx on evaluation.tally_month (kind, month, territory);

-- the months of the figures kept so far
insert into evaluation.tally_month (kind, territory, subject, month, n_reported, n_reported_registered, n_verified, n_verified_on_time, n_registered, n_registered_on_time, n_dispatched, n_dispatched_on_time, n_dispatched_accurately, n_due, n_handled, n_handled_on_time, n_overdue, n_reworked, n_checked, n_checked_on_time, n_closed, n_rated, n_satisfied)
select kind, case when kind in ('DISTRICT', 'STREET', 'COMMUNITY', 'GRID') then territory else substring(territory, 1, 9) end,
       subject, date_trunc('month', day)::date, sum(n_reported), sum(n_reported_registered), sum(n_verified), sum(n_verified_on_time), sum(n_registered), sum(n_registered_on_time), sum(n_dispatched), sum(n_dispatched_on_time), sum(n_dispatched_accurately), sum(n_due), sum(n_handled), sum(n_handled_on_time), sum(n_overdue), sum(n_reworked), sum(n_checked), sum(n_checked_on_time), sum(n_closed), sum(n_rated), sum(n_satisfied)
from evaluation.tally group by 1, 2, 3, 4;
