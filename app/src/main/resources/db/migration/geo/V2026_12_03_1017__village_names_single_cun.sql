-- Territories stored before the loader's fix named villages from "XX村村民委员会" as "XX村村" (and
-- "XX社区村民委员会" as "XX社区村"), and their grids and micro-grids after them. A fresh import names
-- them right; this renames what older imports stored. Only generated names carry the extra 村.
update geo.territory_unit set name = regexp_replace(name, '(村|社区)村$', '\1')
 where level = 'COMMUNITY' and name ~ '(村|社区)村$';
update geo.territory_unit set name = regexp_replace(name, '(村|社区)村(第[0-9]+网格)', '\1\2')
 where level in ('GRID', 'MICRO_GRID') and name ~ '(村|社区)村第[0-9]+网格';
