package civicgrid.audit;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The audit trail is complete, chained, and tampering is detected. */
class AuditChainTest extends IntegrationTest {

    @Autowired
    AuditApi audit;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void entriesAreSealedAndTheChainVerifies() {
        tx.executeWithoutResult(s -> audit.recordAs("tester", "TEST_ACTION", "THING", "t-1", "because", Map.of("b", 2, "a", 1)));
        audit.sealPending();
        ChainVerification result = audit.verify();
        assertThat(result.valid()).isTrue();
        assertThat(result.sealedEntries()).isGreaterThan(10);
        assertThat(result.unsealedEntries()).isZero();
        AuditEntry entry = audit.entries("THING", "t-1", null, 0, 5).get(0);
        assertThat(entry.actor()).isEqualTo("tester");
        assertThat(entry.reason()).isEqualTo("because");
        assertThat(entry.details()).isEqualTo("{\"a\":1,\"b\":2}");
        assertThat(entry.chainSeq()).isNotNull();
        assertThat(entry.hash()).hasSize(64);
    }

    @Test
    void phonesWrittenIntoAReasonAreMaskedForTheAuditorsWhoReadTheTrail() {
        tx.executeWithoutResult(s -> audit.recordAs("tester", "TEST_ACTION", "THING", "t-phone", "居民13812345678来电",
                Map.of("contact", "023-68123456")));
        JsonNode entry = get("/api/v1/audit/entries?targetType=THING&targetId=t-phone", "admin").json().get(0);
        assertThat(entry.get("reason").asString()).isEqualTo("居民138****5678来电");
        assertThat(entry.get("details").asString()).contains("023-****3456").doesNotContain("68123456");
        assertThat(audit.entries("THING", "t-phone", null, 0, 1).get(0).reason()).as("stored as written, chained as written")
                .isEqualTo("居民13812345678来电");
    }

    @Test
    void aRolledBackChangeLeavesNoEntry() {
        try {
            tx.executeWithoutResult(s -> {
                audit.recordAs("tester", "DOOMED", "THING", "t-rollback", "will roll back", Map.of());
                throw new IllegalStateException("boom");
            });
        } catch (IllegalStateException expected) {
            // the business change failed, so its audit entry must be gone too
        }
        assertThat(audit.entries("THING", "t-rollback", null, 0, 5)).isEmpty();
    }

    @Test
    void tamperingWithASealedEntryIsDetected() {
        tx.executeWithoutResult(s -> audit.recordAs("tester", "TAMPER_TARGET", "THING", "t-2", "original reason", Map.of()));
        audit.sealPending();
        AuditEntry entry = audit.entries("THING", "t-2", null, 0, 1).get(0);
        jdbc.update("update audit.entry set reason = 'edited afterwards' where id = ?", entry.id());
        try {
            ChainVerification broken = audit.verify();
            assertThat(broken.valid()).isFalse();
            assertThat(broken.firstBrokenSeq()).isEqualTo(entry.chainSeq());
            JsonNode viaApi = get("/api/v1/audit/verify", "admin").json();
            assertThat(viaApi.get("valid").asBoolean()).isFalse();
        } finally {
            jdbc.update("update audit.entry set reason = 'original reason' where id = ?", entry.id());
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void deletingAnEntryIsDetected() {
        tx.executeWithoutResult(s -> audit.recordAs("tester", "DELETE_TARGET", "THING", "t-3", "r", Map.of()));
        audit.sealPending();
        AuditEntry entry = audit.entries("THING", "t-3", null, 0, 1).get(0);
        Map<String, Object> row = jdbc.queryForMap("select * from audit.entry where id = ?", entry.id());
        jdbc.update("delete from audit.entry where id = ?", entry.id());
        try {
            assertThat(audit.verify().valid()).isFalse();
        } finally {
            jdbc.update("insert into audit.entry (id, occurred_at, actor, actor_role, action, target_type, target_id, reason, details,"
                    + " chain_seq, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row.get("id"), row.get("occurred_at"), row.get("actor"),
                    row.get("actor_role"), row.get("action"), row.get("target_type"), row.get("target_id"), row.get("reason"),
                    row.get("details"), row.get("chain_seq"), row.get("hash"));
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    @Test
    void onlyAuditorsReadTheTrail() {
        assertThat(get("/api/v1/audit/entries", "xinshancun").status()).isEqualTo(403);
        assertThat(get("/api/v1/audit/entries?size=5", "admin").json().size()).isEqualTo(5);
        assertThat(get("/api/v1/audit/entries?size=5000", "admin").json().get("code").asString()).isEqualTo("INVALID_PAGE");
        assertThat(get("/api/v1/audit/verify", "city").json().get("valid").asBoolean()).isTrue();
    }
}
