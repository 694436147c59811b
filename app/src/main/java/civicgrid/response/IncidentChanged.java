package civicgrid.response;

import java.time.Instant;
import java.util.List;

/**
 * Published in the transaction that started or changed an incident: the live views (the posts'
 * queues, the phones, the big screen) hear of it once it committed, scoped like cases by
 * {@link #gridCode}.
 *
 * @param action      what happened: STARTED, TASK_ACCEPTED, TASK_DONE, ESCALATED, RESPONDER_CONFIRMED,
 *                    RESPONDER_ON_THE_WAY, RESPONDER_ARRIVED, CLOSED
 * @param assignees   who holds the tasks this change opened or touched (street posts, department instances)
 * @param unconfirmed tasks opened and not yet accepted by their post: the map flashes the incident while above zero
 */
public record IncidentChanged(String incidentId, String planCode, String state, String action, String gridCode, List<String> assignees,
                              int unconfirmed, Instant at) {

    public IncidentChanged {
        assignees = List.copyOf(assignees);
    }
}
