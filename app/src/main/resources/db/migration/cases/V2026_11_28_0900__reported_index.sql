-- Public listings (Open311 GET requests) walk cases by report time, newest first.
create index case_reported_idx on cases.case_file (reported_at desc);
