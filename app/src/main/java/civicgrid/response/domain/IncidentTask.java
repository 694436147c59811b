package civicgrid.response.domain;

import java.time.Instant;

/**
 * The task one plan step gives its post or department in one incident.
 *
 * @param post        the post or department code the task goes to (as the plan step names it)
 * @param assignee    who holds it for this place: {@code 500106004:URBAN_MANAGEMENT} (a street post)
 *                    or the department instance ({@code 500106:POLICE})
 * @param escalatedTo the territory code of the center it went up to, or null
 */
public record IncidentTask(String id, String step, String nameZh, String post, String assignee, TaskState state,
                           Instant startedAt, Instant deadline, String escalatedTo, String acceptedBy, String doneBy,
                           Instant doneAt) {

    public enum TaskState { WAITING, OPEN, ACCEPTED, DONE }

    public boolean open() {
        return state == TaskState.OPEN || state == TaskState.ACCEPTED;
    }

    IncidentTask with(TaskState nextState) {
        return new IncidentTask(id, step, nameZh, post, assignee, nextState, startedAt, deadline, escalatedTo, acceptedBy, doneBy, doneAt);
    }

    IncidentTask started(Instant at, Instant due) {
        return new IncidentTask(id, step, nameZh, post, assignee, TaskState.OPEN, at, due, escalatedTo, acceptedBy, doneBy, doneAt);
    }

    IncidentTask escalated(String to) {
        return new IncidentTask(id, step, nameZh, post, assignee, state, startedAt, deadline, to, acceptedBy, doneBy, doneAt);
    }

    IncidentTask accepted(String by) {
        return new IncidentTask(id, step, nameZh, post, assignee, TaskState.ACCEPTED, startedAt, deadline, escalatedTo, by, doneBy, doneAt);
    }

    IncidentTask done(String by, Instant at) {
        return new IncidentTask(id, step, nameZh, post, assignee, TaskState.DONE, startedAt, deadline, escalatedTo, acceptedBy, by, at);
    }
}
