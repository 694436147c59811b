package civicgrid.cases.routing;

import civicgrid.cases.domain.Assignment;
import civicgrid.cases.domain.CaseLocation;
import civicgrid.catalog.Category;
import civicgrid.catalog.Department;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Category × territory × time of day → who handles a case, and whether that is certain enough to dispatch
 * without a person. Without a matching rule, the catalog's department for the category, instance of
 * the case's district (or street, community, city), is certain. Pure: rules and departments come in.
 */
public final class RoutingPolicy {

    /** The suggestion, and whether to dispatch it automatically. */
    public record Decision(Assignment target, boolean automatic, String why) {
    }

    private final List<RoutingRule> rules;
    private final Function<String, Optional<Department>> departments;

    public RoutingPolicy(List<RoutingRule> rules, Function<String, Optional<Department>> departments) {
        this.rules = rules.stream().sorted((a, b) -> Integer.compare(a.priority(), b.priority())).toList();
        this.departments = departments;
    }

    /** The decision for a case of a category at a place, at a local time of day (Asia/Shanghai). */
    public Decision decide(Category category, CaseLocation location, java.time.LocalTime localTime) {
        for (RoutingRule rule : rules) {
            if (rule.matches(category.code(), location.gridCode(), category.departmentCode(), localTime)) {
                String code = rule.targetDepartment() == null ? category.departmentCode() : rule.targetDepartment();
                return new Decision(instance(code, location), rule.automatic(), rule.note() == null ? "rule" : rule.note());
            }
        }
        return new Decision(instance(category.departmentCode(), location), true, "catalog default for " + category.code());
    }

    private Assignment instance(String departmentCode, CaseLocation l) {
        Department d = departments.apply(departmentCode)
                .orElseThrow(() -> new IllegalStateException("routing names unknown department " + departmentCode));
        return new Assignment(d.instanceFor(l.districtCode(), l.streetCode(), l.communityCode()), d.code(), d.level());
    }
}
