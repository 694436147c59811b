package civicgrid.cases.persistence;

import civicgrid.cases.Stats;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Aggregates for the dashboards, always within one territory and period (indexed by territory). */
@Repository
public class CaseStatsQuery {

    private final JdbcTemplate jdbc;

    public CaseStatsQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A territory-and-period filter with its arguments. */
    public record Scope(String where, List<Object> args) {
        Object[] with(Object... more) {
            List<Object> all = new ArrayList<>(args);
            all.addAll(List.of(more));
            return all.toArray();
        }
    }

    public static Scope scope(String territory, Instant from, Instant to) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder("reported_at >= ? and reported_at < ? and state <> 'MERGED'");
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        if (!territory.equals("500000")) {
            where.append(" and ").append(TerritoryColumn.of(territory)).append(" = ?");
            args.add(territory);
        }
        return new Scope(where.toString(), args);
    }

    public Map<String, Long> countBy(String column, Scope scope) {
        Map<String, Long> out = new LinkedHashMap<>();
        jdbc.query("select " + column + ", count(*) from cases.case_file where " + scope.where() + " group by 1 order by 2 desc",
                rs -> {
                    out.put(rs.getString(1), rs.getLong(2));
                }, scope.args().toArray());
        return out;
    }

    public List<Stats.Day> byDay(Scope scope) {
        return jdbc.query("select (reported_at at time zone 'Asia/Shanghai')::date, count(*),"
                + " count(*) filter (where state in ('CLOSED', 'EVALUATED')) from cases.case_file where " + scope.where()
                + " group by 1 order by 1", (rs, i) -> new Stats.Day(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3)),
                scope.args().toArray());
    }

    /** Grids with the most reports of one category: where one kind of problem keeps coming back. */
    public List<Stats.Count> hotspots(Scope scope, String category, int limit) {
        return jdbc.query("select grid_code, count(*) from cases.case_file where " + scope.where() + " and category_code = ?"
                + " group by 1 order by 2 desc limit ?", (rs, i) -> new Stats.Count(rs.getString(1), null, rs.getLong(2)),
                scope.with(category, limit));
    }

    public List<Stats.Overdue> overdue(Scope scope, int limit) {
        return jdbc.query("select id, number, category_code, grid_code, stage_deadline, urgent from cases.case_file where "
                + scope.where() + " and is_open and overdue order by urgent desc, stage_deadline limit ?",
                (rs, i) -> new Stats.Overdue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(), rs.getBoolean(6)),
                scope.with(limit));
    }
}
