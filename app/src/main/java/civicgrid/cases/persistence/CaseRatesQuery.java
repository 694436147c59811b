package civicgrid.cases.persistence;

import civicgrid.cases.Rates;
import civicgrid.cases.RatesGroupBy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Aggregates the per-case figures into GB/T 30428.4 rates, grouped by a territory level or department. */
@Repository
public class CaseRatesQuery {

    private static String expression(RatesGroupBy groupBy) {
        return switch (groupBy) {
            case NONE -> "'all'";
            case DISTRICT -> "district_code";
            case STREET -> "street_code";
            case COMMUNITY -> "community_code";
            case DEPARTMENT -> "coalesce(assignment_instance, 'unassigned')";
        };
    }

    private final JdbcTemplate jdbc;

    public CaseRatesQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Rates> rates(Instant from, Instant to, String territory, String department, RatesGroupBy groupBy) {
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(from));
        args.add(Timestamp.from(to));
        StringBuilder where = new StringBuilder("reported_at >= ? and reported_at < ? and state <> 'MERGED'");
        if (territory != null && !territory.equals("500000")) {
            where.append(" and ").append(TerritoryColumn.of(territory)).append(" = ?");
            args.add(territory);
        }
        if (department != null) {
            where.append(" and assignment_code = ?");
            args.add(department);
        }
        String sql = "select " + expression(groupBy) + " as grp, count(*),"
                + " count(*) filter (where verified_on_time is not null), count(*) filter (where verified_on_time),"
                + " count(*) filter (where registered_on_time is not null), count(*) filter (where registered_on_time),"
                + " count(*) filter (where dispatched_on_time is not null), count(*) filter (where dispatched_on_time),"
                + " count(*) filter (where dispatched_on_time is not null and returns > 0),"
                + " count(*) filter (where handled_on_time is not null), count(*) filter (where handled_on_time),"
                + " count(*) filter (where handled_on_time is not null and reworks > 0),"
                + " count(*) filter (where ever_overdue and registered_on_time is not null),"
                + " count(*) filter (where state in ('CLOSED', 'EVALUATED') and registered_on_time is not null),"
                + " count(*) filter (where rating is not null), count(*) filter (where rating >= 4)"
                + " from cases.case_file where " + where + " group by grp order by grp";
        return jdbc.query(sql, (rs, i) -> Rates.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12),
                rs.getLong(13), rs.getLong(14), rs.getLong(15), rs.getLong(16)), args.toArray());
    }
}
