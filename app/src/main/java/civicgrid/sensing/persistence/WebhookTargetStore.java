package civicgrid.sensing.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The services rules call by name (a handful), with the secret that signs the calls. */
@Repository
public class WebhookTargetStore {

    /** A named receiver; {@code secret} never leaves the server. */
    public record Target(String name, String url, String secret, Instant updatedAt, String updatedBy) {
    }

    private static final String COLUMNS = "name, url, secret, updated_at, updated_by";
    private final JdbcTemplate jdbc;

    WebhookTargetStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Target> find(String name) {
        return jdbc.query("select " + COLUMNS + " from sensing.webhook_target where name = ?", WebhookTargetStore::target, name).stream()
                .findFirst();
    }

    public List<Target> all() {
        return jdbc.query("select " + COLUMNS + " from sensing.webhook_target order by name", WebhookTargetStore::target);
    }

    /** Creates or replaces the target; true when it was new. */
    public boolean put(Target t) {
        boolean existed = find(t.name()).isPresent();
        jdbc.update("insert into sensing.webhook_target (" + COLUMNS + ") values (?, ?, ?, ?, ?) on conflict (name) do update set"
                + " url = excluded.url, secret = excluded.secret, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
                t.name(), t.url(), t.secret(), Timestamp.from(t.updatedAt()), t.updatedBy());
        return !existed;
    }

    public boolean delete(String name) {
        return jdbc.update("delete from sensing.webhook_target where name = ?", name) == 1;
    }

    private static Target target(ResultSet rs, int row) throws SQLException {
        return new Target(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5));
    }
}
