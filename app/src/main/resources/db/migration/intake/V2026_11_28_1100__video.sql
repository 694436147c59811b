-- What each video algorithm detects, as a category of the catalog. Reference data: an
-- administrator adds rows as the video platform gains algorithms.
create table intake.video_algorithm (
    code          varchar(40) primary key,
    category_code varchar(10) not null,
    name_zh       varchar(60) not null,
    name_en       varchar(80) not null,
    urgent        boolean     not null
);
insert into intake.video_algorithm values
 ('FIRE_LANE_BLOCKED',    'E0509', '占用消防通道', 'Blocked fire lane', false),
 ('CROWD_GATHERING',      'E0411', '人员异常聚集', 'Crowd gathering', true),
 ('UNLICENSED_VENDOR',    'E0501', '无照游商', 'Unlicensed street vendor', false),
 ('OUTSIDE_BUSINESS',     'E0502', '店外经营', 'Business outside the shop', false),
 ('ROAD_OCCUPATION',      'E0506', '占道堆物', 'Road occupation', false),
 ('EXPOSED_GARBAGE',      'E0101', '暴露垃圾', 'Exposed garbage', false),
 ('OVERFLOWING_BIN',      'E0106', '垃圾满溢', 'Overflowing bin', false),
 ('THROWING_FROM_HEIGHT', 'E0409', '高空抛物', 'Objects thrown from height', true),
 ('SMOKE_FIRE',           'E0405', '烟火识别', 'Smoke or fire', true),
 ('AREA_INTRUSION',       'E0608', '区域入侵（校园周边）', 'Area intrusion (around a school)', true),
 ('ILLEGAL_PARKING',      'E0504', '机动车违停', 'Illegally parked car', false),
 ('NON_MOTOR_PARKING',    'E0505', '非机动车乱停', 'Disorderly parked e-bikes', false),
 ('OPEN_BBQ',             'E0507', '露天烧烤', 'Open-air barbecue', false),
 ('WATERLOGGING',         'E0107', '道路积水', 'Road waterlogging', false);

-- The cameras alerts may come from: where they look, who owns them, which algorithms run on them.
create table intake.camera (
    id          varchar(60)  primary key,
    name        varchar(120) not null,
    lon         double precision not null,
    lat         double precision not null,
    grid_code   varchar(15)  not null,
    owner       varchar(120) not null,
    algorithms  varchar(1000) not null,
    active      boolean      not null,
    updated_at  timestamptz  not null
);
create index camera_grid_idx on intake.camera (grid_code);

-- Every alert received (idempotent on the platform's alertId), what it became, and the operators' verdict.
create table intake.video_alert (
    alert_id     varchar(100) primary key,
    camera_id    varchar(60)  not null references intake.camera (id),
    algorithm    varchar(40)  not null,
    ts           timestamptz  not null,
    lon          double precision not null,
    lat          double precision not null,
    confidence   double precision not null,
    snapshot_url varchar(1000),
    case_id      uuid,
    outcome      varchar(12)  not null,  -- NEW_CASE, FOLDED, JOINED, DISCARDED
    routing      varchar(8),             -- AUTO or REVIEW
    verdict      boolean,
    verdict_by   varchar(60),
    verdict_at   timestamptz,
    received_at  timestamptz  not null
);
create index video_alert_fold_idx on intake.video_alert (camera_id, algorithm, ts desc);
create index video_alert_case_idx on intake.video_alert (case_id);
