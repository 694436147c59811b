create schema if not exists intake;

-- Operators' corrections of suggested categories: the classifier trains on them with the shipped corpus.
create table intake.classification_feedback (
    id          bigserial primary key,
    text        varchar(2000) not null,
    category    varchar(10)   not null,
    corrected_by varchar(60)  not null,
    at          timestamptz   not null
);

-- Every request posted through Open311: its token, the case it became (or joined), and what the
-- client sent besides the report. Contact details are kept for the operators, never published.
create table intake.open311_request (
    token        uuid primary key,
    case_id      uuid         not null,
    client       varchar(60)  not null,
    account_id   varchar(60),
    device_id    varchar(60),
    email        varchar(120),
    phone        varchar(40),
    first_name   varchar(60),
    last_name    varchar(60),
    media_url    varchar(1000),
    attributes   text,
    created_at   timestamptz  not null
);
create index open311_request_case_idx on intake.open311_request (case_id);
