package civicgrid.sensing.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The second step of a chain: {@code after} the rule's alarm was raised, if the alarm is still active
 * and the last reading still met the raise level (not merely the hysteresis' clear level), a further
 * alarm is raised with its own actions (methane still above 60% an hour after the fan started: a
 * warning to the district center).
 */
public record FollowUp(Duration after, String alarmType, Severity severity, List<Action> actions, Duration ackWithin) {

    public FollowUp {
        Objects.requireNonNull(alarmType);
        Objects.requireNonNull(severity);
        if (after == null || after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("a follow-up needs a positive delay");
        }
        actions = List.copyOf(actions);
    }
}
