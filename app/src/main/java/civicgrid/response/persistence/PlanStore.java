package civicgrid.response.persistence;

import civicgrid.response.domain.ResponsePlan;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
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

    /** One saved version: who published it and when (the plan's version history). */
    public record PlanVersion(int version, String nameZh, String nameEn, int steps, Instant createdAt, String createdBy,
                              String createdByName) {

        /** The same version with the publisher's name as their account shows it. */
        public PlanVersion named(String name) {
            return new PlanVersion(version, nameZh, nameEn, steps, createdAt, createdBy, name);
        }
    }

    /** Writes a new version; false when that version exists already (someone published it meanwhile). */
    public boolean insert(ResponsePlan plan, Instant at, String by) {
        try {
            write(plan, at, by);
            return true;
        } catch (DuplicateKeyException published) {
            return false;
        }
    }

    private void write(ResponsePlan plan, Instant at, String by) {
        jdbc.update("insert into response.plan (code, version, territory_code, body, created_at, created_by) values (?, ?, ?, ?::jsonb, ?, ?)",
                plan.code(), plan.version(), plan.territoryCode(), JSON.writeValueAsString(plan), Timestamp.from(at), by);
    }

    public Optional<ResponsePlan> latest(String code) {
        return jdbc.query("select body from response.plan where code = ? order by version desc limit 1",
                (rs, n) -> JSON.readValue(rs.getString(1), ResponsePlan.class), code).stream().findFirst();
    }

    public Optional<ResponsePlan> version(String code, int version) {
        return jdbc.query("select body from response.plan where code = ? and version = ?",
                (rs, n) -> JSON.readValue(rs.getString(1), ResponsePlan.class), code, version).stream().findFirst();
    }

    /** Every version of a plan, newest first. */
    public List<PlanVersion> versions(String code) {
        return jdbc.query("select version, body ->> 'nameZh', body ->> 'nameEn', jsonb_array_length(body -> 'steps'), created_at, created_by"
                        + " from response.plan where code = ? order by version desc",
                (rs, n) -> new PlanVersion(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getTimestamp(5).toInstant(),
                        rs.getString(6), null), code);
    }

    /** The latest version of every plan (a few per street: held in memory by the caller). */
    public List<ResponsePlan> latestAll() {
        return jdbc.query("select distinct on (code) body from response.plan order by code, version desc",
                (rs, n) -> JSON.readValue(rs.getString(1), ResponsePlan.class));
    }
}
