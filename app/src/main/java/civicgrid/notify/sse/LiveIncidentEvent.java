package civicgrid.notify.sse;

import civicgrid.response.IncidentChanged;
import java.util.List;
import java.util.Map;

/**
 * What a console hears of an incident change (event {@code incident}): enough for a post's queue to
 * know its tasks changed and for the big screen to flash the incident while tasks are unconfirmed.
 */
record LiveIncidentEvent(String incidentId, String planCode, String state, String action, String gridCode, List<String> assignees,
                         int unconfirmed, String at, long atMillis) implements LiveEvent {

    static LiveIncidentEvent of(IncidentChanged change) {
        return new LiveIncidentEvent(change.incidentId(), change.planCode(), change.state(), change.action(), change.gridCode(),
                change.assignees(), change.unconfirmed(), change.at().toString(), change.at().toEpochMilli());
    }

    @Override
    public String name() {
        return "incident";
    }

    @Override
    public Map<String, Object> payload() {
        return Map.of("incidentId", incidentId, "planCode", planCode, "state", state, "action", action, "gridCode", gridCode,
                "assignees", assignees, "unconfirmed", unconfirmed, "at", at);
    }

    @Override
    public String eventId() {
        return incidentId + ":" + atMillis + ":" + action;
    }
}
