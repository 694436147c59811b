package civicgrid.response.app;

import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.PersonalData;
import civicgrid.response.IncidentView;
import civicgrid.response.domain.Incident;
import civicgrid.response.domain.LogEntry;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Builds what the API shows of an incident for a given viewer. */
@Component
public class IncidentViews {

    private final UnitMembers members;
    private final IdentityApi identity;

    IncidentViews(UnitMembers members, IdentityApi identity) {
        this.members = members;
        this.identity = identity;
    }

    /**
     * An incident as {@code viewer} sees it: each responder with the member's name, masked unless the
     * viewer's role sees personal data inside the incident's territory (as a case's people are), and
     * the unit's name; the log with who acted by name. {@code viewer} null (the system): masked.
     */
    public IncidentView view(Incident incident, CurrentUser viewer) {
        return views(List.of(incident), viewer).get(0);
    }

    /** Several incidents as {@link #view} shows each, the log's people named in one look-up. */
    public List<IncidentView> views(List<Incident> incidents, CurrentUser viewer) {
        Map<String, String> names = identity.namesShown(incidents.stream().flatMap(i -> i.log().stream()).map(LogEntry::actor).toList(),
                PersonalData.forViewer(viewer));
        return incidents.stream().map(incident -> {
            PersonalData.Masker mask = PersonalData.forViewerIn(viewer, incident.territoryCode());
            Incident.Snapshot s = incident.snapshot();
            List<IncidentView.LogLine> log = s.log().stream().map(e -> new IncidentView.LogLine(e.seq(), e.at(), e.actor(),
                    names.get(e.actor()), e.kind(), e.step(), e.text())).toList();
            return new IncidentView(s.id(), s.state().name(), s.plan().code(), s.plan().version(), s.caseId(), s.tasks(),
                    s.responders().stream().map(members.views(mask)).toList(), log, s.plan().nameZh(), s.territoryCode(), s.districtCode(),
                    s.openedAt(), s.closedAt(), s.summary(), s.plan().checklist(), s.checklistDone(), s.lon(), s.lat(),
                    incident.unconfirmedTasks());
        }).toList();
    }
}
