package civicgrid.response.domain;

import java.util.Set;

/**
 * When a plan applies: case categories, alarm types (from sensing, later), a minimum severity, and
 * whether a person starts it ({@code manual}) or it starts by itself when the trigger matches.
 */
public record PlanTrigger(Set<String> categories, Set<String> alarmTypes, Severity minSeverity, Boolean manual) {

    public PlanTrigger {
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        alarmTypes = alarmTypes == null ? Set.of() : Set.copyOf(alarmTypes);
        minSeverity = minSeverity == null ? Severity.MINOR : minSeverity;
        manual = manual == null ? Boolean.TRUE : manual;
    }

    public boolean matchesCategory(String category) {
        return categories.contains(category);
    }

    /** An alarm of this type and severity calls for the plan. */
    public boolean matchesAlarm(String alarmType, Severity severity) {
        return alarmTypes.contains(alarmType) && severity.compareTo(minSeverity) >= 0;
    }

    public enum Severity { MINOR, MAJOR, CRITICAL }
}
