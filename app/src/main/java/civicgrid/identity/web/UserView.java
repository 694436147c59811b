package civicgrid.identity.web;

import civicgrid.identity.Role;
import civicgrid.identity.Sector;
import java.util.Set;

/** A user as the API shows them, personal data masked unless the viewer needs it. */
record UserView(String id, String username, String displayName, Role role, String roleZh, String postCode, Sector sector,
                String departmentCode, Set<String> scope, String phone, String idNumber, String address, boolean enabled,
                Set<String> roadSegments) {
}
