-- Residents' snap-and-report submissions: the case each became or joined, who sent it (device and,
-- when signed in, account: rate limits count both), and the hash of the tracking code given back.
create table intake.snap_report (
    id         bigserial primary key,
    case_id    uuid         not null,
    reporter   varchar(60)  not null,
    device_id  varchar(64)  not null,
    account    varchar(60),
    code_hash  varchar(64)  not null,
    joined     boolean      not null,
    created_at timestamptz  not null
);
create index snap_report_case_idx on intake.snap_report (case_id);
create index snap_report_device_idx on intake.snap_report (device_id, created_at);
create index snap_report_account_idx on intake.snap_report (account, created_at) where account is not null;
