package civicgrid.cases.routing;

import java.time.LocalTime;

/**
 * One routing rule: when it matches (category, territory prefix, the catalog's default department,
 * time of day — each null for "any"), the case goes to {@code targetDepartment} (null: the default),
 * automatically or to a dispatcher's queue. A window from 22:00 to 06:00 wraps midnight.
 */
public record RoutingRule(String categoryCode, String territoryPrefix, String defaultDepartment, String targetDepartment,
                          boolean automatic, int priority, String note, LocalTime activeFrom, LocalTime activeTo) {

    public RoutingRule(String categoryCode, String territoryPrefix, String defaultDepartment, String targetDepartment,
                       boolean automatic, int priority, String note) {
        this(categoryCode, territoryPrefix, defaultDepartment, targetDepartment, automatic, priority, note, null, null);
    }

    boolean matches(String category, String gridCode, String department, LocalTime now) {
        return (categoryCode == null || categoryCode.equals(category))
                && (territoryPrefix == null || gridCode.startsWith(territoryPrefix))
                && (defaultDepartment == null || defaultDepartment.equals(department))
                && inWindow(now);
    }

    private boolean inWindow(LocalTime now) {
        if (activeFrom == null || activeTo == null) {
            return true;
        }
        return activeFrom.isBefore(activeTo) ? !now.isBefore(activeFrom) && now.isBefore(activeTo)
                : !now.isBefore(activeFrom) || now.isBefore(activeTo);
    }
}
