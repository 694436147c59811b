-- Closed cases are looked up by district and closing time (evaluation); open ones never need it.
drop index cases.case_closed_idx;
create index case_closed_idx on cases.case_file (district_code, closed_at) where not is_open;
