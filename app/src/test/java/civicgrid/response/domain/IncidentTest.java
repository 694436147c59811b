package civicgrid.response.domain;

import static civicgrid.response.domain.ResponsePlanTest.HOUR;
import static civicgrid.response.domain.ResponsePlanTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import civicgrid.catalog.ClockType;
import civicgrid.catalog.Deadlines;
import civicgrid.catalog.TimeLimit;
import civicgrid.catalog.WorkCalendar;
import civicgrid.response.domain.IncidentTask.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Fan-out, release of waiting steps, escalation once, and closing on the checklist. */
class IncidentTest {

    static final Deadlines DEADLINES = new Deadlines(WorkCalendar.china2026());
    // Monday 7 December 2026, 10:00 in Chongqing
    static final Instant T0 = Instant.parse("2026-12-07T02:00:00Z");

    static final ResponsePlan PLAN = new ResponsePlan("DISPUTE", 3, "纠纷", "Dispute", "500106004", null, List.of(
            step("ORDER", "URBAN_MANAGEMENT", null, HOUR),
            step("MEDIATE", null, "MARKET", TimeLimit.of(ClockType.WORK_HOURS, 2)),
            new PlanStep("SECURITY", "治安", "Security", null, "POLICE", HOUR, List.of(), true),
            step("FOLLOW_UP", "GENERAL_COORDINATION", null, HOUR, "MEDIATE", "SECURITY")),
            "DISTRICT", List.of(new ChecklistItem("AGREED", "达成调解", "Agreed")));

    static Incident started() {
        return Incident.start("case-1", "500106004001001", "500106", 106.45, 29.58, PLAN,
                s -> s.post() != null ? "500106004:" + s.post() : "500106:" + s.department(), DEADLINES, T0, "ciqikou");
    }

    static IncidentTask task(Incident incident, String step) {
        return incident.tasks().stream().filter(t -> t.step().equals(step)).findFirst().orElseThrow();
    }

    @Test
    void readyStepsStartAtOnceWithDeadlinesOnTheirClocksAndTheFlaggedOneGoesUp() {
        Incident incident = started();
        assertThat(incident.clocksStarted()).extracting(IncidentTask::step).containsExactly("ORDER", "MEDIATE", "SECURITY");
        assertThat(task(incident, "ORDER").deadline()).isEqualTo(T0.plusSeconds(3600));
        assertThat(task(incident, "MEDIATE").deadline()).isEqualTo(DEADLINES.deadline(T0, TimeLimit.of(ClockType.WORK_HOURS, 2)));
        assertThat(task(incident, "MEDIATE").assignee()).isEqualTo("500106:MARKET");
        assertThat(task(incident, "FOLLOW_UP").state()).isEqualTo(TaskState.WAITING);
        assertThat(task(incident, "SECURITY").escalatedTo()).isEqualTo("500106");
        assertThat(task(incident, "ORDER").escalatedTo()).isNull();
        assertThat(incident.snapshot().plan().version()).isEqualTo(3);
    }

    @Test
    void aPassedDeadlineEscalatesAnOpenStepOnceAndADoneStepNever() {
        Incident incident = started();
        assertThat(incident.deadlinePassed("ORDER", T0.plusSeconds(3601))).isTrue();
        assertThat(incident.deadlinePassed("ORDER", T0.plusSeconds(3700))).isFalse();
        assertThat(task(incident, "ORDER").escalatedTo()).isEqualTo("500106");
        incident.done(task(incident, "MEDIATE").id(), "market", null, T0.plusSeconds(60), DEADLINES);
        assertThat(incident.deadlinePassed("MEDIATE", T0.plusSeconds(9000))).isFalse();
        assertThat(incident.log().stream().filter(e -> e.kind().equals("ESCALATED")).map(LogEntry::step))
                .containsExactly("SECURITY", "ORDER");
    }

    @Test
    void finishingWhatAStepWaitsForStartsItAndClosingNeedsEveryTaskAndTheChecklist() {
        Incident incident = started();
        incident.accept(task(incident, "MEDIATE").id(), "market", T0.plusSeconds(10));
        incident.done(task(incident, "MEDIATE").id(), "market", "调解成功", T0.plusSeconds(20), DEADLINES);
        assertThat(task(incident, "FOLLOW_UP").state()).isEqualTo(TaskState.WAITING);
        incident.done(task(incident, "SECURITY").id(), "police", null, T0.plusSeconds(30), DEADLINES);
        assertThat(task(incident, "FOLLOW_UP").state()).isEqualTo(TaskState.OPEN);
        assertThat(task(incident, "FOLLOW_UP").deadline()).isEqualTo(T0.plusSeconds(30 + 3600));

        assertThatThrownBy(() -> incident.close(Set.of("AGREED"), "done", "ciqikou", T0.plusSeconds(40)))
                .isInstanceOfSatisfying(IncidentRuleViolation.class, e -> assertThat(e.code()).isEqualTo("TASKS_OPEN"));
        incident.done(task(incident, "ORDER").id(), "um", null, T0.plusSeconds(50), DEADLINES);
        incident.done(task(incident, "FOLLOW_UP").id(), "ciqikou", null, T0.plusSeconds(60), DEADLINES);
        assertThatThrownBy(() -> incident.close(Set.of(), "done", "ciqikou", T0.plusSeconds(70)))
                .isInstanceOfSatisfying(IncidentRuleViolation.class, e -> assertThat(e.code()).isEqualTo("CHECKLIST_INCOMPLETE"));
        incident.close(Set.of("AGREED"), "纠纷化解", "ciqikou", T0.plusSeconds(80));
        assertThat(incident.state()).isEqualTo(Incident.State.CLOSED);
        List<LogEntry> log = incident.log();
        assertThat(log).extracting(LogEntry::seq).isSorted().doesNotHaveDuplicates();
        assertThat(log.get(0).kind()).isEqualTo("STARTED");
        assertThat(log.get(log.size() - 1).kind()).isEqualTo("CLOSED");
        assertThat(log.get(log.size() - 1).text()).isEqualTo("纠纷化解");
        assertThatThrownBy(() -> incident.accept(task(incident, "ORDER").id(), "x", T0))
                .isInstanceOfSatisfying(IncidentRuleViolation.class, e -> assertThat(e.code()).isEqualTo("INCIDENT_CLOSED"));
    }

    @Test
    void aResponderConfirmsSetsOffAndArrivesForwardOnlyWithTheArrivalTimeMeasured() {
        Incident incident = started();
        incident.propose(List.of(Responder.proposed("M1", "U1", 2.5, 3, T0), Responder.proposed("M2", "U1", 4.0, 5, T0)), T0);
        assertThat(incident.unconfirmedTasks()).isEqualTo(3);
        incident.responderConfirmed("M1", "m1", T0.plusSeconds(20));
        incident.responderOnTheWay("M1", "m1", T0.plusSeconds(30));
        assertThatThrownBy(() -> incident.responderOnTheWay("M1", "m1", T0.plusSeconds(31)))
                .isInstanceOfSatisfying(IncidentRuleViolation.class, e -> assertThat(e.code()).isEqualTo("RESPONDER_ALREADY_ON_THE_WAY"));
        assertThatThrownBy(() -> incident.responderConfirmed("M1", "m1", T0.plusSeconds(32)))
                .isInstanceOfSatisfying(IncidentRuleViolation.class, e -> assertThat(e.code()).isEqualTo("RESPONDER_ALREADY_CONFIRMED"));
        incident.responderArrived("M1", "m1", T0.plusSeconds(170));
        Responder m1 = incident.responder("M1");
        assertThat(m1.state()).isEqualTo(Responder.ResponderState.ARRIVED);
        assertThat(m1.confirmedAt()).isEqualTo(T0.plusSeconds(20));
        assertThat(m1.onTheWayAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(m1.arrivalSeconds()).isEqualTo(170);
        assertThat(incident.log().get(incident.log().size() - 1).text()).isEqualTo("M1 after 170 s");
        assertThatThrownBy(() -> incident.responderArrived("M1", "m1", T0.plusSeconds(171)))
                .isInstanceOfSatisfying(IncidentRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("RESPONDER_ALREADY_ARRIVED");
                    assertThat(e.getMessage()).isEqualTo("Member M1 has arrived already.");
                });
        assertThatThrownBy(() -> incident.responderOnTheWay("M1", "m1", T0.plusSeconds(172)))
                .isInstanceOfSatisfying(IncidentRuleViolation.class, e -> assertThat(e.getMessage()).isEqualTo("Member M1 is ARRIVED."));
        // setting off without confirming first confirms at the same time
        incident.responderOnTheWay("M2", "m2", T0.plusSeconds(40));
        assertThat(incident.responder("M2").confirmedAt()).isEqualTo(T0.plusSeconds(40));
        assertThat(incident.responder("M2").arrivalSeconds()).isNull();
        assertThat(incident.log()).extracting(LogEntry::kind).containsSubsequence("RESPONDER_CONFIRMED", "RESPONDER_ON_THE_WAY",
                "RESPONDER_ARRIVED", "RESPONDER_ON_THE_WAY");
        assertThat(incident.lastAction()).isEqualTo("RESPONDER_ON_THE_WAY");
    }
}
