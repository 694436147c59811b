package civicgrid.duty.app;

import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.PersonalData;
import civicgrid.identity.Role;
import civicgrid.identity.TerritorialScope;
import civicgrid.platform.CivicGridException;
import org.springframework.stereotype.Component;

/**
 * Who sees the registers, and how: nobody outside the territory sees anything; inside it, the grid
 * worker (who visits these residents) sees them in clear and every other role masked — stricter
 * than {@link PersonalData#forViewerIn}, because a register holds a whole street's people at once.
 */
@Component
public class RegisterAccess {

    private final IdentityApi identity;

    RegisterAccess(IdentityApi identity) {
        this.identity = identity;
    }

    /** The viewer, when they may look at {@code unitCode}'s registers (403 otherwise). */
    public CurrentUser requireViewer(String unitCode) {
        identity.requireRole(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_OPERATOR, Role.DISTRICT_OPERATOR, Role.CITY_OPERATOR,
                Role.LEADER, Role.ADMINISTRATOR);
        return identity.requireInScope(unitCode);
    }

    /** The viewer, when they may change {@code unitCode}'s registers (leaders only watch). */
    public CurrentUser requireEditor(String unitCode) {
        identity.requireRole(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_OPERATOR, Role.DISTRICT_OPERATOR, Role.CITY_OPERATOR,
                Role.ADMINISTRATOR);
        return identity.requireInScope(unitCode);
    }

    /** The masking of register data of {@code gridCode} for this viewer. */
    public static PersonalData.Masker masker(CurrentUser viewer, String gridCode) {
        return new PersonalData.Masker(viewer.role() == Role.GRID_WORKER && viewer.sees(gridCode));
    }

    /** The prefix of the grid codes inside {@code unit} (empty for the whole city); 400 for anything but a territory code. */
    public static String gridPrefix(String unit) {
        if (unit == null || !unit.matches("\\d{6}|\\d{9}|\\d{12}|\\d{15}")) {
            throw CivicGridException.badRequest("INVALID_UNIT_CODE", "unit must be a territory code (6, 9, 12 or 15 digits).");
        }
        return unit.equals(TerritorialScope.CITY_CODE) ? "" : unit;
    }
}
