package civicgrid.evaluation.persistence;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Weekly counts per grid and category (from the cases evaluation keeps) and the trend alarms computed from them. */
@Repository
public class TrendStore {

    private static final ZoneId CITY = ZoneId.of("Asia/Shanghai");

    private final JdbcTemplate jdbc;

    TrendStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One grid's and category's counts: index 0 = the 7 days ending on the day, 1 = the 7 days before, ... */
    public record Series(String gridCode, String categoryCode, int[] weeks) {
    }

    /**
     * The real problems (neither invalid nor merged) reported in a district per grid, category and
     * 7-day window back from {@code day} (included), for {@code windows} windows.
     */
    public List<Series> weekly(String district, LocalDate day, int windows) {
        Instant end = day.plusDays(1).atStartOfDay(CITY).toInstant();
        Instant start = day.plusDays(1).minusDays(7L * windows).atStartOfDay(CITY).toInstant();
        Map<String, int[]> byKey = new HashMap<>();
        jdbc.query("select grid_code, category_code, floor(extract(epoch from (? - reported_at)) / 604800)::int as back, count(*)"
                        + " from evaluation.case_fact where district_code = ? and reported_at >= ? and reported_at < ?"
                        + " and state not in ('INVALID', 'MERGED') group by 1, 2, 3",
                rs -> {
                    int back = rs.getInt(3);
                    if (back >= 0 && back < windows) {
                        byKey.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new int[windows])[back] += rs.getInt(4);
                    }
                }, Timestamp.from(end), district, Timestamp.from(start), Timestamp.from(end));
        List<Series> out = new ArrayList<>();
        byKey.forEach((k, v) -> out.add(new Series(k.substring(0, k.indexOf('|')), k.substring(k.indexOf('|') + 1), v)));
        return out;
    }

    /** An alarm as kept. */
    public record Alarm(LocalDate day, String gridCode, String categoryCode, int count, double mean, double sd, double upper) {
    }

    /** Replaces a district's alarms of a day (a day computed twice keeps the last run's). */
    public void replace(String district, LocalDate day, List<Alarm> alarms, Instant now) {
        jdbc.update("delete from evaluation.trend_alarm where day = ? and grid_code >= ? and grid_code < ?", Date.valueOf(day),
                UnitRange.of(district).from(), UnitRange.of(district).to());
        jdbc.batchUpdate("insert into evaluation.trend_alarm (day, grid_code, category_code, week_count, band_mean, band_sd, band_upper)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                alarms.stream().map(a -> new Object[] {Date.valueOf(a.day()), a.gridCode(), a.categoryCode(), a.count(), a.mean(), a.sd(),
                        a.upper()}).toList());
        jdbc.update("insert into evaluation.trend_run (day, district_code, computed_at) values (?, ?, ?) on conflict (day, district_code)"
                + " do update set computed_at = excluded.computed_at", Date.valueOf(day), district, Timestamp.from(now));
    }

    /** Whether a district's day was computed already. */
    public boolean computed(String district, LocalDate day) {
        return !jdbc.queryForList("select 1 from evaluation.trend_run where day = ? and district_code = ?", Date.valueOf(day), district)
                .isEmpty();
    }

    /** The latest computed day of the districts under (or over) a unit, if any. */
    public Optional<LocalDate> latestDay(String unit) {
        UnitRange range = UnitRange.of(unit.length() > 6 ? unit.substring(0, 6) : unit);
        Date d = jdbc.queryForObject("select max(day) from evaluation.trend_run where district_code >= ? and district_code < ?", Date.class,
                range.from(), range.to());
        return Optional.ofNullable(d).map(Date::toLocalDate);
    }

    /** The alarms of a day inside a unit, strongest rise first. */
    public List<Alarm> alarms(String unit, LocalDate day) {
        return jdbc.query("select day, grid_code, category_code, week_count, band_mean, band_sd, band_upper from evaluation.trend_alarm"
                        + " where day = ? and grid_code >= ? and grid_code < ? order by week_count - band_upper desc, grid_code, category_code",
                (rs, i) -> new Alarm(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getDouble(5),
                        rs.getDouble(6), rs.getDouble(7)),
                Date.valueOf(day), UnitRange.of(unit).from(), UnitRange.of(unit).to());
    }
}
