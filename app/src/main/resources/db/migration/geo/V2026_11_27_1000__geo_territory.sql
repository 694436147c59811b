create schema if not exists geo;

-- One row per unit of the tree; geometry as WKB (PostgreSQL without PostGIS is enough: the
-- spatial work happens in memory, see docs/architecture.md).
create table geo.territory_unit (
    code         varchar(17) primary key,
    level        varchar(12) not null,
    name         varchar(100) not null,
    parent_code  varchar(17) references geo.territory_unit (code),
    geometry     bytea       not null,
    centroid_lon double precision not null,
    centroid_lat double precision not null,
    area_km2     double precision not null
);
create index territory_unit_parent_idx on geo.territory_unit (parent_code);
create index territory_unit_level_idx on geo.territory_unit (level);

create table geo.road_segment (
    code          varchar(20) primary key,
    road_name     varchar(100) not null,
    sequence      int          not null,
    street_code   varchar(9)   not null references geo.territory_unit (code),
    geometry      bytea        not null,
    length_m      double precision not null,
    chief_name    varchar(50)  not null,
    chief_phone   varchar(20)  not null
);
create index road_segment_street_idx on geo.road_segment (street_code);

-- Written in the same transaction as the import: its presence means the territory is complete.
create table geo.territory_import (
    dataset      varchar(50) primary key,
    imported_at  timestamptz not null,
    units        int not null,
    road_segments int not null,
    millis       bigint not null
);
