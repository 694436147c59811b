-- A register search inside a street answers from an index of that street alone, whatever the city holds.
-- An ID-number tail is a prefix of the reversed number: a short range of the street's entries.
create index person_street_id_tail on duty.person (left(grid_code, 9), reverse(id_number) text_pattern_ops) include (id, grid_code);

-- A name fragment (often two Chinese characters, too short for pg_trgm's trigrams) through the one- and
-- two-character pieces of each name, each prefixed with the person's street: a fragment's pieces are
-- looked up in the street's posting lists only (a rare fragment is a handful of rows, a common one a
-- few thousand, never the street's 45,000); the fragment itself is checked on the rows found. plpgsql,
-- so the planner never inlines it and the index expression always matches the query's.
create function duty.street_name_grams(grid_code varchar, name varchar) returns text[]
    language plpgsql immutable strict parallel safe as $$
declare
    street text := left(grid_code, 9);
    grams  text[] := '{}';
begin
    for i in 1 .. char_length(name) loop
        grams := grams || (street || substr(name, i, 1));
        if i < char_length(name) then
            grams := grams || (street || substr(name, i, 2));
        end if;
    end loop;
    return grams;
end;
$$;
create index person_street_name_grams on duty.person using gin (duty.street_name_grams(grid_code, name));
