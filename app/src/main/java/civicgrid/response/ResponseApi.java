package civicgrid.response;

import civicgrid.audit.AuditApi;
import civicgrid.cases.CaseId;
import civicgrid.cases.CasePlace;
import civicgrid.cases.CasesApi;
import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Department;
import civicgrid.identity.CurrentUser;
import civicgrid.identity.IdentityApi;
import civicgrid.identity.PersonalData;
import civicgrid.identity.Role;
import civicgrid.platform.CivicGridException;
import civicgrid.response.domain.Incident;
import civicgrid.response.domain.IncidentRuleViolation;
import civicgrid.response.domain.IncidentTask;
import civicgrid.response.domain.NearestMembers;
import civicgrid.response.domain.PlanRefused;
import civicgrid.response.domain.PlanStep;
import civicgrid.response.domain.PlanTrigger;
import civicgrid.response.domain.Responder;
import civicgrid.response.domain.ResponsePlan;
import civicgrid.response.domain.UnitMember;
import civicgrid.response.persistence.IncidentStore;
import civicgrid.response.persistence.PlanStore;
import civicgrid.response.persistence.UnitStore;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Plans, incidents and response units. Plans are few (a handful per street) and held in memory,
 * reloaded after each change; incidents are read and written whole with optimistic locking; the
 * members of all units sit in an in-memory spatial index.
 */
@Service
public class ResponseApi {

    /** The db-scheduler task that fires when a step's deadline passes (one execution per incident and step). */
    public static final TaskDescriptor<String> STEP_DEADLINE = TaskDescriptor.of("response-step-deadline", String.class);
    static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    static final int MAX_PROPOSED = 12;
    /** The most open incidents a post's queue reads at once. */
    static final int MAX_QUEUE = 200;
    private static final Set<Role> CENTERS = Set.of(Role.STREET_OPERATOR, Role.DISTRICT_OPERATOR, Role.CITY_OPERATOR, Role.ADMINISTRATOR);

    private final PlanStore plans;
    private final IncidentStore incidents;
    private final UnitStore units;
    private final CasesApi cases;
    private final CatalogApi catalog;
    private final IdentityApi identity;
    private final AuditApi audit;
    private final TransactionTemplate tx;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private volatile List<ResponsePlan> planCache;
    private volatile Members members;

    /** The members index, who signs in as which member, every member by id and the units' names. */
    private record Members(NearestMembers index, Map<String, UnitMember> byAccount, Map<String, UnitMember> byId,
                           Map<String, String> unitNames) {
    }

    ResponseApi(PlanStore plans, IncidentStore incidents, UnitStore units, CasesApi cases, CatalogApi catalog, IdentityApi identity,
                AuditApi audit, TransactionTemplate tx, ObjectProvider<SchedulerClient> scheduler, Clock clock,
                ApplicationEventPublisher events) {
        this.plans = plans;
        this.incidents = incidents;
        this.units = units;
        this.cases = cases;
        this.catalog = catalog;
        this.identity = identity;
        this.audit = audit;
        this.tx = tx;
        this.scheduler = scheduler;
        this.clock = clock;
        this.events = events;
        reloadPlans();
        reloadMembers();
    }

    // ---- plans ----

    /** The latest version of the plans that hold for the user's territory (its own, its ancestors', its descendants'). */
    public List<ResponsePlan> plans() {
        CurrentUser user = identity.requireCurrentUser();
        return planCache.stream().filter(p -> user.sees(p.territoryCode()) || user.scope().isAncestorOfScope(p.territoryCode())).toList();
    }

    public ResponsePlan plan(String code) {
        CurrentUser user = identity.requireCurrentUser();
        ResponsePlan plan = latest(code);
        if (!user.sees(plan.territoryCode()) && !user.scope().isAncestorOfScope(plan.territoryCode())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "Plan " + code + " belongs to another territory.");
        }
        return plan;
    }

    /**
     * Saves a plan as its next version (version 1 when new). Administrators edit every plan; a
     * command center edits the plans of its own territory (a street center its street's, a district
     * center its district's). A plan keeps its territory across versions. {@code baseVersion}, when
     * given, is the version the editor started from: if another version was published meanwhile the
     * save is refused ({@code PLAN_CHANGED}) instead of silently overwriting it. A plan that cannot
     * run is refused with a {@link PlanRefused} naming the step at fault.
     */
    public ResponsePlan savePlan(ResponsePlan draft, Integer baseVersion) {
        CurrentUser user = identity.requireRole(Role.ADMINISTRATOR, Role.CITY_OPERATOR, Role.DISTRICT_OPERATOR, Role.STREET_OPERATOR);
        draft.validate(identity.postCodes(), departmentCodes());
        if (!mayEditPlanOf(user, draft.territoryCode())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "Plans of " + draft.territoryCode() + " are edited by that territory's center.");
        }
        ResponsePlan saved = tx.execute(s -> {
            java.util.Optional<ResponsePlan> current = plans.latest(draft.code());
            if (current.isPresent() && !current.get().territoryCode().equals(draft.territoryCode())) {
                throw CivicGridException.badRequest("PLAN_TERRITORY_FIXED", "Plan " + draft.code() + " belongs to "
                        + current.get().territoryCode() + "; a plan keeps its territory.");
            }
            int latest = current.map(ResponsePlan::version).orElse(0);
            if (baseVersion != null && baseVersion != latest) {
                throw CivicGridException.conflict("PLAN_CHANGED", "Plan " + draft.code() + " is at version " + latest
                        + " now, not " + baseVersion + "; reload it and edit again.");
            }
            ResponsePlan versioned = draft.withVersion(latest + 1);
            if (!plans.insert(versioned, clock.instant(), user.username())) {
                throw CivicGridException.conflict("PLAN_CHANGED", "Plan " + draft.code() + " was published meanwhile; reload it and edit again.");
            }
            audit.record("PLAN_SAVED", "RESPONSE_PLAN", draft.code(), "version " + versioned.version(),
                    Map.of("version", versioned.version(), "territory", draft.territoryCode(), "steps", draft.steps().size()));
            return versioned;
        });
        reloadPlans();
        return saved;
    }

    /** Whether the signed-in user may publish new versions of a plan (for the editor on the plan page). */
    public boolean mayEditPlan(String code) {
        return mayEditPlanOf(identity.requireCurrentUser(), plan(code).territoryCode());
    }

    /** Administrators edit every plan; a center (not read-only) the plans whose territory is one of its own units. */
    private static boolean mayEditPlanOf(CurrentUser user, String territoryCode) {
        if (user.role() == Role.ADMINISTRATOR) {
            return true;
        }
        return CENTERS.contains(user.role()) && !user.role().readOnly() && territoryCode != null
                && user.scope().unitCodes().contains(territoryCode);
    }

    /** The versions of a plan the user sees, newest first, each with its publisher's name as their account shows it. */
    public List<PlanStore.PlanVersion> planVersions(String code) {
        plan(code);
        Map<String, String> names = new HashMap<>();
        return plans.versions(code).stream()
                .map(v -> v.named(names.computeIfAbsent(v.createdBy(), by -> identity.displayName(by).orElse(by)))).toList();
    }

    /** One version of a plan the user sees (running incidents copy theirs; older ones stay readable). */
    public ResponsePlan planVersion(String code, int version) {
        plan(code);
        return plans.version(code, version).orElseThrow(() -> CivicGridException.notFound("UNKNOWN_PLAN_VERSION",
                "Plan " + code + " has no version " + version + "."));
    }

    /** Plans whose trigger an alarm matches and that cover its place (the seam for sensing's alarms). */
    public List<ResponsePlan> plansFor(AlarmSignal alarm) {
        PlanTrigger.Severity severity = PlanTrigger.Severity.valueOf(alarm.severity());
        return planCache.stream().filter(p -> p.covers(alarm.unitCode()) && p.trigger().matchesAlarm(alarm.alarmType(), severity)).toList();
    }

    /** The plans whose trigger names the case's category and that cover its place (offered on the case desk). */
    public List<ResponsePlan> plansForCase(String caseId) {
        identity.requireCurrentUser();
        CasePlace c = cases.place(parseCase(caseId));
        return planCache.stream().filter(p -> p.covers(c.gridCode()) && p.trigger().matchesCategory(c.categoryCode())).toList();
    }

    /** A plan the case desk offers: whether it runs on the case already (its incident) and whether the user may start it now. */
    public record CasePlan(String code, String nameZh, String nameEn, int version, String runningIncidentId, boolean startable) {
    }

    /**
     * The plans whose trigger matches a case, for the desk's "start plan" button: startable only by a
     * command center (not read-only) on an open case where the plan does not run yet, so a button
     * that is shown succeeds.
     */
    public List<CasePlan> casePlans(String caseId) {
        CurrentUser user = identity.requireCurrentUser();
        CasePlace c = cases.place(parseCase(caseId));
        boolean center = CENTERS.contains(user.role()) && c.state().open();
        Map<String, String> running = incidents.openOnCase(c.id());
        return planCache.stream().filter(p -> p.covers(c.gridCode()) && p.trigger().matchesCategory(c.categoryCode()))
                .map(p -> new CasePlan(p.code(), p.nameZh(), p.nameEn(), p.version(), running.get(p.code()),
                        center && !running.containsKey(p.code()))).toList();
    }

    /** Whether the signed-in user runs a command center (starts and closes incidents). */
    public boolean mayCommand() {
        CurrentUser user = identity.requireCurrentUser();
        return CENTERS.contains(user.role()) && !user.role().readOnly();
    }

    private Set<String> departmentCodes() {
        return Set.copyOf(catalog.departments().stream().map(Department::code).toList());
    }

    /** First start: the shipped plans, each only if no version of it exists yet. */
    void seed(List<ResponsePlan> shipped) {
        Set<String> posts = identity.postCodes();
        Set<String> departments = departmentCodes();
        tx.executeWithoutResult(s -> {
            for (ResponsePlan plan : shipped) {
                if (plans.latest(plan.code()).isEmpty()) {
                    plan.validate(posts, departments);
                    plans.insert(plan.withVersion(1), clock.instant(), "system");
                    audit.recordAs("system", "PLAN_SAVED", "RESPONSE_PLAN", plan.code(), "shipped plan", Map.of("version", 1));
                }
            }
        });
        reloadPlans();
    }

    private ResponsePlan latest(String code) {
        return planCache.stream().filter(p -> p.code().equals(code)).findFirst()
                .orElseThrow(() -> CivicGridException.notFound("UNKNOWN_PLAN", "No response plan " + code + "."));
    }

    private void reloadPlans() {
        planCache = List.copyOf(plans.latestAll());
    }

    // ---- incidents ----

    /**
     * Starts a plan on a case the user's center sees: the incident copies the plan version, opens
     * the tasks of the ready steps at once with their deadline timers, proposes the nearest unit
     * members on duty, and is audited, all in one transaction.
     */
    public IncidentView start(String caseId, String planCode) {
        CurrentUser user = requireCenter();
        CasePlace c = cases.place(parseCase(caseId));
        ResponsePlan plan = latest(planCode);
        String grid = c.gridCode();
        if (!plan.covers(grid)) {
            throw CivicGridException.badRequest("PLAN_NOT_FOR_PLACE", "Plan " + planCode + " belongs to " + plan.territoryCode()
                    + "; the case lies outside it.");
        }
        if (!c.state().open()) {
            throw CivicGridException.conflict("CASE_CLOSED", "The case is " + c.state() + ".");
        }
        Incident incident = open(c.id(), grid, c.lon(), c.lat(), plan, user.username(), "plan " + planCode + " on case " + c.number());
        if (incident == null) {
            throw CivicGridException.conflict("INCIDENT_RUNNING", "Plan " + planCode + " already runs on this case.");
        }
        return view(incident, user);
    }

    /**
     * An alarm opened a case: every plan that starts by itself ({@code manual: false}) on this alarm
     * type and severity and covers the place starts on that case, as {@code system}. A plan already
     * running on the case is left alone. Returns the incidents started.
     */
    public List<IncidentView> startForAlarm(AlarmSignal alarm, String caseId) {
        List<IncidentView> started = new ArrayList<>();
        for (ResponsePlan plan : plansFor(alarm)) {
            if (plan.trigger().manual()) {
                continue;
            }
            Incident incident = open(caseId, alarm.unitCode(), alarm.lon(), alarm.lat(), plan, "system",
                    "plan " + plan.code() + " on alarm " + alarm.alarmType() + " " + alarm.alarmId());
            if (incident != null) {
                started.add(view(incident, null));
            }
        }
        return started;
    }

    /**
     * Opens an incident of {@code plan} at a grid: tasks of the ready steps, their deadline timers,
     * the nearest members, the audit entry and the live event, in one transaction. Null when the
     * plan runs on the case already. The district, street and community come from the grid code.
     */
    private Incident open(String caseId, String grid, double lon, double lat, ResponsePlan plan, String actor, String why) {
        Instant now = clock.instant();
        String district = grid.substring(0, 6);
        String street = grid.substring(0, 9);
        String community = grid.substring(0, Math.min(12, grid.length()));
        Function<PlanStep, String> holderOf = step -> step.post() != null ? street + ":" + step.post()
                : catalog.department(step.department()).orElseThrow().instanceFor(district, street, community);
        Incident incident = Incident.start(caseId, grid, district, lon, lat, plan, holderOf, catalog.deadlines(), now, actor);
        incident.propose(proposals(lon, lat, now), now);
        boolean inserted = Boolean.TRUE.equals(tx.execute(s -> {
            if (!incidents.insert(incident)) {
                return false;
            }
            scheduleDeadlines(incident);
            audit.recordAs(actor, "INCIDENT_STARTED", "INCIDENT", incident.id(), why,
                    Map.of("case", caseId, "plan", plan.code(), "planVersion", plan.version(), "tasks", incident.clocksStarted().size(),
                            "responders", incident.responders().size()));
            publish(incident);
            return true;
        }));
        return inserted ? incident : null;
    }

    /**
     * An incident as {@code viewer} sees it: each responder with the member's name, masked unless the
     * viewer's role sees personal data inside the incident's territory (as a case's people are), and
     * the unit's name. {@code viewer} null (the system): masked.
     */
    private IncidentView view(Incident incident, CurrentUser viewer) {
        PersonalData.Masker mask = PersonalData.forViewerIn(viewer, incident.territoryCode());
        Members known = members;
        return IncidentView.of(incident, r -> {
            UnitMember member = known.byId().get(r.memberId());
            return IncidentView.ResponderView.of(r, member == null ? null : mask.name(member.nameZh()),
                    known.unitNames().getOrDefault(r.unitCode(), r.unitCode()));
        });
    }

    /** The live event of a change (delivered to the consoles once the transaction committed). */
    private void publish(Incident incident) {
        List<String> holders = incident.tasks().stream().filter(t -> t.state() != IncidentTask.TaskState.WAITING)
                .map(IncidentTask::assignee).distinct().toList();
        events.publishEvent(new IncidentChanged(incident.id(), incident.plan().code(), incident.state().name(), incident.lastAction(),
                incident.territoryCode(), holders, incident.unconfirmedTasks(), clock.instant()));
    }

    public IncidentView incident(String id) {
        CurrentUser user = identity.requireCurrentUser();
        return view(visible(load(id), user), user);
    }

    /** The newest incidents in the user's territory ({@code state}: OPEN, CLOSED or null for both). */
    public List<IncidentView> incidents(String state, int limit) {
        CurrentUser user = identity.requireCurrentUser();
        if (state != null && !Set.of("OPEN", "CLOSED").contains(state)) {
            throw CivicGridException.badRequest("INVALID_STATE", "state is OPEN or CLOSED.");
        }
        return incidents.inScope(user.scope(), state, Math.max(1, Math.min(limit, 500))).stream().map(i -> view(i, user)).toList();
    }

    /**
     * The open tasks of the user's post or department in the open incidents of their territory: a
     * query on the open incidents' task index (a center's queue holds every open incident of its
     * territory), newest incident first, at most {@link #MAX_QUEUE} incidents.
     */
    public List<Map<String, Object>> myTasks() {
        CurrentUser user = identity.requireCurrentUser();
        boolean center = CENTERS.contains(user.role());
        List<Incident> holding = center ? incidents.inScope(user.scope(), "OPEN", MAX_QUEUE)
                : incidents.openWithTasksFor(user.scope(), postsOf(user), MAX_QUEUE);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Incident incident : holding) {
            for (IncidentTask task : incident.tasks()) {
                if (task.open() && holds(user, task)) {
                    Map<String, Object> row = new HashMap<>();
                    row.put("incidentId", incident.id());
                    row.put("planCode", incident.plan().code());
                    row.put("planNameZh", incident.plan().nameZh());
                    row.put("planNameEn", incident.plan().nameEn());
                    row.put("gridCode", incident.territoryCode());
                    row.put("task", task);
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** The posts whose tasks the signed-in user holds (beside a command center, which holds every task of its territory). */
    public List<String> myPosts() {
        return postsOf(identity.requireCurrentUser());
    }

    /** The posts (and department, and the community's shared tasks) whose tasks a user holds. */
    private static List<String> postsOf(CurrentUser user) {
        List<String> posts = new ArrayList<>();
        if (user.postCode() != null) {
            posts.add(user.postCode());
        }
        if (user.departmentCode() != null) {
            posts.add(user.departmentCode());
        }
        if (user.hasRole(Role.GRID_WORKER, Role.COMMUNITY_STAFF)) {
            posts.add("COMMUNITY");
        }
        return posts;
    }

    /**
     * The open incidents that proposed the signed-in member (their phone's list), each with the
     * member's own line; empty for a user who is no unit member.
     */
    public List<Map<String, Object>> myProposals() {
        CurrentUser user = identity.requireCurrentUser();
        UnitMember self = members.byAccount().get(user.username());
        if (self == null) {
            return List.of();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Incident incident : incidents.openProposing(self.id(), 50)) {
            Map<String, Object> row = new HashMap<>();
            Incident.Snapshot view = incident.snapshot();
            row.put("incidentId", incident.id());
            row.put("planCode", incident.plan().code());
            row.put("planNameZh", incident.plan().nameZh());
            row.put("planNameEn", incident.plan().nameEn());
            row.put("openedAt", view.openedAt());
            row.put("lon", view.lon());
            row.put("lat", view.lat());
            row.put("responder", incident.responder(self.id()));
            out.add(row);
        }
        return out;
    }

    public IncidentView acceptTask(String incidentId, String taskId) {
        return change(incidentId, "TASK_ACCEPTED", taskId, (incident, user) -> {
            requireHolder(user, incident.task(taskId));
            incident.accept(taskId, user.username(), clock.instant());
        });
    }

    public IncidentView completeTask(String incidentId, String taskId, String note) {
        return change(incidentId, "TASK_DONE", taskId, (incident, user) -> {
            requireHolder(user, incident.task(taskId));
            incident.done(taskId, user.username(), note, clock.instant(), catalog.deadlines());
        });
    }

    public IncidentView close(String incidentId, Set<String> checklist, String summary) {
        return change(incidentId, "INCIDENT_CLOSED", summary, (incident, user) -> {
            requireCenterRole(user);
            incident.close(checklist == null ? Set.of() : checklist, summary, user.username(), clock.instant());
        });
    }

    public IncidentView responderConfirmed(String incidentId, String memberId) {
        return change(incidentId, "RESPONDER_CONFIRMED", memberId, (incident, user) -> {
            requireResponderOrCenter(user, incident.responder(memberId));
            incident.responderConfirmed(memberId, user.username(), clock.instant());
        });
    }

    public IncidentView responderOnTheWay(String incidentId, String memberId) {
        return change(incidentId, "RESPONDER_ON_THE_WAY", memberId, (incident, user) -> {
            requireResponderOrCenter(user, incident.responder(memberId));
            incident.responderOnTheWay(memberId, user.username(), clock.instant());
        });
    }

    public IncidentView responderArrived(String incidentId, String memberId) {
        return change(incidentId, "RESPONDER_ARRIVED", memberId, (incident, user) -> {
            requireResponderOrCenter(user, incident.responder(memberId));
            incident.responderArrived(memberId, user.username(), clock.instant());
        });
    }

    /**
     * A deadline timer fired for {@code steps} (those due at that time): escalates each one still open
     * (once; a second firing, or one after the task was done, changes nothing), in one transaction
     * with one audit batch and one live event.
     */
    void deadlinePassed(String incidentId, List<String> steps) {
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

    private interface Change {
        void apply(Incident incident, CurrentUser user);
    }

    /** Loads, checks scope, applies, writes (optimistic), schedules new clocks and audits, in one transaction. */
    private IncidentView change(String incidentId, String action, String detail, Change change) {
        CurrentUser user = identity.requireCurrentUser();
        if (user.role().readOnly()) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Your role (" + user.role() + ") may not do this.");
        }
        return tx.execute(s -> {
            Incident incident = visible(load(incidentId), user);
            try {
                change.apply(incident, user);
            } catch (IncidentRuleViolation violation) {
                HttpStatus status = violation.code().startsWith("NO_SUCH") ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
                throw new CivicGridException(status, violation.code(), violation.getMessage());
            }
            try {
                incidents.update(incident);
            } catch (OptimisticLockingFailureException concurrent) {
                throw CivicGridException.conflict("INCIDENT_CHANGED", "The incident changed meanwhile; reload and try again.");
            }
            scheduleDeadlines(incident);
            audit.record(action, "INCIDENT", incidentId, detail, Map.of("plan", incident.plan().code()));
            publish(incident);
            return view(incident, user);
        });
    }

    /**
     * The deadline timers of the clocks this change started, in one batch insert: one timer per
     * distinct deadline, carrying every step due then (the ready steps of a plan usually share one
     * limit, so starting 20 of them writes one row, not 20). The timer's id is the incident and the
     * group's first step, unique because a step's clock starts once.
     */
    private void scheduleDeadlines(Incident incident) {
        Map<Instant, List<String>> stepsByDeadline = new TreeMap<>();
        for (IncidentTask task : incident.clocksStarted()) {
            stepsByDeadline.computeIfAbsent(task.deadline(), d -> new ArrayList<>()).add(task.step());
        }
        if (stepsByDeadline.isEmpty()) {
            return;
        }
        List<SchedulableInstance<?>> timers = new ArrayList<>();
        stepsByDeadline.forEach((deadline, steps) -> timers.add(SchedulableInstance.of(new TaskInstance<>(STEP_DEADLINE.getTaskName(),
                incident.id() + "-" + steps.get(0), incident.id() + "|" + String.join(",", steps)), deadline)));
        scheduler.getObject().scheduleBatch(timers);
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

    private static Incident visible(Incident incident, CurrentUser user) {
        if (!user.sees(incident.territoryCode())) {
            throw CivicGridException.forbidden("OUT_OF_SCOPE", "This incident is outside your territory.");
        }
        return incident;
    }

    private static CaseId parseCase(String caseId) {
        try {
            return CaseId.parse(caseId);
        } catch (RuntimeException e) {
            throw CivicGridException.badRequest("INVALID_CASE_ID", "caseId must be a case id (UUID).");
        }
    }

    private CurrentUser requireCenter() {
        CurrentUser user = identity.requireCurrentUser();
        requireCenterRole(user);
        return user;
    }

    private static void requireCenterRole(CurrentUser user) {
        if (!CENTERS.contains(user.role())) {
            throw CivicGridException.forbidden("ROLE_NOT_ALLOWED", "Only a command center starts and closes incidents.");
        }
    }

    /**
     * A task is held by the users of its post (street staff with that post) or department (its
     * handlers, or the community's grid workers and staff for community tasks), inside the place's
     * territory; command centers of the territory may act for any post (it is logged under their name).
     */
    private static boolean holds(CurrentUser user, IncidentTask task) {
        if (CENTERS.contains(user.role())) {
            return true;
        }
        if (task.post().equals(user.postCode()) || task.post().equals(user.departmentCode())) {
            return true;
        }
        return task.post().equals("COMMUNITY") && user.hasRole(Role.GRID_WORKER, Role.COMMUNITY_STAFF);
    }

    private static void requireHolder(CurrentUser user, IncidentTask task) {
        if (!holds(user, task)) {
            throw CivicGridException.forbidden("NOT_YOUR_TASK", "Task " + task.step() + " belongs to " + task.post() + ".");
        }
    }

    /** A member confirms for their own unit; a center for anybody in its territory. */
    private void requireResponderOrCenter(CurrentUser user, Responder responder) {
        if (CENTERS.contains(user.role())) {
            return;
        }
        UnitMember self = members.byAccount().get(user.username());
        if (self == null || !self.unitCode().equals(responder.unitCode())) {
            throw CivicGridException.forbidden("NOT_YOUR_UNIT", "Member " + responder.memberId() + " answers to unit "
                    + responder.unitCode() + ", not yours.");
        }
    }

    // ---- units ----

    /** The members on duty within a 5-minute walk of a point, nearest first, with their ring. */
    public List<Responder> proposals(double lon, double lat, Instant now) {
        return members.index().propose(lon, lat, now.atZone(LOCAL).toLocalTime(), MAX_PROPOSED).stream()
                .map(p -> Responder.proposed(p.member().id(), p.member().unitCode(), p.walkingMinutes(), p.ring(), now)).toList();
    }

    /** The units whose home place lies in the user's territory. */
    public List<UnitStore.Unit> units() {
        CurrentUser user = identity.requireCurrentUser();
        return units.units().stream().filter(u -> user.sees(u.territoryCode())).toList();
    }

    void reloadMembers() {
        List<UnitMember> all = units.members();
        Map<String, UnitMember> byAccount = new HashMap<>();
        Map<String, UnitMember> byId = new HashMap<>();
        for (UnitMember m : all) {
            byId.put(m.id(), m);
            if (m.account() != null) {
                byAccount.put(m.account(), m);
            }
        }
        Map<String, String> unitNames = new HashMap<>();
        units.units().forEach(u -> unitNames.put(u.code(), u.nameZh()));
        members = new Members(new NearestMembers(all), byAccount, byId, unitNames);
    }

    void withUnits(Consumer<UnitStore> seeding) {
        tx.executeWithoutResult(s -> seeding.accept(units));
        reloadMembers();
    }
}
