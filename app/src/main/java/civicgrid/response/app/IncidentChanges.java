package civicgrid.response.app;

import civicgrid.audit.AuditApi;
import civicgrid.catalog.CatalogApi;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.platform.CivicGridException;
import civicgrid.response.IncidentChanged;
import civicgrid.response.IncidentView;
import civicgrid.response.domain.Incident;
import civicgrid.response.domain.IncidentRuleViolation;
import civicgrid.response.domain.IncidentTask;
import civicgrid.response.domain.PlanStep;
import civicgrid.response.domain.ResponsePlan;
import civicgrid.response.persistence.IncidentStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How an incident is opened, changed and escalated: each in one transaction that writes the whole
 * incident (optimistic locking), sets the timers of the clocks it started, audits and publishes the
 * live {@link IncidentChanged} event.
 */
@Component
public class IncidentChanges {

    private final IncidentStore incidents;
    private final UnitMembers members;
    private final IncidentViews views;
    private final DeadlineTimers timers;
    private final CatalogApi catalog;
    private final IdentityApi identity;
    private final AuditApi audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    IncidentChanges(IncidentStore incidents, UnitMembers members, IncidentViews views, DeadlineTimers timers, CatalogApi catalog,
                    IdentityApi identity, AuditApi audit, TransactionTemplate tx, Clock clock, ApplicationEventPublisher events) {
        this.incidents = incidents;
        this.members = members;
        this.views = views;
        this.timers = timers;
        this.catalog = catalog;
        this.identity = identity;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.events = events;
    }

    /** A change of one incident by the signed-in user, at {@code now}; a broken rule throws {@link IncidentRuleViolation}. */
    public interface Change {
        void apply(Incident incident, CurrentUser user, Instant now);
    }

    /**
     * Opens an incident of {@code plan} at a grid: tasks of the ready steps, their deadline timers,
     * the nearest members, the audit entry and the live event, in one transaction. Null when the
     * plan runs on the case already. The district, street and community come from the grid code.
     */
    public Incident open(String caseId, String grid, double lon, double lat, ResponsePlan plan, String actor, String why) {
        Instant now = clock.instant();
        String district = grid.substring(0, 6);
        String street = grid.substring(0, 9);
        String community = grid.substring(0, Math.min(12, grid.length()));
        Function<PlanStep, String> holderOf = step -> step.post() != null ? street + ":" + step.post()
                : catalog.department(step.department()).orElseThrow().instanceFor(district, street, community);
        Incident incident = Incident.start(caseId, grid, district, lon, lat, plan, holderOf, catalog.deadlines(), now, actor);
        incident.propose(members.propose(lon, lat, now), now);
        boolean inserted = Boolean.TRUE.equals(tx.execute(s -> {
            if (!incidents.insert(incident)) {
                return false;
            }
            timers.schedule(incident);
            audit.recordAs(actor, "INCIDENT_STARTED", "INCIDENT", incident.id(), why,
                    Map.of("case", caseId, "plan", plan.code(), "planVersion", plan.version(), "tasks", incident.clocksStarted().size(),
                            "responders", incident.responders().size()));
            publish(incident);
            return true;
        }));
        return inserted ? incident : null;
    }

    /**
     * Loads, checks scope, applies, writes (optimistic), schedules new clocks and audits, in one
     * transaction; returns the incident as the user sees it then. Read-only roles change nothing.
     */
    public IncidentView change(String incidentId, String action, String detail, Change change) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role().readOnly()) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Your role (" + user.role() + ") may not do this.");
        }
        return tx.execute(s -> {
            Incident incident = visible(incidentId, user);
            try {
                change.apply(incident, user, clock.instant());
            } catch (IncidentRuleViolation violation) {
                HttpStatus status = violation.code().startsWith("NO_SUCH") ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
                throw new CivicGridException(status, violation.code(), violation.getMessage());
            }
            try {
                incidents.update(incident);
            } catch (OptimisticLockingFailureException concurrent) {
                throw CivicGridException.conflict("INCIDENT_CHANGED", "The incident changed meanwhile; reload and try again.");
            }
            timers.schedule(incident);
            audit.record(action, "INCIDENT", incidentId, detail, Map.of("plan", incident.plan().code()));
            publish(incident);
            return views.view(incident, user);
        });
    }

    /**
     * A deadline timer fired for {@code steps} (those due at that time): escalates each one still open
     * (once; a second firing, or one after the task was done, changes nothing), in one transaction
     * with one audit batch and one live event.
     */
    public void deadlinePassed(String incidentId, List<String> steps) {
        for (int attempt = 0; ; attempt++) {
            try {
                tx.executeWithoutResult(s -> incidents.find(UUID.fromString(incidentId)).ifPresent(incident -> {
                    Instant now = clock.instant();
                    List<AuditApi.Record> escalated = new ArrayList<>();
                    for (String step : steps) {
                        if (incident.deadlinePassed(step, now)) {
                            escalated.add(new AuditApi.Record("system", "INCIDENT_STEP_ESCALATED", "INCIDENT", incidentId, "deadline passed",
                                    Map.of("step", step)));
                        }
                    }
                    if (!escalated.isEmpty()) {
                        incidents.update(incident);
                        audit.recordAll(escalated);
                        publish(incident);
                    }
                }));
                return;
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt >= 3) {
                    throw concurrent;
                }
            }
        }
    }

    /** The incident with this id if it lies in the user's territory: 404 {@code NO_SUCH_INCIDENT}, 403 {@code OUT_OF_SCOPE}. */
    public Incident visible(String id, CurrentUser user) {
        Incident incident = load(id);
        if (!user.sees(incident.territoryCode())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "This incident is outside your territory.");
        }
        return incident;
    }

    private Incident load(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw CivicGridException.notFound("NO_SUCH_INCIDENT", "No incident " + id + ".");
        }
        return incidents.find(uuid).orElseThrow(() -> CivicGridException.notFound("NO_SUCH_INCIDENT", "No incident " + id + "."));
    }

    /** The live event of a change (delivered to the consoles once the transaction committed). */
    private void publish(Incident incident) {
        List<String> holders = incident.tasks().stream().filter(t -> t.state() != IncidentTask.TaskState.WAITING)
                .map(IncidentTask::assignee).distinct().toList();
        events.publishEvent(new IncidentChanged(incident.id(), incident.plan().code(), incident.state().name(), incident.lastAction(),
                incident.territoryCode(), holders, incident.unconfirmedTasks(), clock.instant()));
    }
}
