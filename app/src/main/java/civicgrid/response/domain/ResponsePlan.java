package civicgrid.response.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A prepared response plan (预案) of one territory, in one version. Versions are immutable: an
 * incident copies the version it started with, so editing a plan never changes a running response.
 *
 * @param escalationTarget where steps go up to: {@code DISTRICT} (the district center of the place)
 *                         or {@code CITY}
 */
public record ResponsePlan(String code, int version, String nameZh, String nameEn, String territoryCode,
                           PlanTrigger trigger, List<PlanStep> steps, String escalationTarget,
                           List<ChecklistItem> checklist) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_-]{1,59}");
    private static final Pattern STEP_CODE = Pattern.compile("[A-Z][A-Z0-9_-]{0,59}");
    private static final Pattern TERRITORY = Pattern.compile("\\d{6}(\\d{3}(\\d{3}(\\d{3}(\\d{2})?)?)?)?");
    public static final Set<String> ESCALATION_TARGETS = Set.of("DISTRICT", "CITY");

    public ResponsePlan {
        steps = steps == null ? List.of() : List.copyOf(steps);
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
        trigger = trigger == null ? new PlanTrigger(Set.of(), Set.of(), null, true) : trigger;
    }

    public ResponsePlan withVersion(int next) {
        return new ResponsePlan(code, next, nameZh, nameEn, territoryCode, trigger, steps, escalationTarget, checklist);
    }

    /** The plan may be used for a place with this territory code (the plan's territory encloses it). */
    public boolean covers(String placeCode) {
        return placeCode != null && placeCode.startsWith(territoryCode);
    }

    public PlanStep step(String stepCode) {
        return steps.stream().filter(s -> s.code().equals(stepCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + stepCode));
    }

    /**
     * Refuses a plan that cannot run: no steps, a step without a code, a deadline or a known post or
     * department, a dependency on a missing step, or a cycle among the steps (which would leave its
     * steps waiting for ever). The exception names the step at fault.
     */
    public void validate(Set<String> knownPosts, Set<String> knownDepartments) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new PlanRefused("INVALID_PLAN_CODE", null, "A plan code is 2 to 60 upper-case letters, digits, '_' or '-'.");
        }
        if (nameZh == null || nameZh.isBlank()) {
            throw new PlanRefused("PLAN_WITHOUT_NAME", null, "Plan " + code + " needs a Chinese name.");
        }
        if (territoryCode == null || !TERRITORY.matcher(territoryCode).matches()) {
            throw new PlanRefused("INVALID_TERRITORY", null, "Plan " + code + " needs a territory code (district, street, community or grid).");
        }
        if (escalationTarget == null || !ESCALATION_TARGETS.contains(escalationTarget)) {
            throw new PlanRefused("INVALID_ESCALATION_TARGET", null, "Plan " + code + " escalates to DISTRICT or CITY.");
        }
        if (steps.isEmpty()) {
            throw new PlanRefused("PLAN_WITHOUT_STEPS", null, "Plan " + code + " has no steps.");
        }
        Set<String> codes = new HashSet<>();
        for (PlanStep step : steps) {
            if (step.code() == null || !STEP_CODE.matcher(step.code()).matches()) {
                throw new PlanRefused("INVALID_STEP_CODE", step.code(), "Step codes are 1 to 60 upper-case letters, digits, '_' or '-'.");
            }
            if (!codes.add(step.code())) {
                throw new PlanRefused("DUPLICATE_STEP", step.code(), "Step " + step.code() + " appears twice.");
            }
            if ((step.post() == null) == (step.department() == null)) {
                throw new PlanRefused("STEP_WITHOUT_ASSIGNEE", step.code(), "Step " + step.code() + " goes to exactly one post or department.");
            }
            if (step.post() != null && !knownPosts.contains(step.post())) {
                throw new PlanRefused("UNKNOWN_POST", step.code(), "Step " + step.code() + " goes to post " + step.post()
                        + ", which does not exist.");
            }
            if (step.department() != null && !knownDepartments.contains(step.department())) {
                throw new PlanRefused("UNKNOWN_DEPARTMENT", step.code(), "Step " + step.code() + " goes to department "
                        + step.department() + ", which is not in the catalog.");
            }
            if (step.deadline() == null || step.deadline().amount().signum() <= 0) {
                throw new PlanRefused("STEP_WITHOUT_DEADLINE", step.code(), "Step " + step.code() + " has no deadline.");
            }
        }
        for (PlanStep step : steps) {
            for (String before : step.after()) {
                if (!codes.contains(before)) {
                    throw new PlanRefused("UNKNOWN_STEP_DEPENDENCY", step.code(), "Step " + step.code() + " waits for step "
                            + before + ", which the plan does not have.");
                }
            }
        }
        String inCycle = stepInCycle();
        if (inCycle != null) {
            throw new PlanRefused("PLAN_CYCLE", inCycle, "Step " + inCycle + " waits, through its dependencies, for itself.");
        }
        Set<String> items = new HashSet<>();
        for (ChecklistItem item : checklist) {
            if (item.code() == null || item.code().isBlank() || !items.add(item.code())) {
                throw new PlanRefused("INVALID_CHECKLIST", null, "Checklist items need distinct codes.");
            }
        }
    }

    /** A step on a dependency cycle (depth-first search with grey/black marks), or null. */
    private String stepInCycle() {
        Map<String, List<String>> waitsFor = new HashMap<>();
        steps.forEach(s -> waitsFor.put(s.code(), s.after()));
        Map<String, Integer> mark = new HashMap<>();
        for (PlanStep start : steps) {
            if (mark.containsKey(start.code())) {
                continue;
            }
            // iterative DFS: a stack of (step, next dependency index)
            List<String> path = new ArrayList<>();
            List<Integer> next = new ArrayList<>();
            path.add(start.code());
            next.add(0);
            mark.put(start.code(), 1);
            while (!path.isEmpty()) {
                int top = path.size() - 1;
                List<String> deps = waitsFor.get(path.get(top));
                if (next.get(top) < deps.size()) {
                    String dep = deps.get(next.get(top));
                    next.set(top, next.get(top) + 1);
                    Integer m = mark.get(dep);
                    if (m == null) {
                        mark.put(dep, 1);
                        path.add(dep);
                        next.add(0);
                    } else if (m == 1) {
                        return dep;
                    }
                } else {
                    mark.put(path.remove(top), 2);
                    next.remove(top);
                }
            }
        }
        return null;
    }
}
