package civicgrid.audit;

import civicgrid.audit.internal.AuditChain;
import civicgrid.audit.internal.AuditLog;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records state changes in the caller's transaction (so a change and its record commit or roll back
 * together) and seals them into a SHA-256 hash chain shortly after (see {@link #sealPending()}).
 */
@Service
public class AuditApi {

    private final AuditLog log;
    private final AuditChain chain;

    AuditApi(AuditLog log, AuditChain chain) {
        this.log = log;
        this.chain = chain;
    }

    /** Records that the signed-in user (or "system") did {@code action} on a target, and why. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String targetType, String targetId, String reason, Map<String, ?> details) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String actor = auth != null && auth.isAuthenticated() ? auth.getName() : "system";
        String role = auth == null ? null : auth.getAuthorities().stream().map(Object::toString).findFirst().orElse(null);
        log.append(actor, role, action, targetType, targetId, reason, details);
    }

    /** Records on behalf of a named actor (login attempts, where nobody is signed in yet). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String actor, String action, String targetType, String targetId, String reason, Map<String, ?> details) {
        log.append(actor, null, action, targetType, targetId, reason, details);
    }

    /** One entry of a batch recorded together. */
    public record Record(String actor, String action, String targetType, String targetId, String reason, Map<String, ?> details) {
    }

    /** Records several entries in one round trip (the steps one transaction took). */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(List<Record> records) {
        log.appendAll(records);
    }

    public List<AuditEntry> entries(String targetType, String targetId, String actor, int offset, int limit) {
        return log.find(targetType, targetId, actor, offset, limit);
    }

    /** Seals every committed, unsealed entry into the chain; returns how many. Runs every second on its own. */
    public int sealPending() {
        return chain.sealPending();
    }

    public ChainVerification verify() {
        return chain.verify();
    }
}
