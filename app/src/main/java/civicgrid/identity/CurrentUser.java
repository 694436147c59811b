package civicgrid.identity;

import java.util.Set;

/**
 * The signed-in user as other modules see them. {@code roadSegments}: the road segments (路段) a
 * road-segment chief answers for, a second territory beside {@code scope} and never prefix-matched
 * like it; empty for everybody else.
 */
public record CurrentUser(UserId id, String username, String displayName, Role role, String postCode, Sector sector,
                          String departmentCode, TerritorialScope scope, Set<String> roadSegments) {

    /** The post of a road-segment chief (路段长, urban management). */
    public static final String ROAD_SEGMENT_CHIEF = "ROAD_SEGMENT_CHIEF";

    public CurrentUser {
        roadSegments = roadSegments == null ? Set.of() : Set.copyOf(roadSegments);
    }

    /** Somebody without road segments (everybody but the segment chiefs). */
    public CurrentUser(UserId id, String username, String displayName, Role role, String postCode, Sector sector,
                       String departmentCode, TerritorialScope scope) {
        this(id, username, displayName, role, postCode, sector, departmentCode, scope, Set.of());
    }

    /** True when the user is the chief of this road segment (a case's {@code road_segment_code}; null: off any road). */
    public boolean chiefOf(String roadSegmentCode) {
        return roadSegmentCode != null && roadSegments.contains(roadSegmentCode);
    }

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
