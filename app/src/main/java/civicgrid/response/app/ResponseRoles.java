package civicgrid.response.app;

import civicgrid.identity.CurrentUser;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import civicgrid.response.domain.IncidentTask;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Who may do what in response: the command centers, the plans' editors and the holders of a task. */
public final class ResponseRoles {

    private static final Set<Role> CENTERS = Set.of(Role.STREET_OPERATOR, Role.DISTRICT_OPERATOR, Role.CITY_OPERATOR, Role.ADMINISTRATOR);

    private ResponseRoles() {
    }

    /** A command center's role (read-only or not): it sees and holds every task of its territory. */
    public static boolean isCenter(CurrentUser user) {
        return CENTERS.contains(user.role());
    }

    /** A command center that may act (not read-only): starts and closes incidents. */
    public static boolean commands(CurrentUser user) {
        return isCenter(user) && !user.role().readOnly();
    }

    public static void requireCenter(CurrentUser user) {
        if (!isCenter(user)) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Only a command center starts and closes incidents.");
        }
    }

    /** A plan holds for the user's territory when it is its own, an ancestor's or a descendant's. */
    public static boolean seesPlanOf(CurrentUser user, String territoryCode) {
        return user.sees(territoryCode) || user.scope().isAncestorOfScope(territoryCode);
    }

    /** Administrators edit every plan; a center (not read-only) the plans whose territory is one of its own units. */
    public static boolean mayEditPlanOf(CurrentUser user, String territoryCode) {
        if (user.role() == Role.ADMINISTRATOR) {
            return true;
        }
        return commands(user) && territoryCode != null && user.scope().unitCodes().contains(territoryCode);
    }

    /** The posts (and department, and the community's shared tasks) whose tasks a user holds. */
    public static List<String> postsOf(CurrentUser user) {
        List<String> posts = new ArrayList<>();
        if (user.postCode() != null) {
            posts.add(user.postCode());
        }
        if (user.departmentCode() != null) {
            posts.add(user.departmentCode());
        }
        if (user.hasRole(Role.GRID_WORKER, Role.COMMUNITY_STAFF)) {
            posts.add("COMMUNITY");
        }
        return posts;
    }

    /**
     * A task is held by the users of its post (street staff with that post) or department (its
     * handlers, or the community's grid workers and staff for community tasks), inside the place's
     * territory; command centers of the territory may act for any post (it is logged under their name).
     */
    public static boolean holds(CurrentUser user, IncidentTask task) {
        if (isCenter(user)) {
            return true;
        }
        if (task.post().equals(user.postCode()) || task.post().equals(user.departmentCode())) {
            return true;
        }
        return task.post().equals("COMMUNITY") && user.hasRole(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
    }

    public static void requireHolder(CurrentUser user, IncidentTask task) {
        if (!holds(user, task)) {
            throw CivicGridException.forbidden("NOT_YOUR_TASK", "Task " + task.step() + " belongs to " + task.post() + ".");
        }
    }
}
