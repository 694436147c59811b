package civicgrid.identity.persistence;

import civicgrid.identity.Role;
import civicgrid.identity.Sector;
import civicgrid.identity.UserId;
import java.util.Set;

/** A stored account; {@code roadSegments} are a road-segment chief's segments (empty for others). */
public record UserRecord(UserId id, String username, String passwordHash, String displayName, Role role, String postCode,
                         Sector sector, String departmentCode, String phone, String idNumber, String address,
                         boolean enabled, Set<String> scope, Set<String> roadSegments) {
}
