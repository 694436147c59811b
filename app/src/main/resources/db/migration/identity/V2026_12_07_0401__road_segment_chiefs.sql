-- Road-segment chiefs (路段长): an account holding the post ROAD_SEGMENT_CHIEF lists the road segments
-- it answers for (geo.road_segment.code). Segments are a second territory beside the units of
-- user_scope and are kept apart from them: their codes (500104001R0101) must never be prefix-matched
-- as territory codes.
insert into identity.post (code, name_zh, name_en, sector) values
    ('ROAD_SEGMENT_CHIEF', '路段长', 'Road-segment chief', 'LIVELIHOOD');

create table identity.user_road_segment (
    user_id      uuid        not null references identity.app_user (id) on delete cascade,
    segment_code varchar(20) not null,
    primary key (user_id, segment_code)
);
-- who answers for a segment (a segment may have a deputy beside its chief)
create index user_road_segment_code on identity.user_road_segment (segment_code);
