package civicgrid.response.persistence;

import civicgrid.response.domain.ResponsePlan;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Plan versions in {@code response.plan}; a version once written never changes. */
@Repository
public class PlanStore {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;

    PlanStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ResponsePlan plan, Instant at, String by) {
        jdbc.update("insert into response.plan (code, version, territory_code, body, created_at, created_by) values (?, ?, ?, ?::jsonb, ?, ?)",
                plan.code(), plan.version(), plan.territoryCode(), JSON.writeValueAsString(plan), Timestamp.from(at), by);
    }

    public Optional<ResponsePlan> latest(String code) {
        return jdbc.query("select body from response.plan where code = ? order by version desc limit 1",
                (rs, n) -> JSON.readValue(rs.getString(1), ResponsePlan.class), code).stream().findFirst();
    }

    /** The latest version of every plan (a few per street: held in memory by the caller). */
    public List<ResponsePlan> latestAll() {
        return jdbc.query("select distinct on (code) body from response.plan order by code, version desc",
                (rs, n) -> JSON.readValue(rs.getString(1), ResponsePlan.class));
    }
}
