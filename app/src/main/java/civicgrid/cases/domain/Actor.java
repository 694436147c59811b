package civicgrid.cases.domain;

import civicgrid.identity.Role;
import civicgrid.identity.TerritorialScope;

/** Who acts on a case: their role, territory and (for handlers) department. */
public record Actor(String username, Role role, TerritorialScope scope, String departmentCode) {

    /** The platform itself: timers and automatic dispatch. */
    public static final Actor SYSTEM = new Actor("system", null, TerritorialScope.of(TerritorialScope.CITY_CODE), null);

    public boolean isSystem() {
        return this == SYSTEM || "system".equals(username) && role == null;
    }
}
