package civicgrid.response.domain;

import civicgrid.catalog.Deadlines;
import civicgrid.response.domain.IncidentTask.TaskState;
import civicgrid.response.domain.Responder.ResponderState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One response to one case under one plan version. Starting it gives every step without
 * dependencies its task at once (clocks started, deadlines on the step's clock); finishing a task
 * releases the steps that waited only for finished ones; a step goes up to the escalation target
 * when the plan says so at its start, or once its deadline passes while it is still open (once).
 * It closes, with a summary, when every task is done and the plan's whole checklist is ticked.
 * Every change appends to the log, in order.
 */
public final class Incident {

    public enum State { OPEN, CLOSED }

    /** Everything an incident holds; what the store writes and reads. */
    public record Snapshot(String id, String caseId, String territoryCode, String districtCode, ResponsePlan plan, State state,
                           Instant openedAt, Instant closedAt, String summary, List<String> checklistDone,
                           List<IncidentTask> tasks, List<Responder> responders, List<LogEntry> log, long version, Double lon, Double lat) {
    }

    private final String id;
    private final String caseId;
    private final String territoryCode;
    private final String districtCode;
    private final ResponsePlan plan;
    private final Instant openedAt;
    private final long version;
    private final Double lon;
    private final Double lat;
    private State state;
    private Instant closedAt;
    private String summary;
    private List<String> checklistDone;
    private final List<IncidentTask> tasks;
    private final List<Responder> responders;
    private final List<LogEntry> log;
    /** Tasks whose clock started in this unit of work: their deadline timers are still to be set. */
    private final List<IncidentTask> clocksStarted = new ArrayList<>();

    private Incident(Snapshot s) {
        this.id = s.id();
        this.caseId = s.caseId();
        this.territoryCode = s.territoryCode();
        this.districtCode = s.districtCode();
        this.plan = s.plan();
        this.openedAt = s.openedAt();
        this.version = s.version();
        this.lon = s.lon();
        this.lat = s.lat();
        this.state = s.state();
        this.closedAt = s.closedAt();
        this.summary = s.summary();
        this.checklistDone = new ArrayList<>(s.checklistDone());
        this.tasks = new ArrayList<>(s.tasks());
        this.responders = new ArrayList<>(s.responders());
        this.log = new ArrayList<>(s.log());
    }

    public static Incident restore(Snapshot snapshot) {
        return new Incident(snapshot);
    }

    /**
     * Starts {@code plan} on a case at {@code territoryCode} (its grid) in {@code districtCode}, at
     * ({@code lon}, {@code lat}): the
     * tasks of the ready steps open now, the others wait. {@code holderOf} names who holds a step's
     * task for this place (the street's post, or the department's instance).
     */
    public static Incident start(String caseId, String territoryCode, String districtCode, double lon, double lat, ResponsePlan plan,
                                 Function<PlanStep, String> holderOf, Deadlines deadlines, Instant now, String actor) {
        List<IncidentTask> tasks = new ArrayList<>();
        for (PlanStep step : plan.steps()) {
            tasks.add(new IncidentTask(UUID.randomUUID().toString(), step.code(), step.nameZh(), step.assignee(),
                    holderOf.apply(step), TaskState.WAITING, null, null, null, null, null, null));
        }
        Incident incident = new Incident(new Snapshot(UUID.randomUUID().toString(), caseId, territoryCode, districtCode, plan,
                State.OPEN, now, null, null, List.of(), tasks, List.of(), List.of(), 0, lon, lat));
        incident.append(now, actor, "STARTED", null, "plan " + plan.code() + " v" + plan.version() + " started on case " + caseId);
        incident.startReadySteps(deadlines, now, actor);
        return incident;
    }

    public void accept(String taskId, String actor, Instant now) {
        requireOpen();
        IncidentTask task = task(taskId);
        if (task.state() != TaskState.OPEN) {
            throw new IncidentRuleViolation("TASK_NOT_OPEN", "Task " + task.step() + " is " + task.state() + ", not OPEN.");
        }
        replace(task.accepted(actor));
        append(now, actor, "TASK_ACCEPTED", task.step(), task.nameZh());
    }

    /** Marks a task done and opens every waiting step whose dependencies are now all done. */
    public void done(String taskId, String actor, String note, Instant now, Deadlines deadlines) {
        requireOpen();
        IncidentTask task = task(taskId);
        if (!task.open()) {
            throw new IncidentRuleViolation("TASK_NOT_OPEN", "Task " + task.step() + " is " + task.state() + ".");
        }
        replace(task.done(actor, now));
        append(now, actor, "TASK_DONE", task.step(), note == null || note.isBlank() ? task.nameZh() : note);
        startReadySteps(deadlines, now, actor);
    }

    /**
     * The deadline of a step passed: an unfinished task goes up to the escalation target, once.
     * Returns false when there was nothing to do (done in time, already escalated, incident closed).
     */
    public boolean deadlinePassed(String stepCode, Instant now) {
        IncidentTask task = taskOfStep(stepCode);
        if (state != State.OPEN || !task.open() || task.escalatedTo() != null) {
            return false;
        }
        replace(task.escalated(escalationUnit()));
        append(now, "system", "ESCALATED", stepCode, "deadline " + task.deadline() + " passed: up to " + escalationUnit());
        return true;
    }

    public void propose(List<Responder> proposed, Instant now) {
        requireOpen();
        Set<String> known = responders.stream().map(Responder::memberId).collect(Collectors.toSet());
        for (Responder r : proposed) {
            if (known.add(r.memberId())) {
                responders.add(r);
                append(now, "system", "RESPONDER_PROPOSED", null, r.memberId() + " (" + r.unitCode() + ") ring " + r.ring()
                        + ", " + r.walkingMinutes() + " min walk");
            }
        }
    }

    public Responder responder(String memberId) {
        return responders.stream().filter(r -> r.memberId().equals(memberId)).findFirst()
                .orElseThrow(() -> new IncidentRuleViolation("NO_SUCH_RESPONDER", "Member " + memberId + " is not proposed here."));
    }

    public void responderConfirmed(String memberId, String actor, Instant now) {
        moveResponder(memberId, ResponderState.CONFIRMED, actor, now, Responder::confirmed, r -> memberId);
    }

    /** The member set off for the place (confirming on the way when they had not yet). */
    public void responderOnTheWay(String memberId, String actor, Instant now) {
        moveResponder(memberId, ResponderState.ON_THE_WAY, actor, now, Responder::onTheWay, r -> memberId);
    }

    public void responderArrived(String memberId, String actor, Instant now) {
        moveResponder(memberId, ResponderState.ARRIVED, actor, now, Responder::arrived,
                r -> memberId + " after " + Duration.between(r.proposedAt(), now).toSeconds() + " s");
    }

    /**
     * Moves a proposed member forward to {@code to} (steps may be skipped) and logs it as
     * {@code RESPONDER_<to>}; a member already there or beyond is refused ({@code RESPONDER_ALREADY_<to>}).
     */
    private void moveResponder(String memberId, ResponderState to, String actor, Instant now, BiFunction<Responder, Instant, Responder> move,
                               Function<Responder, String> logText) {
        requireOpen();
        Responder r = responder(memberId);
        if (r.state().compareTo(to) >= 0) {
            throw new IncidentRuleViolation("RESPONDER_ALREADY_" + to.name(), "Member " + memberId
                    + (r.state() == ResponderState.ARRIVED && to == ResponderState.ARRIVED ? " has arrived already." : " is " + r.state() + "."));
        }
        responders.set(responders.indexOf(r), move.apply(r, now));
        append(now, actor, "RESPONDER_" + to.name(), null, logText.apply(r));
    }

    /** Closes once every task is done and every checklist item is ticked ({@code ticked}: item codes). */
    public void close(Set<String> ticked, String summaryText, String actor, Instant now) {
        requireOpen();
        List<String> openSteps = tasks.stream().filter(t -> t.state() != TaskState.DONE).map(IncidentTask::step).toList();
        if (!openSteps.isEmpty()) {
            throw new IncidentRuleViolation("TASKS_OPEN", "Steps still open: " + String.join(", ", openSteps) + ".");
        }
        Set<String> all = plan.checklist().stream().map(ChecklistItem::code).collect(Collectors.toCollection(HashSet::new));
        Set<String> unknown = new HashSet<>(ticked);
        unknown.removeAll(all);
        if (!unknown.isEmpty()) {
            throw new IncidentRuleViolation("UNKNOWN_CHECKLIST_ITEM", "The plan's checklist has no " + String.join(", ", unknown) + ".");
        }
        all.removeAll(ticked);
        if (!all.isEmpty()) {
            throw new IncidentRuleViolation("CHECKLIST_INCOMPLETE", "Checklist items not done: " + String.join(", ", all.stream().sorted().toList()) + ".");
        }
        if (summaryText == null || summaryText.isBlank()) {
            throw new IncidentRuleViolation("SUMMARY_REQUIRED", "Closing needs a summary.");
        }
        checklistDone = plan.checklist().stream().map(ChecklistItem::code).toList();
        checklistDone.forEach(item -> append(now, actor, "CHECKLIST_DONE", null, item));
        state = State.CLOSED;
        closedAt = now;
        summary = summaryText;
        append(now, actor, "CLOSED", null, summaryText);
    }

    private void startReadySteps(Deadlines deadlines, Instant now, String actor) {
        Map<String, IncidentTask> byStep = tasks.stream().collect(Collectors.toMap(IncidentTask::step, Function.identity()));
        for (PlanStep step : plan.steps()) {
            IncidentTask task = byStep.get(step.code());
            boolean ready = task.state() == TaskState.WAITING
                    && step.after().stream().allMatch(before -> byStep.get(before).state() == TaskState.DONE);
            if (!ready) {
                continue;
            }
            IncidentTask started = task.started(now, deadlines.deadline(now, step.deadline()));
            append(now, actor, "TASK_STARTED", step.code(), started.assignee() + " due " + started.deadline());
            if (step.escalateAtStart()) {
                started = started.escalated(escalationUnit());
                append(now, actor, "ESCALATED", step.code(), "plan sends this step up to " + escalationUnit());
            }
            replace(started);
            clocksStarted.add(started);
        }
    }

    private String escalationUnit() {
        return plan.escalationTarget().equals("CITY") ? "500000" : districtCode;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IncidentRuleViolation("INCIDENT_CLOSED", "The incident is closed.");
        }
    }

    public IncidentTask task(String taskId) {
        return tasks.stream().filter(t -> t.id().equals(taskId)).findFirst()
                .orElseThrow(() -> new IncidentRuleViolation("NO_SUCH_TASK", "The incident has no task " + taskId + "."));
    }

    private IncidentTask taskOfStep(String stepCode) {
        return tasks.stream().filter(t -> t.step().equals(stepCode)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no step " + stepCode));
    }

    private void replace(IncidentTask changed) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).id().equals(changed.id())) {
                tasks.set(i, changed);
                return;
            }
        }
    }

    private void append(Instant at, String actor, String kind, String step, String text) {
        log.add(new LogEntry(log.size() + 1, at, actor, kind, step, text));
    }

    /** Tasks opened and not yet accepted by their post (the big screen flashes the incident while there are any). */
    public int unconfirmedTasks() {
        return (int) tasks.stream().filter(t -> t.state() == TaskState.OPEN).count();
    }

    /** The kind of the latest log entry: what the last change did. */
    public String lastAction() {
        return log.isEmpty() ? "STARTED" : log.get(log.size() - 1).kind();
    }

    /** Tasks whose clocks this unit of work started (for their deadline timers). */
    public List<IncidentTask> clocksStarted() {
        return List.copyOf(clocksStarted);
    }

    public Snapshot snapshot() {
        return new Snapshot(id, caseId, territoryCode, districtCode, plan, state, openedAt, closedAt, summary,
                List.copyOf(checklistDone), List.copyOf(tasks), List.copyOf(responders), List.copyOf(log), version, lon, lat);
    }

    public String id() {
        return id;
    }

    public String territoryCode() {
        return territoryCode;
    }

    public State state() {
        return state;
    }

    public List<IncidentTask> tasks() {
        return List.copyOf(tasks);
    }

    public List<LogEntry> log() {
        return List.copyOf(log);
    }

    public List<Responder> responders() {
        return List.copyOf(responders);
    }

    public ResponsePlan plan() {
        return plan;
    }
}
