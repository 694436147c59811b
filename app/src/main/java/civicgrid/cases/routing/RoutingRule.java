package civicgrid.cases.routing;

/**
 * One routing rule: when it matches (category, territory prefix, the catalog's default department —
 * each null for "any"), the case goes to {@code targetDepartment} (null: the default), automatically
 * or to a dispatcher's queue.
 */
public record RoutingRule(String categoryCode, String territoryPrefix, String defaultDepartment, String targetDepartment,
                          boolean automatic, int priority, String note) {

    boolean matches(String category, String gridCode, String department) {
        return (categoryCode == null || categoryCode.equals(category))
                && (territoryPrefix == null || gridCode.startsWith(territoryPrefix))
                && (defaultDepartment == null || defaultDepartment.equals(department));
    }
}
