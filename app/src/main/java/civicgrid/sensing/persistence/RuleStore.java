package civicgrid.sensing.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Devices' own rules as the JSON an administrator wrote (few devices have them; most run their profile's). */
@Repository
public class RuleStore {

    /** A device's own rules as stored JSON, with who wrote them and when. */
    public record Stored(String deviceId, String json, Instant updatedAt, String updatedBy) {
    }

    private final JdbcTemplate jdbc;

    RuleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Stored> find(String deviceId) {
        return jdbc.query("select device_id, rules::text, updated_at, updated_by from sensing.device_rules where device_id = ?",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)), deviceId)
                .stream().findFirst();
    }

    public void put(String deviceId, String json, Instant at, String by) {
        jdbc.update("insert into sensing.device_rules (device_id, rules, updated_at, updated_by) values (?, ?::jsonb, ?, ?)"
                + " on conflict (device_id) do update set rules = excluded.rules, updated_at = excluded.updated_at,"
                + " updated_by = excluded.updated_by", deviceId, json, Timestamp.from(at), by);
    }

    public boolean delete(String deviceId) {
        return jdbc.update("delete from sensing.device_rules where device_id = ?", deviceId) == 1;
    }

    /** Every device's own rules (for starting the rule engine; never on a request path). */
    public void forEach(Consumer<Stored> each) {
        List<Stored> all = jdbc.query("select device_id, rules::text, updated_at, updated_by from sensing.device_rules",
                (rs, i) -> new Stored(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)));
        all.forEach(each);
    }
}
