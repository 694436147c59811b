package civicgrid.evaluation.reports;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The counts and lists a report needs, read from the cases evaluation keeps (its case_fact and case_tier rows). */
@Repository
class ReportQueries {

    static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    private static final String REAL = " state not in ('INVALID', 'MERGED')";

    private final JdbcTemplate jdbc;

    ReportQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(CITY).toInstant();
    }

    private static String district(String unit) {
        return unit.substring(0, 6);
    }

    /** The grid codes inside a unit (a district or street code prefixes them). */
    private static String like(String unit) {
        return unit + "%";
    }

    /** Real problems reported per day in [first, last]. */
    Map<LocalDate, Long> reportedPerDay(String unit, LocalDate first, LocalDate last) {
        Map<LocalDate, Long> out = new LinkedHashMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            out.put(d, 0L);
        }
        jdbc.query("select (reported_at at time zone 'Asia/Shanghai')::date, count(*) from evaluation.case_fact where district_code = ? and grid_code like ?"
                        + " and reported_at >= ? and reported_at < ? and" + REAL + " group by 1",
                rs -> {
                    out.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                }, district(unit), like(unit), Timestamp.from(start(first)), Timestamp.from(start(last.plusDays(1))));
        return out;
    }

    /** Cases closed per day in [first, last]. */
    Map<LocalDate, Long> closedPerDay(String unit, LocalDate first, LocalDate last) {
        Map<LocalDate, Long> out = new LinkedHashMap<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            out.put(d, 0L);
        }
        jdbc.query("select closed_on, count(*) from evaluation.case_tier where grid_code like ? and closed_on between ? and ?"
                + " group by 1", rs -> {
                    out.put(rs.getDate(1).toLocalDate(), rs.getLong(2));
                }, like(unit), Date.valueOf(first), Date.valueOf(last));
        return out;
    }

    record Count(String code, long count) {
    }

    /** Real problems reported in [first, last] per category, most first. */
    List<Count> byCategory(String unit, LocalDate first, LocalDate last, int limit) {
        return jdbc.query("select category_code, count(*) from evaluation.case_fact where district_code = ? and grid_code like ? and reported_at >= ?"
                        + " and reported_at < ? and" + REAL + " group by 1 order by 2 desc, 1 limit ?",
                (rs, i) -> new Count(rs.getString(1), rs.getLong(2)), district(unit), like(unit), Timestamp.from(start(first)),
                Timestamp.from(start(last.plusDays(1))), limit);
    }

    /** Hotspots: the grids with the most real problems reported in [first, last]. */
    List<Count> hotspotGrids(String unit, LocalDate first, LocalDate last, int limit) {
        return jdbc.query("select grid_code, count(*) from evaluation.case_fact where district_code = ? and grid_code like ? and reported_at >= ?"
                        + " and reported_at < ? and" + REAL + " group by 1 order by 2 desc, 1 limit ?",
                (rs, i) -> new Count(rs.getString(1), rs.getLong(2)), district(unit), like(unit), Timestamp.from(start(first)),
                Timestamp.from(start(last.plusDays(1))), limit);
    }

    record Overdue(String number, String categoryCode, String gridCode, Instant reportedAt, String state) {
    }

    /** Open cases whose disposal time ran out (evaluation counted them overdue), oldest first. */
    List<Overdue> openOverdue(String unit, int limit) {
        return jdbc.query("select number, category_code, grid_code, reported_at, state from evaluation.case_fact where district_code = ? and grid_code like ?"
                        + " and state not in ('CLOSED', 'EVALUATED', 'INVALID', 'MERGED')"
                        + " and contributions ~ '\\|OVERDUE(\\n|$)' order by reported_at, number limit ?",
                (rs, i) -> new Overdue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5)),
                district(unit), like(unit), limit);
    }
}
