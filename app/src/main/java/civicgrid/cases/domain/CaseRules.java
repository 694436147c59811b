package civicgrid.cases.domain;

import static civicgrid.cases.CaseState.CHECKED;
import static civicgrid.cases.CaseState.CLOSED;
import static civicgrid.cases.CaseState.DISPATCHED;
import static civicgrid.cases.CaseState.HANDLED;
import static civicgrid.cases.CaseState.HUNG;
import static civicgrid.cases.CaseState.IN_PROGRESS;
import static civicgrid.cases.CaseState.REGISTERED;
import static civicgrid.cases.CaseState.REPORTED;
import static civicgrid.cases.CaseState.VERIFIED;
import static civicgrid.identity.Role.CITIZEN;
import static civicgrid.identity.Role.CITY_OPERATOR;
import static civicgrid.identity.Role.COMMUNITY_STAFF;
import static civicgrid.identity.Role.DEPARTMENT_HANDLER;
import static civicgrid.identity.Role.DISTRICT_OPERATOR;
import static civicgrid.identity.Role.GRID_WORKER;
import static civicgrid.identity.Role.STREET_OPERATOR;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseState;
import civicgrid.cases.HandlingLevel;
import civicgrid.identity.Role;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what, in which state (after GB/T 30428's roles: collectors and grid workers verify and
 * check on site, the command centers register, dispatch, close and manage side paths, handlers
 * accept, return, report back and ask for more time, higher centers supervise).
 */
public final class CaseRules {

    /** One action's rule. */
    public record Rule(Set<CaseState> from, Set<Role> roles, boolean reasonRequired, boolean assigneeOnly) {
    }

    private static final Set<Role> OPERATORS = EnumSet.of(STREET_OPERATOR, DISTRICT_OPERATOR, CITY_OPERATOR);
    private static final Set<Role> ON_SITE = EnumSet.of(GRID_WORKER, COMMUNITY_STAFF, STREET_OPERATOR);
    private static final Set<Role> ASSIGNEES = EnumSet.of(DEPARTMENT_HANDLER, STREET_OPERATOR, GRID_WORKER, COMMUNITY_STAFF);
    private static final Set<CaseState> OPEN_ACTIVE = EnumSet.of(REPORTED, VERIFIED, REGISTERED, DISPATCHED, IN_PROGRESS, HANDLED,
            CHECKED, HUNG);

    static final Map<CaseAction, Rule> RULES = new EnumMap<>(CaseAction.class);

    static {
        rule(CaseAction.VERIFY, EnumSet.of(REPORTED), ON_SITE, false, false);
        rule(CaseAction.INVALIDATE, EnumSet.of(REPORTED, VERIFIED), union(ON_SITE, OPERATORS), true, false);
        rule(CaseAction.REGISTER, EnumSet.of(VERIFIED), OPERATORS, false, false);
        rule(CaseAction.MERGE, EnumSet.of(REPORTED, VERIFIED), OPERATORS, true, false);
        rule(CaseAction.DISPATCH, EnumSet.of(REGISTERED), OPERATORS, false, false);
        rule(CaseAction.ACCEPT, EnumSet.of(DISPATCHED), ASSIGNEES, false, true);
        rule(CaseAction.RETURN, EnumSet.of(DISPATCHED, IN_PROGRESS), ASSIGNEES, true, true);
        rule(CaseAction.REPORT_BACK, EnumSet.of(IN_PROGRESS), ASSIGNEES, true, true);
        rule(CaseAction.CHECK_PASS, EnumSet.of(HANDLED), union(ON_SITE, OPERATORS), false, false);
        rule(CaseAction.CHECK_FAIL, EnumSet.of(HANDLED), union(ON_SITE, OPERATORS), true, false);
        rule(CaseAction.CLOSE, EnumSet.of(CHECKED), OPERATORS, false, false);
        rule(CaseAction.EVALUATE, EnumSet.of(CLOSED), union(EnumSet.of(CITIZEN), OPERATORS), false, false);
        rule(CaseAction.REQUEST_POSTPONE, EnumSet.of(DISPATCHED, IN_PROGRESS), ASSIGNEES, true, true);
        rule(CaseAction.APPROVE_POSTPONE, EnumSet.of(DISPATCHED, IN_PROGRESS), OPERATORS, false, false);
        rule(CaseAction.REJECT_POSTPONE, EnumSet.of(DISPATCHED, IN_PROGRESS), OPERATORS, true, false);
        rule(CaseAction.HANG, EnumSet.of(REGISTERED, DISPATCHED, IN_PROGRESS), OPERATORS, true, false);
        rule(CaseAction.UNHANG, EnumSet.of(HUNG), OPERATORS, true, false);
        rule(CaseAction.SUPERVISE, OPEN_ACTIVE, EnumSet.of(DISTRICT_OPERATOR, CITY_OPERATOR), true, false);
        rule(CaseAction.ESCALATE, EnumSet.of(REPORTED, VERIFIED, REGISTERED, DISPATCHED, IN_PROGRESS),
                EnumSet.of(GRID_WORKER, COMMUNITY_STAFF, STREET_OPERATOR, DISTRICT_OPERATOR), true, false);
        rule(CaseAction.WHISTLE, EnumSet.of(VERIFIED, REGISTERED, DISPATCHED, IN_PROGRESS), EnumSet.of(GRID_WORKER, STREET_OPERATOR),
                true, false);
        rule(CaseAction.REPORT_IN, OPEN_ACTIVE, EnumSet.of(DEPARTMENT_HANDLER, STREET_OPERATOR), false, false);
    }

    private CaseRules() {
    }

    private static void rule(CaseAction action, Set<CaseState> from, Set<Role> roles, boolean reason, boolean assigneeOnly) {
        RULES.put(action, new Rule(from, roles, reason, assigneeOnly));
    }

    private static Set<Role> union(Set<Role> a, Set<Role> b) {
        Set<Role> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }

    public static Rule rule(CaseAction action) {
        return RULES.get(action);
    }

    /** The command-center level a role works at; operators act on cases at their level or below. */
    static HandlingLevel levelOf(Role role) {
        return switch (role) {
            case CITY_OPERATOR, ADMINISTRATOR, LEADER -> HandlingLevel.CITY;
            case DISTRICT_OPERATOR, DEPARTMENT_HANDLER -> HandlingLevel.DISTRICT;
            case STREET_OPERATOR -> HandlingLevel.STREET;
            default -> HandlingLevel.COMMUNITY;
        };
    }

    /**
     * The level an actor acts at for an action. Invalidating is the verdict of a verification, which
     * grid workers and community staff give on the street center's behalf: they act at the street's
     * level there, so they may invalidate a report the street owns, not one escalated above it.
     */
    static HandlingLevel levelActingFor(CaseAction action, Role role) {
        HandlingLevel own = levelOf(role);
        if (action == CaseAction.INVALIDATE && own.ordinal() < HandlingLevel.STREET.ordinal()) {
            return HandlingLevel.STREET;
        }
        return own;
    }

    /** The actions of the command centers that follow the case's owner when it is escalated. */
    static boolean ownedByLevel(CaseAction action) {
        return switch (action) {
            case REGISTER, DISPATCH, CLOSE, HANG, UNHANG, APPROVE_POSTPONE, REJECT_POSTPONE, MERGE, INVALIDATE -> true;
            default -> false;
        };
    }
}
