package civicgrid.response.domain;

import civicgrid.catalog.TimeLimit;
import java.util.List;

/**
 * One step of a plan: what a post (street) or department (its instance for the place) must do,
 * within a limit on one of the catalog's clocks, once the steps it waits for are done.
 *
 * @param post             a street post code (identity posts), or null
 * @param department       a catalog department code, or null; exactly one of post and department
 * @param after            codes of the steps this one waits for
 * @param escalateAtStart  the step goes up to the plan's escalation target as soon as it starts
 */
public record PlanStep(String code, String nameZh, String nameEn, String post, String department, TimeLimit deadline,
                       List<String> after, boolean escalateAtStart) {

    public PlanStep {
        after = after == null ? List.of() : List.copyOf(after);
    }

    /** Who the step's task goes to: the post or the department code. */
    public String assignee() {
        return post != null ? post : department;
    }
}
