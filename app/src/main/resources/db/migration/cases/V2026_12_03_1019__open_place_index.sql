-- Residents' "open reports near me" asks for open cases of any category within a few hundred metres:
-- by latitude band, then longitude, among open cases only.
create index case_open_place_idx on cases.case_file (lat, lon) where is_open;
