package civicgrid.cases.persistence;

import civicgrid.cases.routing.RoutingRule;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The routing rules table, read whole (it holds tens of rows) and kept for {@value #TTL_MILLIS} ms:
 * routing runs on every registration, so it must not cost a query each time; an edited rule holds
 * within half a minute on every node.
 */
@Repository
public class RoutingRules {

    static final long TTL_MILLIS = 30_000;
    private final JdbcTemplate jdbc;
    private volatile List<RoutingRule> cached;
    private volatile long loadedAt;

    public RoutingRules(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<RoutingRule> all() {
        long now = System.currentTimeMillis();
        List<RoutingRule> rules = cached;
        if (rules == null || now - loadedAt > TTL_MILLIS) {
            rules = load();
            cached = rules;
            loadedAt = now;
        }
        return rules;
    }

    private List<RoutingRule> load() {
        return jdbc.query("select category_code, territory_prefix, default_department, target_department, automatic, priority, note,"
                + " active_from, active_to from cases.routing_rule order by priority, id", (rs, i) -> new RoutingRule(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getInt(6), rs.getString(7),
                rs.getTime(8) == null ? null : rs.getTime(8).toLocalTime(), rs.getTime(9) == null ? null : rs.getTime(9).toLocalTime()));
    }
}
