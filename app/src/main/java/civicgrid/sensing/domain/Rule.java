package civicgrid.sensing.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One alarm rule as data an administrator edits. It watches either a {@link Condition} (raised when
 * it holds, optionally only after it held {@code forAtLeast}) or an absence (raised when no reading
 * with {@code absentKey} equal to {@code absentValue} arrived for {@code absentFor}); it raises only
 * within its {@link ActiveHours}, sets off its actions, may start a {@link FollowUp}, and escalates
 * when nobody acknowledges the alarm {@code ackWithin}.
 *
 * @param alarmType the alarm's type, unique within a rule set: one active alarm per device and type
 */
public record Rule(String alarmType, Severity severity, Condition when, Duration forAtLeast, String absentKey, Object absentValue,
                   Duration absentFor, ActiveHours activeHours, List<Action> actions, FollowUp followUp, Duration ackWithin) {

    public Rule {
        Objects.requireNonNull(alarmType);
        Objects.requireNonNull(severity);
        if ((when == null) == (absentKey == null)) {
            throw new IllegalArgumentException("rule " + alarmType + " watches either a condition or an absence");
        }
        if (absentKey != null && (absentValue == null || absentFor == null || !positive(absentFor))) {
            throw new IllegalArgumentException("absence rule " + alarmType + " needs a value and a positive duration");
        }
        if (forAtLeast != null && (when == null || !positive(forAtLeast))) {
            throw new IllegalArgumentException("rule " + alarmType + ": a duration needs a condition and must be positive");
        }
        if (ackWithin != null && !positive(ackWithin)) {
            throw new IllegalArgumentException("rule " + alarmType + ": acknowledgement time must be positive");
        }
        activeHours = activeHours == null ? ActiveHours.ALWAYS : activeHours;
        actions = List.copyOf(actions);
    }

    /** Raised while {@code condition} holds. */
    public static Rule when(String alarmType, Severity severity, Condition condition) {
        return new Rule(alarmType, severity, condition, null, null, null, null, null, List.of(), null, null);
    }

    /** Raised when no reading with {@code key} = {@code value} came for {@code within}; such a reading clears it. */
    public static Rule absence(String alarmType, Severity severity, String key, Object value, Duration within) {
        return new Rule(alarmType, severity, null, null, key, value, within, null, List.of(), null, null);
    }

    public Rule forAtLeast(Duration d) {
        return new Rule(alarmType, severity, when, d, absentKey, absentValue, absentFor, activeHours, actions, followUp, ackWithin);
    }

    public Rule during(ActiveHours hours) {
        return new Rule(alarmType, severity, when, forAtLeast, absentKey, absentValue, absentFor, hours, actions, followUp, ackWithin);
    }

    public Rule then(Action... more) {
        List<Action> all = new java.util.ArrayList<>(actions);
        all.addAll(List.of(more));
        return new Rule(alarmType, severity, when, forAtLeast, absentKey, absentValue, absentFor, activeHours, all, followUp, ackWithin);
    }

    public Rule followUp(FollowUp f) {
        return new Rule(alarmType, severity, when, forAtLeast, absentKey, absentValue, absentFor, activeHours, actions, f, ackWithin);
    }

    public Rule escalateUnlessAcknowledgedWithin(Duration d) {
        return new Rule(alarmType, severity, when, forAtLeast, absentKey, absentValue, absentFor, activeHours, actions, followUp, d);
    }

    private static boolean positive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    public boolean isAbsence() {
        return absentKey != null;
    }

    /** The reading counts as the awaited event of an absence rule (the door opened). */
    boolean awaited(Reading reading) {
        return new Condition.Equals(absentKey, absentValue).test(reading, false, null) == Condition.TRUE;
    }
}
