package civicgrid.response.web;

import civicgrid.catalog.ClockType;
import civicgrid.catalog.TimeLimit;
import civicgrid.response.domain.ChecklistItem;
import civicgrid.response.domain.PlanStep;
import civicgrid.response.domain.PlanTrigger;
import civicgrid.response.domain.ResponsePlan;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A plan as an editor sends it: everything optional at the JSON level, so that a missing part is
 * refused by the plan's own rules (naming the step) rather than as an unreadable body. The version
 * is assigned on save; {@code baseVersion} (optional) is the version the editor started from.
 */
record PlanBody(String code, String nameZh, String nameEn, String territoryCode, PlanTrigger trigger, List<StepBody> steps,
                String escalationTarget, List<ChecklistItem> checklist, Integer baseVersion) {

    record StepBody(String code, String nameZh, String nameEn, String post, String department, DeadlineBody deadline,
                    List<String> after, Boolean escalateAtStart) {
    }

    record DeadlineBody(ClockType clock, BigDecimal amount) {
        TimeLimit toLimit() {
            return clock == null || amount == null || amount.signum() <= 0 ? null : new TimeLimit(clock, amount);
        }
    }

    /** Null entries in lists become parts the rules refuse (a step or item without a code), never a server error. */
    ResponsePlan toPlan() {
        List<PlanStep> planSteps = steps == null ? List.of() : steps.stream()
                .map(s -> s == null ? new StepBody(null, null, null, null, null, null, null, null) : s)
                .map(s -> new PlanStep(s.code(), s.nameZh(), s.nameEn(), s.post(), s.department(),
                        s.deadline() == null ? null : s.deadline().toLimit(),
                        s.after() == null ? List.of() : s.after().stream().filter(Objects::nonNull).toList(),
                        Boolean.TRUE.equals(s.escalateAtStart()))).toList();
        List<ChecklistItem> items = checklist == null ? List.of() : checklist.stream()
                .map(i -> i == null ? new ChecklistItem(null, null, null) : i).toList();
        return new ResponsePlan(code, 0, nameZh, nameEn, territoryCode, trigger, planSteps, escalationTarget, items);
    }
}
