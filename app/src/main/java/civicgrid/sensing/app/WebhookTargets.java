package civicgrid.sensing.app;

import civicgrid.audit.AuditApi;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import civicgrid.sensing.persistence.WebhookTargetStore;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The services a rule's webhook action calls, by the name the rule gives (e.g. {@code ambulance-escort}):
 * data administrators keep (audited, with a reason), so a target can change without a restart. The
 * secret is written, never read back: views say only that one is set.
 */
@Service
public class WebhookTargets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** What an administrator sends: where to post, the signing secret, and why. */
    public record Change(String url, String secret, String reason) {
    }

    private final WebhookTargetStore store;
    private final IdentityApi identity;
    private final AuditApi audit;
    private final TransactionTemplate tx;
    private final Clock clock;

    WebhookTargets(WebhookTargetStore store, IdentityApi identity, AuditApi audit, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.identity = identity;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    /** The target with its secret, for signing (never for a user). */
    public Optional<WebhookTargetStore.Target> find(String name) {
        return store.find(name);
    }

    public List<Map<String, Object>> list() {
        requireAdministrator();
        return store.all().stream().map(WebhookTargets::view).toList();
    }

    /** Creates or replaces a target; answers its view and whether it was new. */
    public Map.Entry<Boolean, Map<String, Object>> put(String name, Change in) {
        CurrentUser user = requireAdministrator();
        String target = requireName(name);
        if (in == null) {
            throw CivicGridException.badRequest("INVALID_WEBHOOK_TARGET", "body: url, secret and reason are required.");
        }
        String url = requireUrl(in.url());
        if (in.secret() == null || in.secret().length() < 16 || in.secret().length() > 200 || in.secret().isBlank()) {
            throw CivicGridException.badRequest("INVALID_WEBHOOK_TARGET", "secret: 16 to 200 characters, shared with the receiver.");
        }
        String reason = requireReason(in.reason());
        WebhookTargetStore.Target t = new WebhookTargetStore.Target(target, url, in.secret(), clock.instant(), user.username());
        boolean created = Boolean.TRUE.equals(tx.execute(s -> {
            boolean isNew = store.put(t);
            // the secret stays out of the audit trail too
            audit.record(isNew ? "WEBHOOK_TARGET_CREATED" : "WEBHOOK_TARGET_REPLACED", "WEBHOOK_TARGET", target, reason, Map.of("url", url));
            return isNew;
        }));
        return Map.entry(created, view(t));
    }

    public void delete(String name, String reason) {
        requireAdministrator();
        String target = requireName(name);
        String why = requireReason(reason);
        tx.executeWithoutResult(s -> {
            if (!store.delete(target)) {
                throw CivicGridException.notFound("WEBHOOK_TARGET_NOT_FOUND", "No webhook target " + target + ".");
            }
            audit.record("WEBHOOK_TARGET_DELETED", "WEBHOOK_TARGET", target, why, Map.of());
        });
    }

    private static Map<String, Object> view(WebhookTargetStore.Target t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", t.name());
        v.put("url", t.url());
        v.put("secretSet", true);
        v.put("updatedAt", t.updatedAt());
        v.put("updatedBy", t.updatedBy());
        return v;
    }

    private CurrentUser requireAdministrator() {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role() != Role.ADMINISTRATOR) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Only administrators keep the webhook targets.");
        }
        return user;
    }

    private static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw CivicGridException.badRequest("INVALID_WEBHOOK_TARGET", "name: 1 to 40 of a-z, 0-9 and '-', as the rules name it.");
        }
        return name;
    }

    private static String requireUrl(String url) {
        URI uri;
        try {
            uri = url == null || url.length() > 500 ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getUserInfo() != null) {
            throw CivicGridException.badRequest("INVALID_WEBHOOK_TARGET", "url: an absolute http or https address of at most 500 characters.");
        }
        return url;
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw CivicGridException.badRequest("REASON_REQUIRED", "reason: say why the target changes (1 to 500 characters).");
        }
        return reason.strip();
    }
}
