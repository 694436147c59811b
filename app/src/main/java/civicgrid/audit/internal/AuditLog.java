package civicgrid.audit.internal;

import civicgrid.audit.AuditEntry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** Appends and reads entries of {@code audit.entry}. */
@Repository
public class AuditLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JdbcTemplate jdbc;

    AuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void append(String actor, String role, String action, String targetType, String targetId, String reason,
                       Map<String, ?> details) {
        // sorted keys: the JSON text is part of the hash, so it must be canonical
        String json = details == null || details.isEmpty() ? null : JSON.writeValueAsString(new TreeMap<>(details));
        jdbc.update("insert into audit.entry (occurred_at, actor, actor_role, action, target_type, target_id, reason, details)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?)", Timestamp.from(Instant.now()), actor, role, action, targetType,
                targetId, reason, json);
    }

    public void appendAll(List<civicgrid.audit.AuditApi.Record> records) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> rows = new ArrayList<>(records.size());
        for (civicgrid.audit.AuditApi.Record r : records) {
            String json = r.details() == null || r.details().isEmpty() ? null : JSON.writeValueAsString(new TreeMap<>(r.details()));
            rows.add(new Object[] {now, r.actor(), null, r.action(), r.targetType(), r.targetId(), r.reason(), json});
        }
        jdbc.batchUpdate("insert into audit.entry (occurred_at, actor, actor_role, action, target_type, target_id, reason, details)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public List<AuditEntry> find(String targetType, String targetId, String actor, int offset, int limit) {
        StringBuilder sql = new StringBuilder("select id, occurred_at, actor, actor_role, action, target_type, target_id, reason,"
                + " details, chain_seq, hash from audit.entry where true");
        List<Object> args = new ArrayList<>();
        if (targetType != null) {
            sql.append(" and target_type = ?");
            args.add(targetType);
        }
        if (targetId != null) {
            sql.append(" and target_id = ?");
            args.add(targetId);
        }
        if (actor != null) {
            sql.append(" and actor = ?");
            args.add(actor);
        }
        sql.append(" order by id desc offset ? limit ?");
        args.add(offset);
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, i) -> new AuditEntry(rs.getLong(1), rs.getTimestamp(2).toInstant(),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), (Long) rs.getObject(10), rs.getString(11)), args.toArray());
    }
}
