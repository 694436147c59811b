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
import static civicgrid.cases.domain.CaseFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseId;
import civicgrid.cases.CaseState;
import civicgrid.catalog.ClockType;
import civicgrid.catalog.TimeLimit;
import civicgrid.identity.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every action × every state × every role: refused with ROLE_NOT_ALLOWED or INVALID_TRANSITION
 * exactly where the standard's division of work says so (written out here by hand, independently
 * of CaseRules), and never refused for those reasons where it is allowed.
 */
class CaseRulesMatrixTest {

    private static final Set<Role> OPS = EnumSet.of(Role.STREET_OPERATOR, Role.DISTRICT_OPERATOR, Role.CITY_OPERATOR);
    private static final Set<Role> SITE = EnumSet.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_OPERATOR);
    private static final Set<Role> SITE_OR_OPS = EnumSet.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_OPERATOR,
            Role.DISTRICT_OPERATOR, Role.CITY_OPERATOR);
    private static final Set<Role> HANDLERS = EnumSet.of(Role.DEPARTMENT_HANDLER, Role.STREET_OPERATOR, Role.GRID_WORKER,
            Role.COMMUNITY_STAFF);
    private static final Set<CaseState> OPEN = EnumSet.of(REPORTED, VERIFIED, REGISTERED, DISPATCHED, IN_PROGRESS, HANDLED,
            CHECKED, HUNG);

    record Expect(Set<Role> roles, Set<CaseState> states) {
    }

    static final Map<CaseAction, Expect> EXPECTED = Map.ofEntries(
            Map.entry(CaseAction.VERIFY, new Expect(SITE, EnumSet.of(REPORTED))),
            Map.entry(CaseAction.INVALIDATE, new Expect(SITE_OR_OPS, EnumSet.of(REPORTED, VERIFIED))),
            Map.entry(CaseAction.REGISTER, new Expect(OPS, EnumSet.of(VERIFIED))),
            Map.entry(CaseAction.MERGE, new Expect(OPS, EnumSet.of(REPORTED, VERIFIED))),
            Map.entry(CaseAction.DISPATCH, new Expect(OPS, EnumSet.of(REGISTERED))),
            Map.entry(CaseAction.ACCEPT, new Expect(HANDLERS, EnumSet.of(DISPATCHED))),
            Map.entry(CaseAction.RETURN, new Expect(HANDLERS, EnumSet.of(DISPATCHED, IN_PROGRESS))),
            Map.entry(CaseAction.REPORT_BACK, new Expect(HANDLERS, EnumSet.of(IN_PROGRESS))),
            Map.entry(CaseAction.CHECK_PASS, new Expect(SITE_OR_OPS, EnumSet.of(HANDLED))),
            Map.entry(CaseAction.CHECK_FAIL, new Expect(SITE_OR_OPS, EnumSet.of(HANDLED))),
            Map.entry(CaseAction.CLOSE, new Expect(OPS, EnumSet.of(CHECKED))),
            Map.entry(CaseAction.EVALUATE, new Expect(EnumSet.of(Role.CITIZEN, Role.STREET_OPERATOR, Role.DISTRICT_OPERATOR,
                    Role.CITY_OPERATOR), EnumSet.of(CLOSED))),
            Map.entry(CaseAction.REQUEST_POSTPONE, new Expect(HANDLERS, EnumSet.of(DISPATCHED, IN_PROGRESS))),
            Map.entry(CaseAction.APPROVE_POSTPONE, new Expect(OPS, EnumSet.of(DISPATCHED, IN_PROGRESS))),
            Map.entry(CaseAction.REJECT_POSTPONE, new Expect(OPS, EnumSet.of(DISPATCHED, IN_PROGRESS))),
            Map.entry(CaseAction.HANG, new Expect(OPS, EnumSet.of(REGISTERED, DISPATCHED, IN_PROGRESS))),
            Map.entry(CaseAction.UNHANG, new Expect(OPS, EnumSet.of(HUNG))),
            Map.entry(CaseAction.SUPERVISE, new Expect(EnumSet.of(Role.DISTRICT_OPERATOR, Role.CITY_OPERATOR), OPEN)),
            Map.entry(CaseAction.ESCALATE, new Expect(EnumSet.of(Role.GRID_WORKER, Role.COMMUNITY_STAFF, Role.STREET_OPERATOR,
                    Role.DISTRICT_OPERATOR), EnumSet.of(REPORTED, VERIFIED, REGISTERED, DISPATCHED, IN_PROGRESS))),
            Map.entry(CaseAction.WHISTLE, new Expect(EnumSet.of(Role.GRID_WORKER, Role.STREET_OPERATOR),
                    EnumSet.of(VERIFIED, REGISTERED, DISPATCHED, IN_PROGRESS))),
            Map.entry(CaseAction.REPORT_IN, new Expect(EnumSet.of(Role.DEPARTMENT_HANDLER, Role.STREET_OPERATOR), OPEN)));

    private static CaseCommand commandFor(CaseAction action) {
        return CaseCommand.of(action, "a reason").withTarget(CaseFixtures.SANITATION).withRating(5)
                .withExtension(TimeLimit.of(ClockType.WORK_HOURS, 1)).withDepartments(List.of(CaseFixtures.POLICE))
                .withMergeInto(CaseId.random());
    }

    @Test
    void everyActionStateAndRole() {
        Instant now = at("2026-11-25T10:00");
        int refusedForRoleOrState = 0;
        int allowed = 0;
        for (CaseAction action : EXPECTED.keySet()) {
            Expect expect = EXPECTED.get(action);
            for (CaseState state : CaseState.values()) {
                for (Role role : Role.values()) {
                    CaseFile file = CaseFixtures.inState(state, now);
                    String code = null;
                    try {
                        file.apply(commandFor(action), CaseFixtures.BY_ROLE.get(role), now, CaseFixtures.CONTEXT);
                    } catch (CaseRuleViolation refused) {
                        code = refused.code();
                    }
                    String where = action + " in " + state + " by " + role;
                    if (!expect.roles().contains(role)) {
                        assertThat(code).as(where).isEqualTo("ROLE_NOT_ALLOWED");
                        refusedForRoleOrState++;
                    } else if (!expect.states().contains(state)) {
                        assertThat(code).as(where).isEqualTo("INVALID_TRANSITION");
                        refusedForRoleOrState++;
                    } else {
                        assertThat(code).as(where).isNotIn("ROLE_NOT_ALLOWED", "INVALID_TRANSITION");
                        allowed++;
                    }
                }
            }
        }
        assertThat(allowed).isGreaterThan(60);
        assertThat(refusedForRoleOrState + allowed).isEqualTo(EXPECTED.size() * CaseState.values().length * Role.values().length);
    }

    @Test
    void theExpectedTableCoversEveryHandAction() {
        Set<CaseAction> byHand = EnumSet.noneOf(CaseAction.class);
        for (CaseAction action : CaseAction.values()) {
            if (action.byHand()) {
                byHand.add(action);
            }
        }
        assertThat(byHand).doesNotContain(CaseAction.REPORT, CaseAction.WARN, CaseAction.OVERDUE);
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(byHand);
    }
}
