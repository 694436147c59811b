package civicgrid.response.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import civicgrid.catalog.ClockType;
import civicgrid.catalog.TimeLimit;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Plan validation: refusals name the step at fault; the shipped plans pass. */
class ResponsePlanTest {

    static final Set<String> POSTS = Set.of("GENERAL_COORDINATION", "PARTY_BUILDING", "ECONOMIC_SERVICE", "ENTERPRISE_SERVICE",
            "SOCIAL_AFFAIRS", "URBAN_MANAGEMENT", "SAFETY_SUPERVISION", "COMPREHENSIVE_GOVERNANCE", "COMPREHENSIVE_ENFORCEMENT");
    static final Set<String> DEPARTMENTS = Set.of("POLICE", "MARKET", "EMERGENCY", "COMMUNITY", "FIRE", "TRAFFIC_POLICE", "POWER",
            "GAS", "DRAINAGE", "CIVIL_AFFAIRS");

    static PlanStep step(String code, String post, String dept, TimeLimit deadline, String... after) {
        return new PlanStep(code, code, code, post, dept, deadline, List.of(after), false);
    }

    static ResponsePlan plan(PlanStep... steps) {
        return new ResponsePlan("TEST", 1, "测试", "Test", "500106004", null, List.of(steps), "DISTRICT", List.of());
    }

    static final TimeLimit HOUR = TimeLimit.of(ClockType.URGENT_HOURS, 1);

    private static void refused(ResponsePlan plan, String code, String step) {
        assertThatThrownBy(() -> plan.validate(POSTS, DEPARTMENTS)).isInstanceOfSatisfying(PlanRefused.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.step()).isEqualTo(step);
            if (step != null) {
                assertThat(e.getMessage()).contains(step);
            }
        });
    }

    @Test
    void aCycleIsRefusedNamingAStepOnIt() {
        refused(plan(step("START", "URBAN_MANAGEMENT", null, HOUR), step("A", "URBAN_MANAGEMENT", null, HOUR, "START", "C"),
                step("B", null, "POLICE", HOUR, "A"), step("C", null, "POLICE", HOUR, "B")), "PLAN_CYCLE", "A");
        refused(plan(step("SELF", "URBAN_MANAGEMENT", null, HOUR, "SELF")), "PLAN_CYCLE", "SELF");
    }

    @Test
    void unknownPostsDepartmentsAndDependenciesAreRefusedNamingTheStep() {
        refused(plan(step("OK", "URBAN_MANAGEMENT", null, HOUR), step("TOURISM", "TOURISM_BUREAU", null, HOUR)), "UNKNOWN_POST", "TOURISM");
        refused(plan(step("PRESS", null, "PROPAGANDA", HOUR)), "UNKNOWN_DEPARTMENT", "PRESS");
        refused(plan(step("LATER", null, "POLICE", HOUR, "NOWHERE")), "UNKNOWN_STEP_DEPENDENCY", "LATER");
        refused(plan(step("BOTH", "URBAN_MANAGEMENT", "POLICE", HOUR)), "STEP_WITHOUT_ASSIGNEE", "BOTH");
        refused(plan(step("TWICE", null, "POLICE", HOUR), step("TWICE", null, "FIRE", HOUR)), "DUPLICATE_STEP", "TWICE");
    }

    @Test
    void aStepWithoutADeadlineIsRefused() {
        refused(plan(step("FIRST", null, "POLICE", HOUR), step("NO_CLOCK", null, "POLICE", null)), "STEP_WITHOUT_DEADLINE", "NO_CLOCK");
        refused(plan(step("ZERO", null, "POLICE", TimeLimit.of(ClockType.WORK_HOURS, 0))), "STEP_WITHOUT_DEADLINE", "ZERO");
        refused(plan(), "PLAN_WITHOUT_STEPS", null);
    }

    @Test
    void aDiamondOfDependenciesIsNoCycle() {
        plan(step("A", "URBAN_MANAGEMENT", null, HOUR), step("B", null, "POLICE", HOUR, "A"), step("C", null, "FIRE", HOUR, "A"),
                step("D", null, "POLICE", HOUR, "B", "C")).validate(POSTS, DEPARTMENTS);
    }

    @Test
    void theShippedPlansAreValidAndTheTouristDisputeGoesToSixPostsAtOnce() throws Exception {
        List<ResponsePlan> shipped;
        try (InputStream in = getClass().getResourceAsStream("/response/plans.json")) {
            shipped = JsonMapper.builder().build().readValue(in, new TypeReference<List<ResponsePlan>>() { });
        }
        assertThat(shipped).extracting(ResponsePlan::code).containsExactlyInAnyOrder("CQK-TOURIST-DISPUTE", "CQK-CROWD-STAMPEDE",
                "CQK-FLOOD-CONTROL", "SMH-SEPTIC-GAS", "XSC-LONE-ELDERLY", "SMH-LONE-ELDERLY", "CQK-OLD-TOWN-FIRE");
        shipped.forEach(p -> p.validate(POSTS, DEPARTMENTS));
        ResponsePlan dispute = shipped.stream().filter(p -> p.code().equals("CQK-TOURIST-DISPUTE")).findFirst().orElseThrow();
        assertThat(dispute.territoryCode()).isEqualTo("500106004");
        assertThat(dispute.steps().stream().filter(s -> s.after().isEmpty()).map(PlanStep::assignee)).hasSize(6).doesNotHaveDuplicates();
        ResponsePlan flood = shipped.stream().filter(p -> p.code().equals("CQK-FLOOD-CONTROL")).findFirst().orElseThrow();
        assertThat(flood.steps()).extracting(PlanStep::code)
                .containsExactly("MONITORING", "WARNING", "RESPONSE", "EVACUATION", "RESETTLEMENT");
        assertThat(shipped.stream().filter(p -> p.code().equals("SMH-SEPTIC-GAS")).findFirst().orElseThrow().territoryCode())
                .isEqualTo("500105003");
    }
}
