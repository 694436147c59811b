-- Edit history of the registers: who created or changed which fields of which row, and when. A
-- trigger records it for every writer that names itself (set_config('civicgrid.actor', ..., true) in
-- its transaction); the demo's bulk load names nobody and leaves no history. Only field names are
-- kept, never the old values: the history must not become a second copy of personal data.
create table duty.register_change (
    id         bigserial primary key,
    register   varchar(20)  not null,
    row_id     bigint       not null,
    action     varchar(10)  not null check (action in ('CREATED', 'UPDATED')),
    fields     varchar(300) not null,
    changed_by varchar(60)  not null,
    changed_at timestamptz  not null default now()
);
create index register_change_row on duty.register_change (register, row_id, id);

create function duty.record_register_change() returns trigger language plpgsql as $$
declare
    actor  text := current_setting('civicgrid.actor', true);
    fields text;
begin
    if actor is null or actor = '' then
        return new;
    end if;
    if tg_op = 'INSERT' then
        insert into duty.register_change (register, row_id, action, fields, changed_by)
        values (tg_table_name, new.id, 'CREATED', '', actor);
        return new;
    end if;
    select string_agg(n.key, ',' order by n.key) into fields
    from jsonb_each(to_jsonb(new)) n
    where n.key not in ('updated_at', 'registered_on') and (to_jsonb(old) -> n.key) is distinct from n.value;
    if fields is not null then
        insert into duty.register_change (register, row_id, action, fields, changed_by)
        values (tg_table_name, new.id, 'UPDATED', fields, actor);
    end if;
    return new;
end;
$$;

create trigger person_history after insert or update on duty.person for each row execute function duty.record_register_change();
create trigger house_history after insert or update on duty.house for each row execute function duty.record_register_change();
create trigger enterprise_history after insert or update on duty.enterprise for each row execute function duty.record_register_change();
create trigger key_place_history after insert or update on duty.key_place for each row execute function duty.record_register_change();
