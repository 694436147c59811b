package civicgrid.audit.internal;

import civicgrid.audit.ChainVerification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain over audit entries. Entries are written unsealed inside business transactions
 * (no global lock on the hot path); the sealer, one at a time across the cluster (an advisory lock),
 * gives committed entries consecutive sequence numbers and hash = SHA-256(previous hash, sequence,
 * entry fields), and moves the recorded head. Changing, deleting or reordering any sealed entry
 * breaks every later hash; deleting the newest ones no longer reaches the recorded head.
 */
@Component
public class AuditChain {

    static final String GENESIS = "0".repeat(64);
    private static final long SEAL_LOCK = 0x43495649434752L;
    private static final int BATCH = 5000;
    private static final String FIELDS = "id, occurred_at, actor, actor_role, action, target_type, target_id, reason, details";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    AuditChain(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    public int sealPending() {
        int total = 0;
        int sealed;
        do {
            Integer n = tx.execute(status -> sealBatch());
            sealed = n == null ? 0 : n;
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    private int sealBatch() {
        Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, SEAL_LOCK);
        if (!Boolean.TRUE.equals(locked)) {
            return 0;
        }
        Object[] head = jdbc.queryForObject("select seq, hash from audit.chain_head where id = 1 for update",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
        long seq = (Long) head[0];
        String previous = (String) head[1];
        List<Object[]> updates = new ArrayList<>();
        List<Row> pending = jdbc.query("select " + FIELDS + " from audit.entry where chain_seq is null order by id limit ?",
                AuditChain::row, BATCH);
        for (Row row : pending) {
            seq++;
            previous = hash(previous, seq, row);
            updates.add(new Object[] {seq, previous, row.id});
        }
        jdbc.batchUpdate("update audit.entry set chain_seq = ?, hash = ? where id = ?", updates);
        if (!pending.isEmpty()) {
            jdbc.update("update audit.chain_head set seq = ?, hash = ? where id = 1", seq, previous);
        }
        return pending.size();
    }

    public ChainVerification verify() {
        return tx.execute(status -> {
            long[] count = {0};
            Long[] broken = {null};
            String[] previous = {GENESIS};
            jdbc.query("select " + FIELDS + ", chain_seq, hash from audit.entry where chain_seq is not null order by chain_seq",
                    rs -> {
                        Row row = row(rs, 0);
                        long seq = rs.getLong(10);
                        String stored = rs.getString(11);
                        count[0]++;
                        if (broken[0] == null) {
                            String expected = hash(previous[0], count[0], row);
                            if (seq != count[0] || !expected.equals(stored)) {
                                broken[0] = count[0];
                            }
                        }
                        previous[0] = stored;
                    });
            Long unsealed = jdbc.queryForObject("select count(*) from audit.entry where chain_seq is null", Long.class);
            Object[] head = jdbc.queryForObject("select seq, hash from audit.chain_head where id = 1",
                    (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)});
            if (broken[0] == null && (count[0] != (Long) head[0] || !previous[0].equals(head[1]))) {
                broken[0] = Math.min(count[0] + 1, (Long) head[0]);
            }
            return new ChainVerification(broken[0] == null, count[0], unsealed == null ? 0 : unsealed, broken[0], (String) head[1]);
        });
    }

    private record Row(long id, String occurredAt, String actor, String role, String action, String targetType,
                       String targetId, String reason, String details) {
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong(1), rs.getTimestamp(2).toInstant().toString(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
    }

    static String hash(String previous, long seq, Row row) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String text = String.join("\u001f", previous, Long.toString(seq), Long.toString(row.id), row.occurredAt,
                    String.valueOf(row.actor), String.valueOf(row.role), row.action, String.valueOf(row.targetType),
                    String.valueOf(row.targetId), String.valueOf(row.reason), String.valueOf(row.details));
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
