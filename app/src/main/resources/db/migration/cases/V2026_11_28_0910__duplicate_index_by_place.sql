-- Duplicate lookups ask for one category within ±250 m of a point in the last 24 h. Ordered by time,
-- the old index made them read every open case of the category reported that day (thousands on a
-- busy day); ordered by latitude they read the cases in a 500 m band across the city and check the
-- rest in the index.
drop index if exists cases.case_duplicate_idx;
create index case_duplicate_idx on cases.case_file (category_code, lat, lon, reported_at) where is_open;
