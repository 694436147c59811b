package civicgrid.identity;

/** The signed-in user as other modules see them. */
public record CurrentUser(UserId id, String username, String displayName, Role role, String postCode, Sector sector,
                          String departmentCode, TerritorialScope scope) {

    public boolean hasRole(Role... roles) {
        for (Role r : roles) {
            if (role == r) {
                return true;
            }
        }
        return false;
    }

    public boolean sees(String unitCode) {
        return scope.includes(unitCode);
    }
}
