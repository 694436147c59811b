package civicgrid.cases;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an action needs besides its name: a reason, a department to dispatch to (catalog code, e.g.
 * SANITATION — the instance responsible for the case's place is taken), a rating, an extension in
 * the stage clock's unit, departments to summon, a case to merge into, and the version the actor
 * saw (a stale version is refused with 409).
 */
public record ActionRequest(String reason, String department, Integer rating, BigDecimal extension, List<String> departments,
                            String mergeInto, Long expectedVersion) {

    public static ActionRequest empty() {
        return new ActionRequest(null, null, null, null, List.of(), null, null);
    }
}
