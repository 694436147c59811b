package civicgrid.response;

import civicgrid.response.domain.ChecklistItem;
import civicgrid.response.domain.IncidentTask;
import civicgrid.response.domain.LogEntry;
import civicgrid.response.domain.Responder;
import java.time.Instant;
import java.util.List;

/** An incident as the API shows it (the contract's fields first). */
public record IncidentView(String id, String state, String planCode, int planVersion, String caseId, List<IncidentTask> tasks,
                           List<ResponderView> responders, List<LogEntry> log, String planNameZh, String territoryCode,
                           String districtCode, Instant openedAt, Instant closedAt, String summary, List<ChecklistItem> checklist,
                           List<String> checklistDone, Double lon, Double lat, int unconfirmedTasks) {

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
