package civicgrid.audit;

import java.time.Instant;

/** One recorded state change. {@code chainSeq} and {@code hash} are set once the entry is sealed into the chain. */
public record AuditEntry(long id, Instant occurredAt, String actor, String actorRole, String action, String targetType,
                         String targetId, String reason, String details, Long chainSeq, String hash) {
}
