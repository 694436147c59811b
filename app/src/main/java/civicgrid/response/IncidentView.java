package civicgrid.response;

import civicgrid.response.domain.ChecklistItem;
import civicgrid.response.domain.Incident;
import civicgrid.response.domain.IncidentTask;
import civicgrid.response.domain.LogEntry;
import civicgrid.response.domain.Responder;
import java.time.Instant;
import java.util.List;

/** An incident as the API shows it (the contract's fields first). */
public record IncidentView(String id, String state, String planCode, int planVersion, String caseId, List<IncidentTask> tasks,
                           List<Responder> responders, List<LogEntry> log, String planNameZh, String territoryCode,
                           String districtCode, Instant openedAt, Instant closedAt, String summary, List<ChecklistItem> checklist,
                           List<String> checklistDone, Double lon, Double lat, int unconfirmedTasks) {

    static IncidentView of(Incident incident) {
        Incident.Snapshot s = incident.snapshot();
        return new IncidentView(s.id(), s.state().name(), s.plan().code(), s.plan().version(), s.caseId(), s.tasks(), s.responders(),
                s.log(), s.plan().nameZh(), s.territoryCode(), s.districtCode(), s.openedAt(), s.closedAt(), s.summary(),
                s.plan().checklist(), s.checklistDone(), s.lon(), s.lat(), incident.unconfirmedTasks());
    }
}
