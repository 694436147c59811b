package civicgrid.audit.web;

import civicgrid.audit.AuditApi;
import civicgrid.audit.AuditEntry;
import civicgrid.audit.ChainVerification;
import civicgrid.platform.CivicGridException;
import civicgrid.platform.PhonesInText;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail, for administrators and city operators. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private final AuditApi audit;

    AuditController(AuditApi audit) {
        this.audit = audit;
    }

    @GetMapping("/entries")
    List<AuditEntry> entries(@RequestParam(required = false) String targetType, @RequestParam(required = false) String targetId,
                             @RequestParam(required = false) String actor, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "50") int size) {
        requireAuditor();
        if (page < 0 || size < 1 || size > 500) {
            throw CivicGridException.badRequest("INVALID_PAGE", "page must be >= 0 and size between 1 and 500.");
        }
        // auditors (administrators, city operators) do not visit residents: phones written into reasons and details are masked
        return audit.entries(targetType, targetId, actor, page * size, size).stream()
                .map(e -> new AuditEntry(e.id(), e.occurredAt(), e.actor(), e.actorRole(), e.action(), e.targetType(), e.targetId(),
                        PhonesInText.mask(e.reason()), PhonesInText.mask(e.details()), e.chainSeq(), e.hash()))
                .toList();
    }

    /** Seals what is pending, then re-computes the whole chain. */
    @GetMapping("/verify")
    ChainVerification verify() {
        requireAuditor();
        audit.sealPending();
        return audit.verify();
    }

    private static void requireAuditor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        boolean allowed = auth != null && auth.getAuthorities().stream().map(Object::toString)
                .anyMatch(a -> a.equals("ROLE_ADMINISTRATOR") || a.equals("ROLE_CITY_OPERATOR"));
        if (!allowed) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Only administrators and city operators read the audit trail.");
        }
    }
}
