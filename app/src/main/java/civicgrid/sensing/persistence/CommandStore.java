package civicgrid.sensing.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Commands to actuators with their id, when they went out and when the device acknowledged them. */
@Repository
public class CommandStore {

    public record Command(UUID id, String deviceId, String command, String alarmType, Instant createdAt, Instant sentAt, Instant ackedAt) {
    }

    private final JdbcTemplate jdbc;

    CommandStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Command c) {
        jdbc.update("insert into sensing.command (id, device_id, command, alarm_type, created_at) values (?, ?, ?, ?, ?)", c.id(),
                c.deviceId(), c.command(), c.alarmType(), Timestamp.from(c.createdAt()));
    }

    public void sent(UUID id, Instant at) {
        jdbc.update("update sensing.command set sent_at = ? where id = ?", Timestamp.from(at), id);
    }

    /** The device confirmed the command; false when the id is not one of its commands. */
    public boolean acknowledged(String deviceId, UUID id, Instant at) {
        return jdbc.update("update sensing.command set acked_at = coalesce(acked_at, ?) where id = ? and device_id = ?", Timestamp.from(at),
                id, deviceId) == 1;
    }

    public List<Command> recent(String deviceId, int limit) {
        return jdbc.query("select * from sensing.command where device_id = ? order by created_at desc limit ?", (rs, i) -> new Command(
                (UUID) rs.getObject("id"), rs.getString("device_id"), rs.getString("command"), rs.getString("alarm_type"),
                rs.getTimestamp("created_at").toInstant(), opt(rs.getTimestamp("sent_at")), opt(rs.getTimestamp("acked_at"))), deviceId, limit);
    }

    private static Instant opt(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
