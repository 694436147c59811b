package civicgrid.identity.persistence;

import civicgrid.identity.Role;
import civicgrid.identity.Sector;
import civicgrid.identity.UserId;
import java.time.Instant;
import java.util.Set;

/** A stored account. */
public record UserRecord(UserId id, String username, String passwordHash, String displayName, Role role, String postCode,
                         Sector sector, String departmentCode, String phone, String idNumber, String address,
                         boolean enabled, int failedLogins, Instant lockedUntil, Set<String> scope) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
