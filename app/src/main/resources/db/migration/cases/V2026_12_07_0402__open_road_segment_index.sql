-- A road-segment chief's queue (queue=segment): the open cases of a few segments in the queues' order,
-- read off this index however many cases the city holds. Cases off any road are not in it.
create index case_open_road_segment_idx on cases.case_file (road_segment_code, urgent desc, overdue desc, stage_deadline)
    where is_open and road_segment_code is not null;
