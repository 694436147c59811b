package civicgrid.cases.domain;

import static civicgrid.cases.domain.CaseRuleViolation.Kind.CONFLICT;
import static civicgrid.cases.domain.CaseRuleViolation.Kind.FORBIDDEN;
import static civicgrid.cases.domain.CaseRuleViolation.Kind.INVALID;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseId;
import civicgrid.cases.CaseState;
import civicgrid.cases.Channel;
import civicgrid.cases.HandlingLevel;
import civicgrid.catalog.Category;
import civicgrid.catalog.Deadlines;
import civicgrid.catalog.StageLimits;
import civicgrid.catalog.TimeLimit;
import civicgrid.identity.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A case (案卷) and the rules of its loop. Every action is checked here — role, state, territory,
 * assignee, command-center level, reason — and either refused with a {@link CaseRuleViolation} or
 * applied, moving the state, restarting the stage clock and recording a {@link CaseEvent}. The
 * figures evaluation needs (on time or not, returns, reworks, overdue) are kept as the case moves.
 * No Spring, no database: the service loads, calls and stores.
 */
public final class CaseFile {

    /** Figures evaluation (GB/T 30428.4) reads per case. */
    public record Figures(Boolean verifiedOnTime, Boolean registeredOnTime, Boolean dispatchedOnTime, Boolean handledOnTime,
                          boolean everOverdue, int returns, int reworks, int supervisions, int escalations, int postponements,
                          Integer rating) {
        static Figures empty() {
            return new Figures(null, null, null, null, false, 0, 0, 0, 0, 0, null);
        }

        Figures withSteps(Boolean verified, Boolean registered, Boolean dispatched, Boolean handled) {
            return new Figures(verified, registered, dispatched, handled, everOverdue, returns, reworks, supervisions, escalations,
                    postponements, rating);
        }

        Figures counting(int moreReturns, int moreReworks, int moreSupervisions, int moreEscalations, int morePostponements) {
            return new Figures(verifiedOnTime, registeredOnTime, dispatchedOnTime, handledOnTime, everOverdue, returns + moreReturns,
                    reworks + moreReworks, supervisions + moreSupervisions, escalations + moreEscalations,
                    postponements + morePostponements, rating);
        }

        Figures overdue() {
            return new Figures(verifiedOnTime, registeredOnTime, dispatchedOnTime, handledOnTime, true, returns, reworks,
                    supervisions, escalations, postponements, rating);
        }

        Figures rated(int stars) {
            return new Figures(verifiedOnTime, registeredOnTime, dispatchedOnTime, handledOnTime, everOverdue, returns, reworks,
                    supervisions, escalations, postponements, stars);
        }
    }

    private final CaseId id;
    private final String number;
    private long version;
    private final Channel channel;
    private final String categoryCode;
    private final int categoryVersion;
    private final String description;
    private final boolean urgent;
    private final CaseLocation location;
    private final String reporter;
    private final Instant reportedAt;
    private CaseState state;
    private CaseState stateBeforeHang;
    private HandlingLevel level;
    private Assignment assignment;
    private StageClock clock;
    private TimeLimit pendingPostponement;
    private CaseId mergedInto;
    private Map<String, Boolean> whistle;
    private Figures figures;
    private Instant closedAt;
    private final List<CaseEvent> newEvents = new ArrayList<>();

    @SuppressWarnings("checkstyle:ParameterNumber")
    public CaseFile(CaseId id, String number, long version, Channel channel, String categoryCode, int categoryVersion,
                    String description, boolean urgent, CaseLocation location, String reporter, Instant reportedAt, CaseState state,
                    CaseState stateBeforeHang, HandlingLevel level, Assignment assignment, StageClock clock,
                    TimeLimit pendingPostponement, CaseId mergedInto, Map<String, Boolean> whistle, Figures figures,
                    Instant closedAt) {
        this.id = id;
        this.number = number;
        this.version = version;
        this.channel = channel;
        this.categoryCode = categoryCode;
        this.categoryVersion = categoryVersion;
        this.description = description;
        this.urgent = urgent;
        this.location = location;
        this.reporter = reporter;
        this.reportedAt = reportedAt;
        this.state = state;
        this.stateBeforeHang = stateBeforeHang;
        this.level = level;
        this.assignment = assignment;
        this.clock = clock;
        this.pendingPostponement = pendingPostponement;
        this.mergedInto = mergedInto;
        this.whistle = new LinkedHashMap<>(whistle);
        this.figures = figures;
        this.closedAt = closedAt;
    }

    /** Everything the loop's arithmetic needs besides the case itself. */
    public record Context(Deadlines deadlines, StageLimits limits, Category category) {
    }

    /**
     * A new report. A grid worker's report from their own grid is verified by the reporting itself
     * (they are on site) and is handled at the community level first; a report from a channel whose
     * operators verified it already ({@code verifiedAtIntake}: 12345 hotline work orders) starts
     * verified at the street; other channels wait for verification at the street's command center.
     */
    public static CaseFile report(CaseId id, String number, Channel channel, Category category, String description, boolean urgent,
                                  CaseLocation location, Actor reporter, Instant now, Context context, boolean verifiedAtIntake) {
        boolean onSite = reporter.role() == Role.GRID_WORKER && reporter.scope().includes(location.gridCode());
        boolean verified = onSite || verifiedAtIntake;
        HandlingLevel level = onSite ? HandlingLevel.COMMUNITY : HandlingLevel.STREET;
        CaseFile file = new CaseFile(id, number, 0, channel, category.code(), category.version(), description, urgent, location,
                reporter.isSystem() ? null : reporter.username(), now, verified ? CaseState.VERIFIED : CaseState.REPORTED, null, level,
                null, null, null, null, Map.of(), Figures.empty(), null);
        if (verified) {
            file.figures = file.figuresWith(true, null, null, null);
            file.startStage(context.limits().register(), now, context);
        } else {
            file.startStage(context.limits().verify(urgent), now, context);
        }
        file.record(CaseAction.REPORT, null, file.state, reporter, "reported via " + channel, now,
                Map.of("category", category.code(), "urgent", urgent, "grid", location.gridCode()));
        return file;
    }

    /** Applies one action or refuses it. Returns the state afterwards. */
    public CaseState apply(CaseCommand command, Actor actor, Instant now, Context context) {
        CaseAction action = command.action();
        check(command, actor);
        CaseState from = state;
        Map<String, Object> details = new LinkedHashMap<>();
        Deadlines deadlines = context.deadlines();
        StageLimits limits = context.limits();
        switch (action) {
            case VERIFY -> {
                figures = figuresWith(onTime(now), null, null, null);
                moveTo(CaseState.VERIFIED);
                startStage(limits.register(), now, context);
            }
            case INVALIDATE -> {
                if (from == CaseState.REPORTED) {
                    figures = figuresWith(onTime(now), null, null, null);
                }
                moveTo(CaseState.INVALID);
                stopClock();
                closedAt = now;
            }
            case REGISTER -> {
                figures = figuresWith(null, onTime(now), null, null);
                moveTo(CaseState.REGISTERED);
                startStage(limits.dispatch(urgent), now, context);
            }
            case MERGE -> {
                if (command.mergeInto() == null || command.mergeInto().equals(id)) {
                    throw new CaseRuleViolation(INVALID, "MERGE_TARGET_REQUIRED", "Name another case to merge this one into.");
                }
                mergedInto = command.mergeInto();
                details.put("mergedInto", mergedInto.toString());
                moveTo(CaseState.MERGED);
                stopClock();
                closedAt = now;
            }
            case DISPATCH -> {
                if (command.target() == null) {
                    throw new CaseRuleViolation(INVALID, "DISPATCH_TARGET_REQUIRED", "Name the department to dispatch to.");
                }
                requireTargetInTerritory(command.target());
                figures = figuresWith(null, null, onTime(now), null);
                assignment = command.target();
                details.put("to", assignment.departmentInstance());
                moveTo(CaseState.DISPATCHED);
                startStage(context.category().disposalLimit(urgent), now, context);
            }
            case ACCEPT -> moveTo(CaseState.IN_PROGRESS);
            case RETURN -> {
                details.put("from", assignment.departmentInstance());
                figures = figures.counting(1, 0, 0, 0, 0);
                assignment = null;
                pendingPostponement = null;
                moveTo(CaseState.REGISTERED);
                startStage(limits.dispatch(urgent), now, context);
            }
            case REPORT_BACK -> {
                figures = figuresWith(null, null, null, onTime(now));
                moveTo(CaseState.HANDLED);
                startStage(limits.check(), now, context);
            }
            case CHECK_PASS -> {
                moveTo(CaseState.CHECKED);
                startStage(limits.close(), now, context);
            }
            case CHECK_FAIL -> {
                figures = figures.withSteps(figures.verifiedOnTime(), figures.registeredOnTime(), figures.dispatchedOnTime(), null)
                        .counting(0, 1, 0, 0, 0);
                moveTo(CaseState.IN_PROGRESS);
                startStage(context.category().disposalLimit(urgent), now, context);
            }
            case CLOSE -> {
                moveTo(CaseState.CLOSED);
                stopClock();
                closedAt = now;
            }
            case EVALUATE -> {
                Integer rating = command.rating();
                if (rating == null || rating < 1 || rating > 5) {
                    throw new CaseRuleViolation(INVALID, "RATING_REQUIRED", "Rate the outcome from 1 (poor) to 5 (very satisfied).");
                }
                details.put("rating", rating);
                figures = figures.rated(rating);
                moveTo(CaseState.EVALUATED);
            }
            case REQUEST_POSTPONE -> {
                if (command.extension() == null || command.extension().amount().signum() <= 0
                        || command.extension().clock() != clock.limit().clock()) {
                    throw new CaseRuleViolation(INVALID, "EXTENSION_REQUIRED",
                            "Ask for a positive extension on the stage's clock (" + clock.limit().clock() + ").");
                }
                pendingPostponement = command.extension();
                details.put("extension", command.extension().toString());
            }
            case APPROVE_POSTPONE, REJECT_POSTPONE -> {
                details.put("extension", pendingPostponement.toString());
                if (action == CaseAction.APPROVE_POSTPONE) {
                    clock = clock.extend(pendingPostponement, now, deadlines, context.limits().warningFraction());
                    figures = figures.counting(0, 0, 0, 0, 1);
                }
                pendingPostponement = null;
            }
            case HANG -> {
                stateBeforeHang = state;
                clock = clock.hang(now, deadlines);
                moveTo(CaseState.HUNG);
            }
            case UNHANG -> {
                moveTo(stateBeforeHang);
                stateBeforeHang = null;
                clock = clock.resume(now, deadlines, context.limits().warningFraction());
            }
            case SUPERVISE -> figures = figures.counting(0, 0, 1, 0, 0);
            case ESCALATE -> {
                if (level == HandlingLevel.CITY) {
                    throw new CaseRuleViolation(CONFLICT, "ALREADY_AT_CITY", "The city center already owns this case.");
                }
                details.put("fromLevel", level.name());
                level = level.up();
                details.put("toLevel", level.name());
                figures = figures.counting(0, 0, 0, 1, 0);
            }
            case WHISTLE -> {
                if (command.departments() == null || command.departments().isEmpty()) {
                    throw new CaseRuleViolation(INVALID, "DEPARTMENTS_REQUIRED", "Name the departments that must report in.");
                }
                for (Assignment department : command.departments()) {
                    requireTargetInTerritory(department);
                    whistle.putIfAbsent(department.departmentInstance(), false);
                }
                details.put("summoned", String.join(",", command.departments().stream().map(Assignment::departmentInstance).toList()));
            }
            case REPORT_IN -> {
                String instance = summonedInstanceOf(actor);
                whistle.put(instance, true);
                details.put("department", instance);
            }
            case REPORT, WARN, OVERDUE, REPORT_JOINED ->
                    throw new CaseRuleViolation(FORBIDDEN, "NOT_AN_ACTION", action + " is not done by hand.");
        }
        record(action, from, state, actor, command.reason(), now, details);
        return state;
    }

    /**
     * A timer of the stage numbered {@code stageSeq} fired. Stale timers (the case moved on, was
     * hung, or the light is already on) change nothing and return false: firing twice is harmless.
     * An overdue disposal is supervised automatically, and an urgent one escalated a level.
     */
    public boolean onTimer(CaseAction light, int stageSeq, Instant now) {
        if (clock == null || clock.seq() != stageSeq || !state.open() || state == CaseState.HUNG) {
            return false;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("stage", state.name());
        details.put("deadline", String.valueOf(clock.deadline()));
        if (light == CaseAction.WARN) {
            if (clock.warned()) {
                return false;
            }
            clock = clock.warn();
        } else if (light == CaseAction.OVERDUE) {
            if (clock.overdue()) {
                return false;
            }
            boolean disposal = state == CaseState.DISPATCHED || state == CaseState.IN_PROGRESS;
            int escalated = 0;
            // once per stage: a postponed deadline running out again is supervised again, not pushed up again
            if (disposal && urgent && level != HandlingLevel.CITY && !clock.escalated()) {
                details.put("escalatedTo", level.up().name());
                level = level.up();
                escalated = 1;
            }
            clock = clock.overdue(escalated == 1);
            details.put("supervised", disposal);
            figures = figures.overdue().counting(0, 0, disposal ? 1 : 0, escalated, 0);
        } else {
            throw new IllegalArgumentException("not a timer: " + light);
        }
        record(light, state, state, Actor.SYSTEM, null, now, details);
        return true;
    }

    /**
     * Another report of the same problem joined this open case: recorded in its history (the state
     * does not change); the service links the reporter.
     */
    public void joinedBy(Actor reporter, Channel via, String why, Instant now) {
        if (!state.open()) {
            throw new CaseRuleViolation(CONFLICT, "CASE_NOT_OPEN", "Case " + number + " is " + state + "; a report cannot join it.");
        }
        record(CaseAction.REPORT_JOINED, state, state, reporter, why, now, Map.of("channel", via.name()));
    }

    /** Who may do this now? The same checks as {@link #apply}, without applying. */
    public boolean allows(CaseAction action, Actor actor) {
        try {
            check(CaseCommand.of(action, "probe"), actor);
            return true;
        } catch (CaseRuleViolation refused) {
            return false;
        }
    }

    private void check(CaseCommand command, Actor actor) {
        CaseAction action = command.action();
        CaseRules.Rule rule = CaseRules.rule(action);
        if (rule == null) {
            throw new CaseRuleViolation(FORBIDDEN, "NOT_AN_ACTION", action + " is not done by hand.");
        }
        if (!actor.isSystem() && (actor.role() == null || !rule.roles().contains(actor.role()))) {
            throw new CaseRuleViolation(FORBIDDEN, "ROLE_NOT_ALLOWED",
                    "A " + (actor.role() == null ? "user without role" : actor.role().name()) + " may not " + action + " a case.");
        }
        if (!rule.from().contains(state)) {
            throw new CaseRuleViolation(CONFLICT, "INVALID_TRANSITION", "Cannot " + action + " a case that is " + state + ".");
        }
        if ((action == CaseAction.APPROVE_POSTPONE || action == CaseAction.REJECT_POSTPONE) && pendingPostponement == null) {
            throw new CaseRuleViolation(CONFLICT, "NO_POSTPONEMENT_PENDING", "No postponement is waiting for approval.");
        }
        if (action == CaseAction.REQUEST_POSTPONE && pendingPostponement != null) {
            throw new CaseRuleViolation(CONFLICT, "POSTPONEMENT_PENDING", "A postponement is already waiting for approval.");
        }
        if (rule.reasonRequired() && (command.reason() == null || command.reason().isBlank())) {
            throw new CaseRuleViolation(INVALID, "REASON_REQUIRED", action + " needs a reason.");
        }
        if (actor.isSystem()) {
            return;
        }
        if ((action == CaseAction.CHECK_PASS || action == CaseAction.CHECK_FAIL) && isAssignee(actor)) {
            // handling and checking are kept apart: the department that did the work does not pass its own work
            throw new CaseRuleViolation(FORBIDDEN, "OWN_WORK", "Someone other than " + assignment.departmentInstance()
                    + ", which did the work, checks it.");
        }
        if (rule.assigneeOnly()) {
            if (!isAssignee(actor)) {
                throw new CaseRuleViolation(FORBIDDEN, "NOT_ASSIGNEE", "This case is assigned to "
                        + (assignment == null ? "nobody" : assignment.departmentInstance()) + ", not to you.");
            }
            return;
        }
        if (action == CaseAction.REPORT_IN) {
            summonedInstanceOf(actor);
            return;
        }
        if (action == CaseAction.EVALUATE && actor.role() == Role.CITIZEN) {
            if (!actor.username().equals(reporter)) {
                throw new CaseRuleViolation(FORBIDDEN, "NOT_REPORTER", "Only the resident who reported it rates a case.");
            }
            return;
        }
        if (!actor.scope().includes(location.gridCode())) {
            throw new CaseRuleViolation(FORBIDDEN, "OUT_OF_SCOPE", "This case lies outside your territory.");
        }
        if (CaseRules.ownedByLevel(action) && CaseRules.levelActingFor(action, actor.role()).ordinal() < level.ordinal()) {
            throw new CaseRuleViolation(FORBIDDEN, "ESCALATED_ABOVE_YOU",
                    "The case was escalated to the " + level + " center; it acts on it now.");
        }
        if (action == CaseAction.ESCALATE && CaseRules.levelOf(actor.role()).ordinal() < level.ordinal()) {
            throw new CaseRuleViolation(FORBIDDEN, "ESCALATED_ABOVE_YOU", "The case is already with the " + level + " center.");
        }
    }

    private boolean isAssignee(Actor actor) {
        return assignment != null && matches(assignment, actor);
    }

    /** Whether the actor works for a department instance, inside this case's territory. */
    private boolean matches(Assignment department, Actor actor) {
        return switch (department.departmentLevel()) {
            case "STREET" -> actor.role() == Role.STREET_OPERATOR && actor.scope().includes(location.streetCode())
                    && department.unit().equals(location.streetCode());
            case "COMMUNITY" -> (actor.role() == Role.GRID_WORKER || actor.role() == Role.COMMUNITY_STAFF)
                    && actor.scope().includes(location.gridCode());
            default -> actor.role() == Role.DEPARTMENT_HANDLER && department.departmentCode().equals(actor.departmentCode())
                    && actor.scope().includes(location.districtCode());
        };
    }

    private String summonedInstanceOf(Actor actor) {
        for (Map.Entry<String, Boolean> summoned : whistle.entrySet()) {
            String instance = summoned.getKey();
            if (!summoned.getValue() && matches(DepartmentInstance.parse(instance).assignment(), actor)) {
                return instance;
            }
        }
        throw new CaseRuleViolation(FORBIDDEN, "NOT_SUMMONED", "Your department was not summoned to this case, or already reported in.");
    }

    private void requireTargetInTerritory(Assignment target) {
        String unit = target.unit();
        boolean fits = switch (target.departmentLevel()) {
            case "CITY" -> unit.equals("CITY");
            case "STREET" -> unit.equals(location.streetCode());
            case "COMMUNITY" -> unit.equals(location.communityCode());
            default -> unit.equals(location.districtCode());
        };
        if (!fits) {
            throw new CaseRuleViolation(INVALID, "TARGET_NOT_RESPONSIBLE_HERE",
                    target.departmentInstance() + " is not responsible where this case is.");
        }
    }

    private Boolean onTime(Instant now) {
        return clock == null || clock.onTime(now);
    }

    /** The figures with the given steps' on-time flags set (null: unchanged). */
    private Figures figuresWith(Boolean verified, Boolean registered, Boolean dispatched, Boolean handled) {
        return figures.withSteps(verified != null ? verified : figures.verifiedOnTime(),
                registered != null ? registered : figures.registeredOnTime(),
                dispatched != null ? dispatched : figures.dispatchedOnTime(),
                handled != null ? handled : figures.handledOnTime());
    }

    private void moveTo(CaseState next) {
        state = next;
    }

    private void startStage(TimeLimit limit, Instant now, Context context) {
        clock = StageClock.start(clock, limit, now, context.deadlines(), context.limits().warningFraction());
    }

    private void stopClock() {
        if (clock != null) {
            clock = clock.stop();
        }
    }

    private void record(CaseAction action, CaseState from, CaseState to, Actor actor, String reason, Instant at,
                        Map<String, Object> details) {
        newEvents.add(new CaseEvent(action, from, to, actor.username(), actor.role() == null ? null : actor.role().name(), reason, at,
                Map.copyOf(details)));
    }

    /** Events recorded since the last call; the service stores and publishes them. */
    public List<CaseEvent> drainEvents() {
        List<CaseEvent> out = List.copyOf(newEvents);
        newEvents.clear();
        return out;
    }

    public CaseId id() {
        return id;
    }

    public String number() {
        return number;
    }

    public long version() {
        return version;
    }

    public void stored(long newVersion) {
        this.version = newVersion;
    }

    public Channel channel() {
        return channel;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public int categoryVersion() {
        return categoryVersion;
    }

    public String description() {
        return description;
    }

    public boolean urgent() {
        return urgent;
    }

    public CaseLocation location() {
        return location;
    }

    public String reporter() {
        return reporter;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public CaseState state() {
        return state;
    }

    public CaseState stateBeforeHang() {
        return stateBeforeHang;
    }

    public HandlingLevel level() {
        return level;
    }

    public Assignment assignment() {
        return assignment;
    }

    public StageClock clock() {
        return clock;
    }

    public TimeLimit pendingPostponement() {
        return pendingPostponement;
    }

    public CaseId mergedInto() {
        return mergedInto;
    }

    public Map<String, Boolean> whistle() {
        return Map.copyOf(whistle);
    }

    public Figures figures() {
        return figures;
    }

    public Instant closedAt() {
        return closedAt;
    }
}
