package civicgrid.intake.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Requests posted through Open311: token → case, and the media URL a client gave. */
@Repository
public class Open311Requests {

    public record Posted(UUID token, UUID caseId, String client, String accountId, String deviceId, String email, String phone,
                         String firstName, String lastName, String mediaUrl, String attributes, Instant at) {
    }

    private final JdbcTemplate jdbc;

    Open311Requests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(Posted p) {
        jdbc.update("insert into intake.open311_request (token, case_id, client, account_id, device_id, email, phone, first_name,"
                + " last_name, media_url, attributes, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", p.token(), p.caseId(),
                p.client(), p.accountId(), p.deviceId(), p.email(), p.phone(), p.firstName(), p.lastName(), p.mediaUrl(), p.attributes(),
                Timestamp.from(p.at()));
    }

    public Optional<UUID> caseOf(UUID token) {
        return jdbc.queryForList("select case_id from intake.open311_request where token = ?", UUID.class, token).stream().findFirst();
    }

    /** The first media URL clients gave for each of the cases. */
    public Map<UUID, String> mediaUrls(Collection<UUID> cases) {
        Map<UUID, String> urls = new HashMap<>();
        if (cases.isEmpty()) {
            return urls;
        }
        jdbc.query("select case_id, media_url from intake.open311_request where media_url is not null and case_id in ("
                + "?,".repeat(cases.size() - 1) + "?) order by created_at desc",
                rs -> {
                    urls.put(rs.getObject(1, UUID.class), rs.getString(2));
                }, cases.toArray());
        return urls;
    }

    public List<UUID> tokensOf(UUID caseId) {
        return jdbc.queryForList("select token from intake.open311_request where case_id = ?", UUID.class, caseId);
    }
}
