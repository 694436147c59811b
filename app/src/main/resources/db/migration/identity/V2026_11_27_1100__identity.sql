create schema if not exists identity;

-- Posts (岗位) a street regroups its offices into, each in one of the four sectors.
create table identity.post (
    code    varchar(40) primary key,
    name_zh varchar(50) not null,
    name_en varchar(80) not null,
    sector  varchar(20) not null check (sector in ('PARTY', 'ECONOMY', 'LIVELIHOOD', 'PEACE_LAW'))
);
insert into identity.post (code, name_zh, name_en, sector) values
    ('GENERAL_COORDINATION', '综合协调岗', 'General coordination', 'PARTY'),
    ('PARTY_BUILDING', '党建工作岗', 'Party building', 'PARTY'),
    ('ECONOMIC_SERVICE', '经济服务岗', 'Economic services', 'ECONOMY'),
    ('ENTERPRISE_SERVICE', '企业服务岗', 'Enterprise services', 'ECONOMY'),
    ('SOCIAL_AFFAIRS', '社会事务岗', 'Social affairs', 'LIVELIHOOD'),
    ('URBAN_MANAGEMENT', '城市管理岗', 'Urban management', 'LIVELIHOOD'),
    ('SAFETY_SUPERVISION', '安全监管岗', 'Safety supervision', 'PEACE_LAW'),
    ('COMPREHENSIVE_GOVERNANCE', '综治维稳岗', 'Comprehensive governance', 'PEACE_LAW'),
    ('COMPREHENSIVE_ENFORCEMENT', '综合执法岗', 'Comprehensive enforcement', 'PEACE_LAW');

create table identity.app_user (
    id              uuid primary key,
    username        varchar(60)  not null unique,
    password_hash   varchar(100) not null,
    display_name    varchar(60)  not null,
    role            varchar(30)  not null,
    post_code       varchar(40) references identity.post (code),
    department_code varchar(40),
    phone           varchar(20),
    id_number       varchar(18),
    address         varchar(200),
    enabled         boolean      not null default true,
    failed_logins   int          not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz  not null,
    version         bigint       not null default 0
);

create table identity.user_scope (
    user_id   uuid        not null references identity.app_user (id) on delete cascade,
    unit_code varchar(17) not null,
    primary key (user_id, unit_code)
);
