-- Services a rule's webhook action calls (the traffic police's escort), named as the rules name them.
-- The secret signs each call (HMAC-SHA256) and so is kept as written; the API never returns it.
create table sensing.webhook_target (
    name        varchar(40)  primary key,
    url         varchar(500) not null,
    secret      varchar(200) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(60)  not null
);
