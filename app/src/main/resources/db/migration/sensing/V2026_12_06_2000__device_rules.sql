-- A device's own rules, replacing its profile's defaults, as the data an administrator edited (the
-- JSON form of civicgrid.sensing.domain.RuleCodec). No row: the device runs its profile's rules.
create table sensing.device_rules (
    device_id  varchar(60)  primary key references sensing.device (id) on delete cascade,
    rules      jsonb        not null,
    updated_at timestamptz  not null,
    updated_by varchar(60)  not null
);
