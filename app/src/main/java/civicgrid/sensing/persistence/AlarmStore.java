package civicgrid.sensing.persistence;

import civicgrid.sensing.domain.Alarm;
import civicgrid.sensing.domain.Severity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Alarms as rows; the partial unique index keeps one active alarm per device and type. */
@Repository
public class AlarmStore {

    /** An alarm with where it is and the case it opened. */
    public record Row(Alarm alarm, String gridCode, UUID caseId) {
        /** The same row after a transition of its alarm. */
        public Row with(Alarm after) {
            return new Row(after, gridCode, caseId);
        }
    }

    private final JdbcTemplate jdbc;

    AlarmStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a newly raised alarm; false when one of the type is active already (it stays as it is). */
    public boolean insertActive(Alarm a, String gridCode) {
        return jdbc.update("insert into sensing.alarm (device_id, type, severity, grid_code, started_at, detail) values (?, ?, ?, ?, ?, ?)"
                        + " on conflict (device_id, type) where cleared_at is null do nothing", a.deviceId(), a.type(), a.severity().name(),
                gridCode, Timestamp.from(a.startedAt()), a.detail() == null ? null : a.detail().substring(0, Math.min(500, a.detail().length())))
                == 1;
    }

    public Optional<Row> active(String deviceId, String type) {
        return jdbc.query("select * from sensing.alarm where device_id = ? and type = ? and cleared_at is null", AlarmStore::row, deviceId,
                type).stream().findFirst();
    }

    public Optional<Row> find(long id) {
        return jdbc.query("select * from sensing.alarm where id = ?", AlarmStore::row, id).stream().findFirst();
    }

    /** Writes back a transition of {@link Alarm} (acknowledged, cleared, escalated). */
    public void update(Alarm a) {
        jdbc.update("update sensing.alarm set cleared_at = ?, acknowledged_at = ?, acknowledged_by = ?, escalations = ? where id = ?",
                ts(a.clearedAt()), ts(a.acknowledgedAt()), a.acknowledgedBy(), a.escalations(), a.id());
    }

    /**
     * Writes back a transition made by hand, only if nobody changed the alarm since {@code before} was
     * read (two operators acknowledging at once: one wins, the other is told); true when written.
     */
    public boolean updateIfUnchanged(Alarm before, Alarm after) {
        return jdbc.update("update sensing.alarm set cleared_at = ?, acknowledged_at = ?, acknowledged_by = ?, escalations = ? where id = ?"
                        + " and cleared_at is not distinct from ? and acknowledged_at is not distinct from ?", ts(after.clearedAt()),
                ts(after.acknowledgedAt()), after.acknowledgedBy(), after.escalations(), after.id(), ts(before.clearedAt()),
                ts(before.acknowledgedAt())) == 1;
    }

    public void linkCase(long alarmId, UUID caseId) {
        jdbc.update("update sensing.alarm set case_id = ? where id = ?", caseId, alarmId);
    }

    /** Alarms in the units (all when null), newest first; only active ones when {@code activeOnly}. */
    public List<Row> list(List<String> units, String deviceId, boolean activeOnly, int limit) {
        StringBuilder sql = new StringBuilder("select * from sensing.alarm where true");
        List<Object> args = new ArrayList<>();
        DeviceStore.scope(sql, args, units);
        if (deviceId != null) {
            sql.append(" and device_id = ?");
            args.add(deviceId);
        }
        if (activeOnly) {
            sql.append(" and cleared_at is null");
        }
        sql.append(" order by started_at desc, id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), AlarmStore::row, args.toArray());
    }

    /** Every active alarm (for starting the rule engine). */
    public List<Alarm> allActive() {
        return jdbc.query("select * from sensing.alarm where cleared_at is null", (rs, i) -> row(rs, i).alarm());
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        Alarm a = new Alarm(rs.getLong("id"), rs.getString("device_id"), rs.getString("type"), Severity.valueOf(rs.getString("severity")),
                instant(rs, "started_at"), instant(rs, "cleared_at"), instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                rs.getInt("escalations"), rs.getString("detail"));
        return new Row(a, rs.getString("grid_code"), (UUID) rs.getObject("case_id"));
    }

    /** Alarms raised in the grids starting with {@code prefix} in [from, to), and of those the ones acknowledged. */
    public long[] raisedAndAcknowledged(String prefix, java.time.Instant from, java.time.Instant to) {
        return jdbc.queryForObject("select count(*), count(acknowledged_at) from sensing.alarm where grid_code like ? and started_at >= ?"
                        + " and started_at < ?", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, prefix + "%",
                java.sql.Timestamp.from(from), java.sql.Timestamp.from(to));
    }
}
