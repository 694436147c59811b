-- A register search inside a street reads the street's ids, names and ID numbers from this index alone
-- (index-only once vacuumed), filters them, and fetches only the page's rows. It replaces the plain
-- grid index, whose prefix searches it serves as well.
create index person_grid_search on duty.person (grid_code varchar_pattern_ops) include (id, name, id_number);
drop index duty.person_grid;
