package civicgrid.response.app;

import civicgrid.identity.CurrentUser;
import civicgrid.identity.PersonalData;
import civicgrid.response.IncidentView;
import civicgrid.response.domain.Incident;
import org.springframework.stereotype.Component;

/** Builds what the API shows of an incident for a given viewer. */
@Component
public class IncidentViews {

    private final UnitMembers members;

    IncidentViews(UnitMembers members) {
        this.members = members;
    }

    /**
     * An incident as {@code viewer} sees it: each responder with the member's name, masked unless the
     * viewer's role sees personal data inside the incident's territory (as a case's people are), and
     * the unit's name. {@code viewer} null (the system): masked.
     */
    public IncidentView view(Incident incident, CurrentUser viewer) {
        PersonalData.Masker mask = PersonalData.forViewerIn(viewer, incident.territoryCode());
        Incident.Snapshot s = incident.snapshot();
        return new IncidentView(s.id(), s.state().name(), s.plan().code(), s.plan().version(), s.caseId(), s.tasks(),
                s.responders().stream().map(members.views(mask)).toList(), s.log(), s.plan().nameZh(), s.territoryCode(), s.districtCode(),
                s.openedAt(), s.closedAt(), s.summary(), s.plan().checklist(), s.checklistDone(), s.lon(), s.lat(), incident.unconfirmedTasks());
    }
}
