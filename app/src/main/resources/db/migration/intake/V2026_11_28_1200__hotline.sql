-- Work orders of the 12345 hotline: one row per order number (the import is idempotent on it),
-- the case it became or joined, and the result callback owed to the hotline when that case ends.
create table intake.hotline_order (
    order_no          varchar(64)  primary key,
    case_id           uuid         not null,
    outcome           varchar(12)  not null,   -- CREATED or JOINED
    received_at       timestamptz  not null,
    caller_name       varchar(60),
    caller_phone      varchar(40),
    imported_at       timestamptz  not null,
    callback_due_at   timestamptz,
    callback_sent_at  timestamptz,
    callback_attempts int          not null default 0,
    callback_next_at  timestamptz,
    callback_error    varchar(300)
);
create index hotline_order_case_idx on intake.hotline_order (case_id);
create index hotline_order_callback_idx on intake.hotline_order (callback_next_at) where callback_due_at is not null and callback_sent_at is null;
