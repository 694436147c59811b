package civicgrid.cases.persistence;

import civicgrid.cases.domain.CaseFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Work queues: open cases of a territory or an assignee, urgent pinned on top, then overdue, then
 * by deadline — the order of the partial indexes per territory level and per assignee, so a page
 * is read straight off an index however many cases the territory holds.
 */
@Repository
public class CaseQueries {

    /** Which cases a queue holds; {@code roadSegments}: only cases on these road segments (a segment chief's queue). */
    public record Filter(Set<String> territories, String assignmentInstance, Set<String> states, String categoryCode,
                         Boolean overdueOnly, Boolean urgentOnly, boolean includeClosed, String search, Set<String> roadSegments) {

        public Filter(Set<String> territories, String assignmentInstance, Set<String> states, String categoryCode,
                      Boolean overdueOnly, Boolean urgentOnly, boolean includeClosed, String search) {
            this(territories, assignmentInstance, states, categoryCode, overdueOnly, urgentOnly, includeClosed, search, null);
        }
    }

    private final JdbcTemplate jdbc;

    public CaseQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<CaseFile> page(Filter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(offset);
        args.add(limit);
        return jdbc.query("select " + CaseRepository.COLUMNS + " from cases.case_file where " + where
                + " order by urgent desc, overdue desc, stage_deadline offset ? limit ?",
                CaseRepository::map, args.toArray());
    }

    /** The number of cases in the queue, counted up to {@code cap} (a queue of millions is "more than cap"). */
    public long count(Filter filter, int cap) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(cap + 1);
        Long n = jdbc.queryForObject("select count(*) from (select 1 from cases.case_file where " + where + " limit ?) q",
                Long.class, args.toArray());
        return n == null ? 0 : n;
    }

    private static String where(Filter f, List<Object> args) {
        StringBuilder sql = new StringBuilder(f.includeClosed() ? "true" : "is_open");
        if (f.territories() != null) {
            List<String> parts = new ArrayList<>();
            for (String code : f.territories()) {
                if (code.equals("500000")) {
                    parts.add("true");
                    continue;
                }
                String column = TerritoryColumn.of(code);
                parts.add(column + " = ?");
                args.add(code.length() > 15 ? code.substring(0, 15) : code);
            }
            sql.append(" and (").append(parts.isEmpty() ? "false" : String.join(" or ", parts)).append(")");
        }
        if (f.roadSegments() != null) {
            sql.append(" and road_segment_code = any(?)");
            args.add(f.roadSegments().toArray(String[]::new));
        }
        if (f.assignmentInstance() != null) {
            sql.append(" and assignment_instance = ?");
            args.add(f.assignmentInstance());
        }
        if (f.states() != null && !f.states().isEmpty()) {
            sql.append(" and state in (").append("?,".repeat(f.states().size() - 1)).append("?)");
            args.addAll(f.states());
        }
        if (f.categoryCode() != null) {
            sql.append(" and category_code = ?");
            args.add(f.categoryCode());
        }
        if (Boolean.TRUE.equals(f.overdueOnly())) {
            sql.append(" and overdue");
        }
        if (f.search() != null) {
            sql.append(" and (number = ? or description like ?)");
            args.add(f.search());
            args.add("%" + f.search().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (Boolean.TRUE.equals(f.urgentOnly())) {
            sql.append(" and urgent");
        }
        return sql.toString();
    }

    /**
     * The open cases of a territory as map dots, urgent and overdue first, at most {@code limit}: only the
     * columns a dot needs, so a street of 10,000 open cases is one light query.
     */
    public List<civicgrid.cases.CasePoint> points(String territory, java.time.Instant now, int limit) {
        String where = territory.equals("500000") ? "true" : TerritoryColumn.of(territory) + " = ?";
        List<Object> args = new ArrayList<>();
        if (!territory.equals("500000")) {
            args.add(territory.length() > 15 ? territory.substring(0, 15) : territory);
        }
        args.add(limit);
        java.sql.Timestamp at = java.sql.Timestamp.from(now);
        return jdbc.query("select id, number, lon, lat, urgent, overdue, warned, stage_warning_at, stage_deadline, state, category_code"
                + " from cases.case_file where is_open and " + where + " order by urgent desc, overdue desc, stage_deadline limit ?",
                (rs, i) -> {
                    java.sql.Timestamp deadline = rs.getTimestamp(9);
                    java.sql.Timestamp warning = rs.getTimestamp(8);
                    String light = deadline == null ? "NONE"
                            : rs.getBoolean(6) || !at.before(deadline) ? "RED"
                            : rs.getBoolean(7) || warning != null && !at.before(warning) ? "YELLOW" : "GREEN";
                    return new civicgrid.cases.CasePoint(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), light,
                            rs.getBoolean(5), civicgrid.cases.CaseState.valueOf(rs.getString(10)), rs.getString(11));
                }, args.toArray());
    }
}
