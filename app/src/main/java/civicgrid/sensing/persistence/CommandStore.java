package civicgrid.sensing.persistence;

import civicgrid.sensing.domain.CommandDelivery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Commands to actuators with their id, how often and when they went out, and when the device acknowledged them or CivicGrid gave up. */
@Repository
public class CommandStore {

    public record Command(UUID id, String deviceId, String command, String alarmType, Instant createdAt, Instant sentAt, Instant ackedAt,
            int attempts, Instant failedAt) {

        public static Command created(UUID id, String deviceId, String command, String alarmType, Instant at) {
            return new Command(id, deviceId, command, alarmType, at, null, null, 0, null);
        }

        public CommandDelivery.State state() {
            return CommandDelivery.State.of(sentAt, ackedAt, failedAt);
        }
    }

    private final JdbcTemplate jdbc;

    CommandStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Command c) {
        jdbc.update("insert into sensing.command (id, device_id, command, alarm_type, created_at) values (?, ?, ?, ?, ?)", c.id(),
                c.deviceId(), c.command(), c.alarmType(), Timestamp.from(c.createdAt()));
    }

    /** The command went out (once more). */
    public void sent(UUID id, Instant at) {
        jdbc.update("update sensing.command set sent_at = ?, attempts = attempts + 1 where id = ?", Timestamp.from(at), id);
    }

    /** CivicGrid gave up waiting; false when the command was acknowledged or given up already (nothing changed). */
    public boolean failed(UUID id, Instant at) {
        return jdbc.update("update sensing.command set failed_at = ? where id = ? and acked_at is null and failed_at is null",
                Timestamp.from(at), id) == 1;
    }

    public Optional<Command> find(UUID id) {
        return jdbc.query("select * from sensing.command where id = ?", CommandStore::row, id).stream().findFirst();
    }

    /** The device confirmed the command; false when the id is not one of its commands. */
    public boolean acknowledged(String deviceId, UUID id, Instant at) {
        return jdbc.update("update sensing.command set acked_at = coalesce(acked_at, ?) where id = ? and device_id = ?", Timestamp.from(at),
                id, deviceId) == 1;
    }

    public List<Command> recent(String deviceId, int limit) {
        return jdbc.query("select * from sensing.command where device_id = ? order by created_at desc limit ?", CommandStore::row, deviceId,
                limit);
    }

    private static Command row(ResultSet rs, int i) throws SQLException {
        return new Command((UUID) rs.getObject("id"), rs.getString("device_id"), rs.getString("command"), rs.getString("alarm_type"),
                rs.getTimestamp("created_at").toInstant(), opt(rs.getTimestamp("sent_at")), opt(rs.getTimestamp("acked_at")),
                rs.getInt("attempts"), opt(rs.getTimestamp("failed_at")));
    }

    private static Instant opt(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
