create schema if not exists audit;

create table audit.entry (
    id          bigserial primary key,
    occurred_at timestamptz  not null,
    actor       varchar(60)  not null,
    actor_role  varchar(40),
    action      varchar(60)  not null,
    target_type varchar(40),
    target_id   varchar(80),
    reason      varchar(1000),
    details     text,
    chain_seq   bigint unique,
    hash        char(64)
);
create index entry_target_idx on audit.entry (target_type, target_id);
create index entry_actor_idx on audit.entry (actor);
create index entry_unsealed_idx on audit.entry (id) where chain_seq is null;

-- The chain's head, written by the sealer: without it, deleting the newest entries would leave a
-- shorter chain that still verifies. Its hash is also exposed for copying outside the database.
create table audit.chain_head (
    id   int primary key check (id = 1),
    seq  bigint   not null,
    hash char(64) not null
);
insert into audit.chain_head (id, seq, hash) values (1, 0, repeat('0', 64));
