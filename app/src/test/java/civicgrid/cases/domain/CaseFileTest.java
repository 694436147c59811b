package civicgrid.cases.domain;

import static civicgrid.cases.domain.CaseFixtures.CITIZEN;
import static civicgrid.cases.domain.CaseFixtures.CITY;
import static civicgrid.cases.domain.CaseFixtures.CONTEXT;
import static civicgrid.cases.domain.CaseFixtures.DISTRICT;
import static civicgrid.cases.domain.CaseFixtures.GRID_WORKER;
import static civicgrid.cases.domain.CaseFixtures.HANDLER;
import static civicgrid.cases.domain.CaseFixtures.OTHER_DISTRICT_HANDLER;
import static civicgrid.cases.domain.CaseFixtures.OTHER_STREET;
import static civicgrid.cases.domain.CaseFixtures.POLICE;
import static civicgrid.cases.domain.CaseFixtures.POLICE_HANDLER;
import static civicgrid.cases.domain.CaseFixtures.SANITATION;
import static civicgrid.cases.domain.CaseFixtures.STREET;
import static civicgrid.cases.domain.CaseFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseId;
import civicgrid.cases.CaseState;
import civicgrid.cases.Channel;
import civicgrid.cases.HandlingLevel;
import civicgrid.catalog.ClockType;
import civicgrid.catalog.TimeLimit;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The loop and its side paths on one case, with the clocks and lights. */
class CaseFileTest {

    private static CaseState act(CaseFile file, CaseCommand command, Actor actor, String when) {
        return file.apply(command, actor, at(when), CONTEXT);
    }

    private static String refusal(CaseFile file, CaseCommand command, Actor actor, String when) {
        try {
            act(file, command, actor, when);
        } catch (CaseRuleViolation refused) {
            return refused.code();
        }
        throw new AssertionError("expected a refusal of " + command.action());
    }

    @Test
    void theWholeLoopOnItsClocks() {
        // Wednesday 25 Nov 2026, 10:00: a citizen reports exposed garbage (4 WORK_HOURS to dispose)
        CaseFile file = CaseFixtures.reported(at("2026-11-25T10:00"));
        assertThat(file.state()).isEqualTo(CaseState.REPORTED);
        assertThat(file.level()).isEqualTo(HandlingLevel.STREET);
        assertThat(file.clock().deadline()).as("verify within 1 working hour").isEqualTo(at("2026-11-25T11:00"));
        assertThat(file.clock().warningAt()).isEqualTo(at("2026-11-25T10:48"));

        act(file, CaseCommand.of(CaseAction.VERIFY), GRID_WORKER, "2026-11-25T10:40");
        assertThat(file.clock().deadline()).as("register within half a working hour").isEqualTo(at("2026-11-25T11:10"));
        act(file, CaseCommand.of(CaseAction.REGISTER), STREET, "2026-11-25T10:50");
        assertThat(file.clock().deadline()).as("dispatch within half a working hour").isEqualTo(at("2026-11-25T11:20"));
        act(file, CaseCommand.of(CaseAction.DISPATCH).withTarget(SANITATION), STREET, "2026-11-25T11:00");
        assertThat(file.assignment()).isEqualTo(SANITATION);
        assertThat(file.clock().deadline()).as("4 working hours over lunch").isEqualTo(at("2026-11-25T17:00"));
        act(file, CaseCommand.of(CaseAction.ACCEPT), HANDLER, "2026-11-25T11:10");
        act(file, CaseCommand.of(CaseAction.REPORT_BACK, "cleared, photo attached"), HANDLER, "2026-11-25T15:00");
        assertThat(file.clock().deadline()).as("check within 1 working hour").isEqualTo(at("2026-11-25T16:00"));
        act(file, CaseCommand.of(CaseAction.CHECK_PASS), GRID_WORKER, "2026-11-25T15:30");
        act(file, CaseCommand.of(CaseAction.CLOSE), STREET, "2026-11-25T15:40");
        assertThat(file.state()).isEqualTo(CaseState.CLOSED);
        assertThat(file.closedAt()).isEqualTo(at("2026-11-25T15:40"));
        act(file, CaseCommand.of(CaseAction.EVALUATE).withRating(5), CITIZEN, "2026-11-25T20:00");
        assertThat(file.state()).isEqualTo(CaseState.EVALUATED);

        CaseFile.Figures figures = file.figures();
        assertThat(figures.verifiedOnTime()).isTrue();
        assertThat(figures.registeredOnTime()).isTrue();
        assertThat(figures.dispatchedOnTime()).isTrue();
        assertThat(figures.handledOnTime()).isTrue();
        assertThat(figures.everOverdue()).isFalse();
        assertThat(figures.rating()).isEqualTo(5);
        assertThat(file.drainEvents()).extracting(CaseEvent::action).containsExactly(CaseAction.REPORT, CaseAction.VERIFY,
                CaseAction.REGISTER, CaseAction.DISPATCH, CaseAction.ACCEPT, CaseAction.REPORT_BACK, CaseAction.CHECK_PASS,
                CaseAction.CLOSE, CaseAction.EVALUATE);
    }

    @Test
    void aGridWorkersOwnReportIsVerifiedAndStartsInTheCommunity() {
        CaseFile file = CaseFile.report(CaseId.random(), "T-3", Channel.GRID_WORKER, CaseFixtures.GARBAGE, "巡查发现", false,
                CaseFixtures.PLACE, GRID_WORKER, at("2026-11-25T10:00"), CONTEXT, false);
        assertThat(file.state()).isEqualTo(CaseState.VERIFIED);
        assertThat(file.level()).isEqualTo(HandlingLevel.COMMUNITY);
        assertThat(file.figures().verifiedOnTime()).isTrue();
        act(file, CaseCommand.of(CaseAction.ESCALATE, "needs the street"), GRID_WORKER, "2026-11-25T10:05");
        assertThat(file.level()).isEqualTo(HandlingLevel.STREET);
    }

    @Test
    void lateStepsAreCountedLate() {
        CaseFile file = CaseFixtures.reported(at("2026-11-25T10:00"));
        act(file, CaseCommand.of(CaseAction.VERIFY), GRID_WORKER, "2026-11-25T14:30");
        assertThat(file.figures().verifiedOnTime()).isFalse();
    }

    @Test
    void territoryAssigneeAndLevelAreEnforced() {
        CaseFile file = CaseFixtures.reported(at("2026-11-25T10:00"));
        assertThat(refusal(file, CaseCommand.of(CaseAction.VERIFY), OTHER_STREET, "2026-11-25T10:10")).isEqualTo("OUT_OF_SCOPE");
        act(file, CaseCommand.of(CaseAction.VERIFY), GRID_WORKER, "2026-11-25T10:10");
        act(file, CaseCommand.of(CaseAction.REGISTER), STREET, "2026-11-25T10:20");
        assertThat(refusal(file, CaseCommand.of(CaseAction.DISPATCH).withTarget(
                new Assignment("500106:SANITATION", "SANITATION", "DISTRICT")), STREET, "2026-11-25T10:30"))
                .isEqualTo("TARGET_NOT_RESPONSIBLE_HERE");
        assertThat(refusal(file, CaseCommand.of(CaseAction.DISPATCH), STREET, "2026-11-25T10:30")).isEqualTo("DISPATCH_TARGET_REQUIRED");
        act(file, CaseCommand.of(CaseAction.DISPATCH).withTarget(SANITATION), STREET, "2026-11-25T10:30");
        assertThat(refusal(file, CaseCommand.of(CaseAction.ACCEPT), POLICE_HANDLER, "2026-11-25T10:40")).isEqualTo("NOT_ASSIGNEE");
        assertThat(refusal(file, CaseCommand.of(CaseAction.ACCEPT), OTHER_DISTRICT_HANDLER, "2026-11-25T10:40")).isEqualTo("NOT_ASSIGNEE");
        assertThat(refusal(file, CaseCommand.of(CaseAction.ACCEPT), GRID_WORKER, "2026-11-25T10:40")).isEqualTo("NOT_ASSIGNEE");
        assertThat(refusal(file, CaseCommand.of(CaseAction.RETURN), HANDLER, "2026-11-25T10:40")).isEqualTo("REASON_REQUIRED");
        act(file, CaseCommand.of(CaseAction.RETURN, "not sanitation: a broken water pipe"), HANDLER, "2026-11-25T10:45");
        assertThat(file.state()).isEqualTo(CaseState.REGISTERED);
        assertThat(file.assignment()).isNull();
        assertThat(file.figures().returns()).isEqualTo(1);
        // the street escalates; from then on the district center dispatches, not the street
        act(file, CaseCommand.of(CaseAction.ESCALATE, "crosses departments"), STREET, "2026-11-25T10:50");
        assertThat(file.level()).isEqualTo(HandlingLevel.DISTRICT);
        assertThat(refusal(file, CaseCommand.of(CaseAction.DISPATCH).withTarget(POLICE), STREET, "2026-11-25T10:55"))
                .isEqualTo("ESCALATED_ABOVE_YOU");
        act(file, CaseCommand.of(CaseAction.DISPATCH).withTarget(POLICE), DISTRICT, "2026-11-25T10:55");
        assertThat(file.assignment()).isEqualTo(POLICE);
    }

    @Test
    void whoDidTheWorkDoesNotCheckIt() {
        // a street's own sector handled it: the street center may not pass it, a grid worker on site may
        Assignment streetSector = new Assignment("500104001:STREET_SERVICE", "STREET_SERVICE", "STREET");
        CaseFile file = CaseFixtures.inState(CaseState.REGISTERED, at("2026-11-25T10:00"));
        act(file, CaseCommand.of(CaseAction.DISPATCH).withTarget(streetSector), STREET, "2026-11-25T10:05");
        act(file, CaseCommand.of(CaseAction.ACCEPT), STREET, "2026-11-25T10:10");
        act(file, CaseCommand.of(CaseAction.REPORT_BACK, "done"), STREET, "2026-11-25T11:00");
        assertThat(refusal(file, CaseCommand.of(CaseAction.CHECK_PASS), STREET, "2026-11-25T11:10")).isEqualTo("OWN_WORK");
        assertThat(refusal(file, CaseCommand.of(CaseAction.CHECK_FAIL, "not done"), STREET, "2026-11-25T11:10")).isEqualTo("OWN_WORK");
        assertThat(file.allows(CaseAction.CHECK_PASS, STREET)).isFalse();
        assertThat(file.allows(CaseAction.CHECK_FAIL, STREET)).isFalse();
        assertThat(file.allows(CaseAction.CHECK_PASS, GRID_WORKER)).isTrue();
        act(file, CaseCommand.of(CaseAction.CHECK_PASS), GRID_WORKER, "2026-11-25T11:15");
        assertThat(file.state()).isEqualTo(CaseState.CHECKED);

        // the community's grid workers handled another: neither they nor the community staff check it, the street does
        Assignment community = new Assignment("500104001001:COMMUNITY", "COMMUNITY", "COMMUNITY");
        CaseFile byGrid = CaseFixtures.inState(CaseState.REGISTERED, at("2026-11-25T10:00"));
        act(byGrid, CaseCommand.of(CaseAction.DISPATCH).withTarget(community), STREET, "2026-11-25T10:05");
        act(byGrid, CaseCommand.of(CaseAction.ACCEPT), GRID_WORKER, "2026-11-25T10:10");
        act(byGrid, CaseCommand.of(CaseAction.REPORT_BACK, "done"), GRID_WORKER, "2026-11-25T11:00");
        assertThat(byGrid.allows(CaseAction.CHECK_PASS, GRID_WORKER)).isFalse();
        assertThat(byGrid.allows(CaseAction.CHECK_PASS, CaseFixtures.COMMUNITY_STAFF)).isFalse();
        assertThat(byGrid.allows(CaseAction.CHECK_PASS, STREET)).isTrue();
    }

    @Test
    void reworkSendsTheCaseBackToTheHandler() {
        CaseFile file = CaseFixtures.inState(CaseState.HANDLED, at("2026-11-25T10:00"));
        assertThat(refusal(file, CaseCommand.of(CaseAction.CHECK_FAIL), GRID_WORKER, "2026-11-25T10:10")).isEqualTo("REASON_REQUIRED");
        act(file, CaseCommand.of(CaseAction.CHECK_FAIL, "garbage still there"), GRID_WORKER, "2026-11-25T10:10");
        assertThat(file.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(file.figures().reworks()).isEqualTo(1);
        assertThat(file.assignment()).isEqualTo(SANITATION);
    }

    @Test
    void hangingStopsTheClock() {
        CaseFile file = CaseFixtures.inState(CaseState.IN_PROGRESS, at("2026-11-25T10:00"));
        assertThat(file.clock().deadline()).isEqualTo(at("2026-11-25T16:00"));
        act(file, CaseCommand.of(CaseAction.HANG, "waits for the budget"), STREET, "2026-11-25T11:00");
        assertThat(file.state()).isEqualTo(CaseState.HUNG);
        assertThat(file.clock().deadline()).isNull();
        assertThat(file.clock().limit().amount()).isEqualByComparingTo("3");
        act(file, CaseCommand.of(CaseAction.UNHANG, "budget approved"), STREET, "2026-11-30T09:00");
        assertThat(file.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(file.clock().deadline()).as("three working hours left from Monday 09:00").isEqualTo(at("2026-11-30T12:00"));
    }

    @Test
    void aPostponementNeedsApproval() {
        CaseFile file = CaseFixtures.inState(CaseState.IN_PROGRESS, at("2026-11-25T10:00"));
        // the fixture has a pending request already; start from a clean one
        act(file, CaseCommand.of(CaseAction.REJECT_POSTPONE, "not now"), STREET, "2026-11-25T10:05");
        assertThat(refusal(file, CaseCommand.of(CaseAction.APPROVE_POSTPONE), STREET, "2026-11-25T10:06"))
                .isEqualTo("NO_POSTPONEMENT_PENDING");
        assertThat(refusal(file, CaseCommand.of(CaseAction.REQUEST_POSTPONE, "parts ordered")
                .withExtension(TimeLimit.of(ClockType.WORK_DAYS, 1)), HANDLER, "2026-11-25T10:10")).isEqualTo("EXTENSION_REQUIRED");
        act(file, CaseCommand.of(CaseAction.REQUEST_POSTPONE, "parts ordered").withExtension(TimeLimit.of(ClockType.WORK_HOURS, 4)),
                HANDLER, "2026-11-25T10:10");
        assertThat(refusal(file, CaseCommand.of(CaseAction.REQUEST_POSTPONE, "again")
                .withExtension(TimeLimit.of(ClockType.WORK_HOURS, 4)), HANDLER, "2026-11-25T10:11")).isEqualTo("POSTPONEMENT_PENDING");
        // what is offered follows: one request at a time, a decision only while one waits
        assertThat(file.allows(CaseAction.REQUEST_POSTPONE, HANDLER)).isFalse();
        assertThat(file.allows(CaseAction.APPROVE_POSTPONE, STREET)).isTrue();
        assertThat(file.allows(CaseAction.REJECT_POSTPONE, STREET)).isTrue();
        assertThat(file.clock().deadline()).isEqualTo(at("2026-11-25T16:00"));
        act(file, CaseCommand.of(CaseAction.APPROVE_POSTPONE), STREET, "2026-11-25T10:20");
        assertThat(file.clock().deadline()).isEqualTo(at("2026-11-26T11:00"));
        assertThat(file.figures().postponements()).isEqualTo(1);
        assertThat(file.allows(CaseAction.APPROVE_POSTPONE, STREET)).isFalse();
        assertThat(file.allows(CaseAction.REJECT_POSTPONE, STREET)).isFalse();
        assertThat(file.allows(CaseAction.REQUEST_POSTPONE, HANDLER)).isTrue();
    }

    @Test
    void lightsComeOnceAndStaleTimersChangeNothing() {
        CaseFile file = CaseFixtures.inState(CaseState.IN_PROGRESS, at("2026-11-25T10:00"));
        int seq = file.clock().seq();
        assertThat(file.onTimer(CaseAction.WARN, seq, at("2026-11-25T15:12"))).isTrue();
        assertThat(file.onTimer(CaseAction.WARN, seq, at("2026-11-25T15:12"))).as("a second firing").isFalse();
        assertThat(file.clock().warned()).isTrue();
        assertThat(file.onTimer(CaseAction.OVERDUE, seq - 1, at("2026-11-25T16:00"))).as("an older stage's timer").isFalse();
        assertThat(file.onTimer(CaseAction.OVERDUE, seq, at("2026-11-25T16:00"))).isTrue();
        assertThat(file.clock().overdue()).isTrue();
        assertThat(file.figures().everOverdue()).isTrue();
        assertThat(file.figures().supervisions()).as("an overdue disposal is supervised").isEqualTo(1);
        assertThat(file.level()).as("not urgent: stays with the street").isEqualTo(HandlingLevel.STREET);
        assertThat(file.onTimer(CaseAction.OVERDUE, seq, at("2026-11-25T16:00"))).isFalse();
    }

    @Test
    void anUrgentOverdueDisposalIsEscalated() {
        CaseFile file = CaseFile.report(CaseId.random(), "T-4", Channel.CITIZEN, CaseFixtures.MANHOLE, "井盖丢失", true,
                CaseFixtures.PLACE, CITIZEN, at("2026-11-28T22:00"), new CaseFile.Context(CaseFixtures.DEADLINES,
                        civicgrid.catalog.StageLimits.defaults(), CaseFixtures.MANHOLE), false);
        assertThat(file.clock().deadline()).as("urgent verification: a quarter of a natural hour, on a Saturday night")
                .isEqualTo(at("2026-11-28T22:15"));
        CaseFile.Context context = new CaseFile.Context(CaseFixtures.DEADLINES, civicgrid.catalog.StageLimits.defaults(),
                CaseFixtures.MANHOLE);
        file.apply(CaseCommand.of(CaseAction.VERIFY), GRID_WORKER, at("2026-11-28T22:10"), context);
        file.apply(CaseCommand.of(CaseAction.REGISTER), STREET, at("2026-11-28T22:12"), context);
        assertThat(file.clock().deadline()).as("urgent dispatch: five natural minutes").isEqualTo(at("2026-11-28T22:17"));
        Assignment water = new Assignment("CITY:WATER_SUPPLY", "WATER_SUPPLY", "CITY");
        file.apply(CaseCommand.of(CaseAction.DISPATCH).withTarget(water), STREET, at("2026-11-28T22:14"), context);
        assertThat(file.clock().deadline()).as("urgent manhole: 2 natural hours").isEqualTo(at("2026-11-29T00:14"));
        assertThat(file.onTimer(CaseAction.OVERDUE, file.clock().seq(), at("2026-11-29T00:14"))).isTrue();
        assertThat(file.level()).isEqualTo(HandlingLevel.DISTRICT);
        assertThat(file.figures().escalations()).isEqualTo(1);
    }

    @Test
    void whistleSummonsDepartmentsThatMustReportIn() {
        CaseFile file = CaseFixtures.inState(CaseState.REGISTERED, at("2026-11-25T10:00"));
        assertThat(refusal(file, CaseCommand.of(CaseAction.WHISTLE, "burst pipe"), GRID_WORKER, "2026-11-25T10:01"))
                .isEqualTo("DEPARTMENTS_REQUIRED");
        act(file, CaseCommand.of(CaseAction.WHISTLE, "burst pipe floods the road").withDepartments(List.of(POLICE)), GRID_WORKER,
                "2026-11-25T10:02");
        assertThat(file.whistle()).containsEntry("500104:POLICE", false).containsEntry("500104:SANITATION", false);
        act(file, CaseCommand.of(CaseAction.REPORT_IN), POLICE_HANDLER, "2026-11-25T10:20");
        assertThat(file.whistle()).containsEntry("500104:POLICE", true);
        assertThat(refusal(file, CaseCommand.of(CaseAction.REPORT_IN), POLICE_HANDLER, "2026-11-25T10:21")).isEqualTo("NOT_SUMMONED");
        assertThat(refusal(file, CaseCommand.of(CaseAction.REPORT_IN), OTHER_DISTRICT_HANDLER, "2026-11-25T10:21"))
                .isEqualTo("NOT_SUMMONED");
    }

    @Test
    void onlyTheReporterRatesAndRatingsAreOneToFive() {
        CaseFile file = CaseFixtures.inState(CaseState.CLOSED, at("2026-11-25T10:00"));
        Actor stranger = new Actor("someone-else", civicgrid.identity.Role.CITIZEN, civicgrid.identity.TerritorialScope.none(), null);
        assertThat(refusal(file, CaseCommand.of(CaseAction.EVALUATE).withRating(5), stranger, "2026-11-25T12:00")).isEqualTo("NOT_REPORTER");
        assertThat(refusal(file, CaseCommand.of(CaseAction.EVALUATE).withRating(9), CITIZEN, "2026-11-25T12:00")).isEqualTo("RATING_REQUIRED");
        act(file, CaseCommand.of(CaseAction.EVALUATE).withRating(4), CITIZEN, "2026-11-25T12:00");
        assertThat(file.figures().rating()).isEqualTo(4);
    }

    @Test
    void mergingNeedsAnotherCase() {
        CaseFile file = CaseFixtures.reported(at("2026-11-25T10:00"));
        assertThat(refusal(file, CaseCommand.of(CaseAction.MERGE, "same pile").withMergeInto(file.id()), STREET, "2026-11-25T10:05"))
                .isEqualTo("MERGE_TARGET_REQUIRED");
        CaseId original = CaseId.random();
        act(file, CaseCommand.of(CaseAction.MERGE, "same pile").withMergeInto(original), STREET, "2026-11-25T10:05");
        assertThat(file.state()).isEqualTo(CaseState.MERGED);
        assertThat(file.mergedInto()).isEqualTo(original);
        assertThat(file.state().open()).isFalse();
    }

    @Test
    void timersCannotBeTriggeredByHand() {
        CaseFile file = CaseFixtures.reported(at("2026-11-25T10:00"));
        assertThatThrownBy(() -> act(file, CaseCommand.of(CaseAction.OVERDUE), CITY, "2026-11-25T10:05"))
                .isInstanceOf(CaseRuleViolation.class);
        assertThat(file.allows(CaseAction.VERIFY, GRID_WORKER)).isTrue();
        assertThat(file.allows(CaseAction.VERIFY, CITIZEN)).isFalse();
        assertThat(file.allows(CaseAction.DISPATCH, STREET)).isFalse();
        Instant unchanged = file.clock().deadline();
        assertThat(unchanged).isEqualTo(at("2026-11-25T11:00"));
    }

    private static CaseFile urgentManholeDispatched(CaseFile.Context context) {
        CaseFile file = CaseFile.report(CaseId.random(), "T-5", Channel.CITIZEN, CaseFixtures.MANHOLE, "井盖丢失", true,
                CaseFixtures.PLACE, CITIZEN, at("2026-11-25T10:00"), context, false);
        file.apply(CaseCommand.of(CaseAction.VERIFY), GRID_WORKER, at("2026-11-25T10:05"), context);
        file.apply(CaseCommand.of(CaseAction.REGISTER), STREET, at("2026-11-25T10:06"), context);
        file.apply(CaseCommand.of(CaseAction.DISPATCH).withTarget(new Assignment("CITY:WATER_SUPPLY", "WATER_SUPPLY", "CITY")), STREET,
                at("2026-11-25T10:07"), context);
        return file;
    }

    @Test
    void hangingAndResumingAnOverdueCaseDoesNotFireTheRedLightAgain() {
        CaseFile.Context context = new CaseFile.Context(CaseFixtures.DEADLINES, civicgrid.catalog.StageLimits.defaults(),
                CaseFixtures.MANHOLE);
        CaseFile file = urgentManholeDispatched(context);
        assertThat(file.onTimer(CaseAction.OVERDUE, file.clock().seq(), at("2026-11-25T12:07"))).isTrue();
        assertThat(file.level()).isEqualTo(HandlingLevel.DISTRICT);
        // the district, which owns it now, hangs and resumes it: the red light already came on in this stage
        file.apply(CaseCommand.of(CaseAction.HANG, "waits for the road closure"), DISTRICT, at("2026-11-25T13:00"), context);
        file.apply(CaseCommand.of(CaseAction.UNHANG, "road closed"), DISTRICT, at("2026-11-25T14:00"), context);
        assertThat(file.clock().overdue()).as("still red after resuming").isTrue();
        assertThat(file.onTimer(CaseAction.OVERDUE, file.clock().seq(), at("2026-11-25T14:00"))).as("no second red light").isFalse();
        assertThat(file.level()).as("not pushed on to the city").isEqualTo(HandlingLevel.DISTRICT);
        assertThat(file.figures().supervisions()).isEqualTo(1);
        assertThat(file.figures().escalations()).isEqualTo(1);
    }

    @Test
    void anOverdueEscalatesOncePerStageEvenAfterAPostponement() {
        CaseFile.Context context = new CaseFile.Context(CaseFixtures.DEADLINES, civicgrid.catalog.StageLimits.defaults(),
                CaseFixtures.MANHOLE);
        CaseFile file = urgentManholeDispatched(context);
        file.apply(CaseCommand.of(CaseAction.ACCEPT), new Actor("water", civicgrid.identity.Role.DEPARTMENT_HANDLER,
                civicgrid.identity.TerritorialScope.of("500000"), "WATER_SUPPLY"), at("2026-11-25T10:10"), context);
        assertThat(file.onTimer(CaseAction.OVERDUE, file.clock().seq(), at("2026-11-25T12:07"))).isTrue();
        assertThat(file.level()).isEqualTo(HandlingLevel.DISTRICT);
        file.apply(CaseCommand.of(CaseAction.REQUEST_POSTPONE, "a new cover is on its way").withExtension(
                TimeLimit.of(ClockType.URGENT_HOURS, 1)), new Actor("water", civicgrid.identity.Role.DEPARTMENT_HANDLER,
                civicgrid.identity.TerritorialScope.of("500000"), "WATER_SUPPLY"), at("2026-11-25T12:10"), context);
        file.apply(CaseCommand.of(CaseAction.APPROVE_POSTPONE), DISTRICT, at("2026-11-25T12:15"), context);
        assertThat(file.clock().overdue()).as("the longer limit is not used up yet").isFalse();
        assertThat(file.onTimer(CaseAction.OVERDUE, file.clock().seq(), at("2026-11-25T13:07"))).as("missed again").isTrue();
        assertThat(file.figures().supervisions()).as("supervised again").isEqualTo(2);
        assertThat(file.level()).as("but escalated once in the stage").isEqualTo(HandlingLevel.DISTRICT);
        assertThat(file.figures().escalations()).isEqualTo(1);
    }

    @Test
    void aStreetCannotInvalidateACaseEscalatedAboveIt() {
        CaseFile file = CaseFixtures.reported(at("2026-11-25T10:00"));
        assertThat(file.allows(CaseAction.INVALIDATE, GRID_WORKER)).as("a grid worker's verdict for the street").isTrue();
        act(file, CaseCommand.of(CaseAction.ESCALATE, "big"), STREET, "2026-11-25T10:05");
        act(file, CaseCommand.of(CaseAction.ESCALATE, "bigger"), DISTRICT, "2026-11-25T10:06");
        assertThat(file.level()).isEqualTo(HandlingLevel.CITY);
        assertThat(refusal(file, CaseCommand.of(CaseAction.INVALIDATE, "nothing there"), STREET, "2026-11-25T10:10"))
                .isEqualTo("ESCALATED_ABOVE_YOU");
        assertThat(refusal(file, CaseCommand.of(CaseAction.INVALIDATE, "nothing there"), GRID_WORKER, "2026-11-25T10:10"))
                .isEqualTo("ESCALATED_ABOVE_YOU");
        assertThat(refusal(file, CaseCommand.of(CaseAction.INVALIDATE, "nothing there"), DISTRICT, "2026-11-25T10:10"))
                .isEqualTo("ESCALATED_ABOVE_YOU");
        act(file, CaseCommand.of(CaseAction.INVALIDATE, "nothing there"), CITY, "2026-11-25T10:10");
        assertThat(file.state()).isEqualTo(CaseState.INVALID);
    }

    @Test
    void approvingOrRejectingAPostponementIsOfferedOnlyWhileOneIsPending() {
        CaseFile file = CaseFixtures.inState(CaseState.IN_PROGRESS, at("2026-11-25T10:00"));
        assertThat(file.allows(CaseAction.APPROVE_POSTPONE, STREET)).as("the fixture's request waits").isTrue();
        act(file, CaseCommand.of(CaseAction.REJECT_POSTPONE, "not now"), STREET, "2026-11-25T10:05");
        assertThat(file.allows(CaseAction.APPROVE_POSTPONE, STREET)).isFalse();
        assertThat(file.allows(CaseAction.REJECT_POSTPONE, STREET)).isFalse();
        assertThat(refusal(file, CaseCommand.of(CaseAction.REJECT_POSTPONE, "again"), STREET, "2026-11-25T10:06"))
                .isEqualTo("NO_POSTPONEMENT_PENDING");
    }

    @Test
    void theYellowLightComesAtTheConfiguredShareOfTheLimit() {
        civicgrid.catalog.StageLimits half = new civicgrid.catalog.StageLimits(null, null, null, null, null, null, null, 0.5);
        CaseFile file = CaseFile.report(CaseId.random(), "T-6", Channel.CITIZEN, CaseFixtures.GARBAGE, "垃圾", false, CaseFixtures.PLACE,
                CITIZEN, at("2026-11-25T10:00"), new CaseFile.Context(CaseFixtures.DEADLINES, half, CaseFixtures.GARBAGE), false);
        assertThat(file.clock().deadline()).isEqualTo(at("2026-11-25T11:00"));
        assertThat(file.clock().warningAt()).as("half of one working hour").isEqualTo(at("2026-11-25T10:30"));
    }
}
