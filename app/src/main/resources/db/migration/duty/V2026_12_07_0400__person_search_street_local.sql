-- A register search inside a street answers from an index of that street alone, whatever the city holds:
-- a name fragment walks the street's people in id order and stops at the page's last match (LIMIT
-- pushed into the index scan); an ID-number tail is a prefix of the reversed number, a short range of
-- the street's entries. The street is the first nine digits of the grid code.
create index person_street_id on duty.person (left(grid_code, 9), id) include (grid_code, name);
create index person_street_id_tail on duty.person (left(grid_code, 9), reverse(id_number) text_pattern_ops) include (id, grid_code);
