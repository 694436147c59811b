package civicgrid.response;

import civicgrid.response.domain.ChecklistItem;
import civicgrid.response.domain.IncidentTask;
import civicgrid.response.domain.Responder;
import java.time.Instant;
import java.util.List;

/** An incident as the API shows it (the contract's fields first). */
public record IncidentView(String id, String state, String planCode, int planVersion, String caseId, List<IncidentTask> tasks,
                           List<ResponderView> responders, List<LogLine> log, String planNameZh, String territoryCode,
                           String districtCode, Instant openedAt, Instant closedAt, String summary, List<ChecklistItem> checklist,
                           List<String> checklistDone, Double lon, Double lat, int unconfirmedTasks) {

    /**
     * One line of the log as the viewer reads it: who by account ({@code actor}: a username, or {@code system}) and
     * by the name their account is shown by ({@code actorName}: the stored value when no account has it).
     */
    public record LogLine(int seq, Instant at, String actor, String actorName, String kind, String step, String text) {
    }

    /**
     * A proposed member as the viewer sees them: the contract's fields ({@code memberId}, {@code unitCode},
     * {@code walkingMinutes}, {@code ring}, {@code state}) first, then the times, the measured arrival, the
     * member's name (masked unless the viewer's role sees personal data in the incident's territory) and the
     * unit's name.
     */
    public record ResponderView(String memberId, String unitCode, double walkingMinutes, int ring, Responder.ResponderState state,
                                Instant proposedAt, Instant confirmedAt, Instant onTheWayAt, Instant arrivedAt, Long arrivalSeconds,
                                String name, String unitName) {
    }
}
