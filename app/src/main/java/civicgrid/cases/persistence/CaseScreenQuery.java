package civicgrid.cases.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The big screen's aggregates of one territory, grouped by the territory level below it: open cases
 * by light (the open-case indexes are partial on {@code is_open}), and today's reports and closures.
 */
@Repository
public class CaseScreenQuery {

    /** The light of an open case exactly as its map dot shows it (see {@link CaseQueries#points}). */
    private static final String LIGHT = "case when stage_deadline is null then 'NONE'"
            + " when overdue or stage_deadline <= ? then 'RED'"
            + " when warned or stage_warning_at <= ? then 'YELLOW' else 'GREEN' end";

    private final JdbcTemplate jdbc;

    public CaseScreenQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Open cases of a unit by light and urgency. */
    public record Open(long green, long yellow, long red, long none, long urgent) {
        public long total() {
            return green + yellow + red + none;
        }
    }

    /** Open cases inside {@code territory}, per unit of the {@code groupLength}-digit level (6, 9, 12 or 15). */
    public Map<String, Open> open(String territory, int groupLength, Instant now) {
        String group = column(groupLength);
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(now), Timestamp.from(now)));
        String where = within(territory, args);
        Map<String, Open> out = new HashMap<>();
        jdbc.query("select " + group + ", count(*) filter (where light = 'GREEN'), count(*) filter (where light = 'YELLOW'),"
                + " count(*) filter (where light = 'RED'), count(*) filter (where light = 'NONE'), count(*) filter (where urgent)"
                + " from (select " + group + ", urgent, " + LIGHT + " as light from cases.case_file where is_open and " + where
                + ") open group by 1", rs -> {
                    out.put(rs.getString(1), new Open(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                }, args.toArray());
        return out;
    }

    /** Cases reported since {@code since} inside {@code territory} (merged ones not counted twice), per unit. */
    public Map<String, Long> reportedSince(String territory, int groupLength, Instant since) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(since)));
        String where = within(territory, args);
        return countBy(column(groupLength), "reported_at >= ? and state <> 'MERGED' and " + where, args);
    }

    /** Cases closed since {@code since} inside {@code territory}, per unit. */
    public Map<String, Long> closedSince(String territory, int groupLength, Instant since) {
        List<Object> args = new ArrayList<>(List.of(Timestamp.from(since)));
        String where = within(territory, args);
        return countBy(column(groupLength), "not is_open and closed_at >= ? and state in ('CLOSED', 'EVALUATED') and " + where, args);
    }

    private Map<String, Long> countBy(String group, String where, List<Object> args) {
        Map<String, Long> out = new HashMap<>();
        jdbc.query("select " + group + ", count(*) from cases.case_file where " + where + " group by 1",
                rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                }, args.toArray());
        return out;
    }

    private static String within(String territory, List<Object> args) {
        if (territory.equals("500000")) {
            return "true";
        }
        args.add(territory);
        return TerritoryColumn.of(territory) + " = ?";
    }

    private static String column(int codeLength) {
        return TerritoryColumn.of("0".repeat(codeLength));
    }
}
