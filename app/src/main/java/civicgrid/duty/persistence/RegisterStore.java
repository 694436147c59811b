package civicgrid.duty.persistence;

import civicgrid.duty.domain.RegisterKind;
import civicgrid.duty.domain.Subject;
import civicgrid.duty.domain.SubjectKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The four registers in one store, driven by {@link RegisterKind}: the SQL is built from the kind's
 * own column names (never from user input), so a new column is one line in the kind.
 */
@Repository
public class RegisterStore {

    private final JdbcTemplate jdbc;

    RegisterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or updates rows on their natural key; each row holds the kind's columns in order plus registered_on. */
    public void upsert(RegisterKind kind, List<Object[]> rows) {
        List<String> names = kind.columns().stream().map(RegisterKind.Column::name).toList();
        String columns = String.join(", ", names) + ", registered_on";
        String placeholders = names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ", ?";
        String updates = names.stream().filter(n -> !kind.naturalKey().contains(n)).map(n -> n + " = excluded." + n)
                .collect(Collectors.joining(", "));
        // registered_on is kept on update: a cadence keeps counting from the day the subject entered the register
        String sql = "insert into duty." + kind.table() + " (" + columns + ") values (" + placeholders + ") on conflict ("
                + String.join(", ", kind.naturalKey()) + ") do update set " + updates + ", updated_at = now()";
        for (int from = 0; from < rows.size(); from += 1000) {
            jdbc.batchUpdate(sql, rows.subList(from, Math.min(rows.size(), from + 1000)));
        }
    }

    /** Names the writer of this transaction's register changes in their edit history. */
    public void actAs(String actor) {
        jdbc.queryForObject("select set_config('civicgrid.actor', ?, true)", String.class, actor);
    }

    public record Change(String action, List<String> fields, String by, java.time.Instant at) {
    }

    /** One row's grid code, or null when there is no such row. */
    public String gridOf(RegisterKind kind, long id) {
        return jdbc.query("select grid_code from duty." + kind.table() + " where id = ?", (rs, i) -> rs.getString(1), id).stream()
                .findFirst().orElse(null);
    }

    /** One row's edit history, newest first. */
    public List<Change> history(RegisterKind kind, long id) {
        return jdbc.query("select action, fields, changed_by, changed_at from duty.register_change where register = ? and row_id = ?"
                        + " order by id desc limit 200",
                (rs, i) -> new Change(rs.getString(1), rs.getString(2).isEmpty() ? List.of() : List.of(rs.getString(2).split(",")),
                        rs.getString(3), rs.getTimestamp(4).toInstant()), kind.table(), id);
    }

    public long count(RegisterKind kind, String unitPrefix) {
        Long n = jdbc.queryForObject("select count(*) from duty." + kind.table() + " where grid_code like ?", Long.class,
                unitPrefix + "%");
        return n == null ? 0 : n;
    }

    /** Rows of a unit (prefix of grid codes), optionally those whose name holds {@code text} or whose key ends with it. */
    public List<Map<String, Object>> search(RegisterKind kind, String unitPrefix, String text, int offset, int limit) {
        String columns = "id, " + kind.columns().stream().map(RegisterKind.Column::name).collect(Collectors.joining(", "))
                + ", registered_on";
        boolean searching = text != null && !text.isBlank();
        List<Object> args = new ArrayList<>();
        args.add(unitPrefix + "%");
        String match = "";
        if (searching) {
            String like = text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            match = " and (" + kind.nameColumn() + " like ?";
            args.add("%" + like + "%");
            if (kind.tailColumn() != null) {
                match += " or " + kind.tailColumn() + " like ?";
                args.add("%" + like.toUpperCase(java.util.Locale.ROOT));
            }
            match += ")";
        }
        if (searching && unitPrefix.length() == 9 && kind == RegisterKind.PEOPLE) {
            StreetSearch page = StreetSearch.of(unitPrefix, text.strip(), offset, limit);
            return jdbc.queryForList("select " + columns + " from duty.person where id in (" + page.sql() + ") order by id", page.args());
        }
        args.add(offset);
        args.add(limit);
        if (searching && unitPrefix.length() >= 9) {
            // inside a street or smaller (tens of thousands of rows): the unit's ids, names and tails first (from the covering
            // index, see V2026_12_06_2301), filtered, then only the page's rows; bounded by the unit's size, where the planner
            // might otherwise walk the whole table in id order hoping to meet the first matches early (seconds for a rare
            // ID tail among 10 million people)
            String narrow = "id, " + kind.nameColumn() + (kind.tailColumn() == null ? "" : ", " + kind.tailColumn());
            return jdbc.queryForList("with unit as materialized (select " + narrow + " from duty." + kind.table()
                    + " where grid_code like ?), hits as (select id from unit where true" + match + " order by id offset ? limit ?)"
                    + " select " + columns + " from duty." + kind.table() + " where id in (select id from hits) order by id", args.toArray());
        }
        return jdbc.queryForList("select " + columns + " from duty." + kind.table() + " where grid_code like ?" + match
                + " order by id offset ? limit ?", args.toArray());
    }

    /** What an ID number is made of: a query of these characters only is a tail, never part of a name. */
    private static final java.util.regex.Pattern ID_TAIL = java.util.regex.Pattern.compile("[0-9Xx]{1,18}");

    /**
     * The ids of one page of a street's people matching a name fragment or an ID-number tail, through the
     * street-local indexes of V2026_12_07_0400: a tail is a range of the reversed numbers (bounds, not
     * LIKE, so a generic prepared plan uses the range too); a name fragment is looked up by its one- or
     * two-character pieces prefixed with the street (a GIN index; every piece of the fragment must be a
     * piece of the name, then the fragment itself is checked). The street is the only narrowing
     * condition: a second, redundant grid-code condition would make the planner multiply two
     * selectivities of the same fact and misjudge the plan. Public for the benchmark, which shows the plan.
     */
    public record StreetSearch(String sql, Object[] args) {

        public static StreetSearch of(String streetCode, String text, int offset, int limit) {
            if (ID_TAIL.matcher(text).matches()) {
                String reversed = new StringBuilder(text.toUpperCase(java.util.Locale.ROOT)).reverse().toString();
                String after = reversed.substring(0, reversed.length() - 1) + (char) (reversed.charAt(reversed.length() - 1) + 1);
                return new StreetSearch("select id from duty.person where left(grid_code, 9) = ? and reverse(id_number) ~>=~ ?"
                        + " and reverse(id_number) ~<~ ? order by id offset ? limit ?", new Object[] {streetCode, reversed, after, offset, limit});
            }
            String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            return new StreetSearch("select id from duty.person where duty.street_name_grams(grid_code, name) @> ?::text[] and name like ?"
                    + " order by id offset ? limit ?", new Object[] {grams(streetCode, text), like, offset, limit});
        }

        /** The pieces every matching name holds: the fragment's two-character pieces (itself when it is one character). */
        private static String[] grams(String streetCode, String fragment) {
            int[] chars = fragment.codePoints().toArray();
            if (chars.length == 1) {
                return new String[] {streetCode + fragment};
            }
            String[] grams = new String[chars.length - 1];
            for (int i = 0; i < grams.length; i++) {
                grams[i] = streetCode + new String(chars, i, 2);
            }
            return grams;
        }
    }

    public record KeyPlace(String code, String name, String kind, boolean fireLane, double lon, double lat) {
    }

    /** The key places of a unit (prefix of grid codes) for a map, at most {@code limit}, in a stable order. */
    public List<KeyPlace> keyPlaces(String unitPrefix, int limit) {
        return jdbc.query("select code, name, kind, fire_lane, lon, lat from duty.key_place where grid_code like ? order by code limit ?",
                (rs, i) -> new KeyPlace(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getDouble(5),
                        rs.getDouble(6)), unitPrefix + "%", limit);
    }

    /** Rows by id, for the subjects of a day's tasks. */
    public Map<Long, Map<String, Object>> byIds(RegisterKind kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> row : jdbc.queryForList("select * from duty." + kind.table() + " where id = any(?)",
                (Object) ids.toArray(Long[]::new))) {
            out.put(((Number) row.get("id")).longValue(), row);
        }
        return out;
    }

    /** The subjects of one kind in each of {@code gridCodes}, by grid: one query for a whole page of workers. */
    public Map<String, List<Subject>> subjectsOf(SubjectKind kind, java.util.Collection<String> gridCodes) {
        String sql = switch (kind) {
            case GRID -> null;
            case KEY_PLACE -> "select grid_code, id, registered_on, lon, lat from duty.key_place where grid_code = any(?)";
            case FRONTAGE_SHOP -> "select grid_code, id, registered_on, lon, lat from duty.enterprise where grid_code = any(?) and frontage_duty";
            default -> "select grid_code, id, registered_on, lon, lat from duty.person where grid_code = any(?) and key_groups <> ''"
                    + " and ';' || key_groups || ';' like '%;" + kind.keyGroup().name() + ";%'";
        };
        Map<String, List<Subject>> out = new java.util.HashMap<>();
        if (sql == null || gridCodes.isEmpty()) {
            return out;
        }
        jdbc.query(sql, rs -> {
            out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Subject(kind, Long.toString(rs.getLong(2)),
                    rs.getObject(3, LocalDate.class), rs.getDouble(4), rs.getDouble(5)));
        }, (Object) gridCodes.toArray(String[]::new));
        return out;
    }
}
