package civicgrid.duty.persistence;

import civicgrid.duty.ForceMember;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Consents and the short-lived positions of grid workers on duty. */
@Repository
public class PositionStore {

    private final JdbcTemplate jdbc;

    PositionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean consented(UUID workerId) {
        return Boolean.TRUE.equals(jdbc.query("select consented from duty.position_consent where worker_id = ?",
                (rs, i) -> rs.getBoolean(1), workerId).stream().findFirst().orElse(false));
    }

    public void setConsent(UUID workerId, String username, boolean consented, Instant at) {
        jdbc.update("insert into duty.position_consent (worker_id, worker_username, consented, changed_at) values (?, ?, ?, ?)"
                + " on conflict (worker_id) do update set consented = excluded.consented, changed_at = excluded.changed_at",
                workerId, username, consented, Timestamp.from(at));
    }

    public int deleteOf(UUID workerId) {
        return jdbc.update("delete from duty.worker_position where worker_id = ?", workerId);
    }

    public void insert(UUID workerId, String username, String name, String gridCode, double lon, double lat, Double accuracy,
                       Instant at) {
        jdbc.update("insert into duty.worker_position (worker_id, worker_username, worker_name, grid_code, lon, lat, accuracy_m, at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", workerId, username, name, gridCode, lon, lat, accuracy, Timestamp.from(at));
    }

    public long countOf(UUID workerId) {
        Long n = jdbc.queryForObject("select count(*) from duty.worker_position where worker_id = ?", Long.class, workerId);
        return n == null ? 0 : n;
    }

    /** Deletes positions reported before {@code before}; returns how many. */
    public int purgeBefore(Instant before) {
        return jdbc.update("delete from duty.worker_position where at < ?", Timestamp.from(before));
    }

    /** Each worker's latest position inside the unit since {@code since}. */
    public List<ForceMember> latest(String gridPrefix, Instant since, int limit) {
        return jdbc.query("select distinct on (worker_id) worker_id, worker_name, grid_code, lon, lat, accuracy_m, at"
                        + " from duty.worker_position where grid_code like ? and at >= ? order by worker_id, at desc limit ?",
                (rs, i) -> new ForceMember("GRID_WORKER", "w-" + rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), null,
                        rs.getDouble(4), rs.getDouble(5), (Double) rs.getObject(6), rs.getTimestamp(7).toInstant()),
                gridPrefix + "%", Timestamp.from(since), limit);
    }
}
