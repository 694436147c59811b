package civicgrid.response;

import civicgrid.cases.CasePlace;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.platform.CivicGridException;
import civicgrid.response.app.CasePlaces;
import civicgrid.response.app.IncidentChanges;
import civicgrid.response.app.IncidentViews;
import civicgrid.response.app.PlanCatalogue;
import civicgrid.response.app.ResponseRoles;
import civicgrid.response.domain.Incident;
import civicgrid.response.domain.ResponsePlan;
import civicgrid.response.persistence.IncidentStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Incidents: a plan started on a case by a command center or by an alarm, fanned out to many posts
 * at once, read in scope, and closed by the center. (The posts' tasks are {@link ResponseTasks}, the
 * proposed members' answers {@link ResponseUnits}.)
 */
@Service
public class Incidents {

    private final PlanCatalogue plans;
    private final IncidentChanges changes;
    private final IncidentStore incidents;
    private final IncidentViews views;
    private final CasePlaces cases;
    private final IdentityApi identity;

    Incidents(PlanCatalogue plans, IncidentChanges changes, IncidentStore incidents, IncidentViews views, CasePlaces cases,
              IdentityApi identity) {
        this.plans = plans;
        this.changes = changes;
        this.incidents = incidents;
        this.views = views;
        this.cases = cases;
        this.identity = identity;
    }

    /**
     * Starts a plan on a case the user's center sees: the incident copies the plan version, opens
     * the tasks of the ready steps at once with their deadline timers, proposes the nearest unit
     * members on duty, and is audited, all in one transaction.
     */
    public IncidentView start(String caseId, String planCode) {
        CurrentUser user = identity.requireCurrentUser();
        ResponseRoles.requireCenter(user);
        CasePlace c = cases.of(caseId);
        ResponsePlan plan = plans.latest(planCode);
        String grid = c.gridCode();
        if (!plan.covers(grid)) {
            throw CivicGridException.badRequest("PLAN_NOT_FOR_PLACE", "Plan " + planCode + " belongs to " + plan.territoryCode()
                    + "; the case lies outside it.");
        }
        if (!c.state().open()) {
            throw CivicGridException.conflict("CASE_CLOSED", "The case is " + c.state() + ".");
        }
        Incident incident = changes.open(c.id(), grid, c.lon(), c.lat(), plan, user.username(), "plan " + planCode + " on case " + c.number());
        if (incident == null) {
            throw CivicGridException.conflict("INCIDENT_RUNNING", "Plan " + planCode + " already runs on this case.");
        }
        return views.view(incident, user);
    }

    /**
     * An alarm opened a case: every plan that starts by itself ({@code manual: false}) on this alarm
     * type and severity and covers the place starts on that case, as {@code system}. A plan already
     * running on the case is left alone. Returns the incidents started.
     */
    public List<IncidentView> startForAlarm(AlarmSignal alarm, String caseId) {
        List<IncidentView> started = new ArrayList<>();
        for (ResponsePlan plan : plans.forAlarm(alarm)) {
            if (plan.trigger().manual()) {
                continue;
            }
            Incident incident = changes.open(caseId, alarm.unitCode(), alarm.lon(), alarm.lat(), plan, "system",
                    "plan " + plan.code() + " on alarm " + alarm.alarmType() + " " + alarm.alarmId());
            if (incident != null) {
                started.add(views.view(incident, null));
            }
        }
        return started;
    }

    public IncidentView incident(String id) {
        CurrentUser user = identity.requireCurrentUser();
        return views.view(changes.visible(id, user), user);
    }

    /** The newest incidents in the user's territory ({@code state}: OPEN, CLOSED or null for both). */
    public List<IncidentView> incidents(String state, int limit) {
        CurrentUser user = identity.requireCurrentUser();
        if (state != null && !Set.of("OPEN", "CLOSED").contains(state)) {
            throw CivicGridException.badRequest("INVALID_STATE", "state is OPEN or CLOSED.");
        }
        return views.views(incidents.inScope(user.scope(), state, Math.max(1, Math.min(limit, 500))), user);
    }

    /** Closes an incident once every task is done and the plan's whole checklist is ticked (a command center's act). */
    public IncidentView close(String incidentId, Set<String> checklist, String summary) {
        return changes.change(incidentId, "INCIDENT_CLOSED", summary, (incident, user, now) -> {
            ResponseRoles.requireCenter(user);
            incident.close(checklist == null ? Set.of() : checklist, summary, user.username(), now);
        });
    }

    /** Whether the signed-in user runs a command center (starts and closes incidents). */
    public boolean mayCommand() {
        return ResponseRoles.commands(identity.requireCurrentUser());
    }
}
