package civicgrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import civicgrid.cases.CaseId;
import civicgrid.cases.app.CaseWorkflow;
import civicgrid.evaluation.app.CaseFigures;
import civicgrid.geo.GeoApi;
import civicgrid.support.HandComputedCases;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Scorecards on a hand-computed example. Four cases in grid 500104001007001 (community
 * 500104001007, which no other test reports in), driven through the loop over HTTP: A clean, B
 * verified late, returned, redispatched, reworked and rated 2 stars, C overdue in disposal, D
 * invalid. Their history is then moved to 12 July 2023 (10:00 city time), a day no other case has,
 * so that the grid, community, street and district of that day, week, month and quarter hold these
 * four cases only and every figure can be computed by hand.
 */
class ScorecardHttpTest extends IntegrationTest {

    static final String GRID = "500104001007001";
    static final String COMMUNITY = "500104001007";

    @Autowired
    GeoApi geo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    CaseFigures figures;

    private JsonNode sheet(String unit, String period, String by, String user) {
        Response r = get("/api/v1/evaluation/scorecards?unit=" + unit + "&period=" + period + "&by=" + by, user);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("items");
    }

    private static JsonNode find(JsonNode items, String code, String role) {
        for (JsonNode item : items) {
            JsonNode s = item.get("subject");
            if (s.get("code").asString().equals(code) && (role == null || role.equals(s.get("role").asString()))) {
                return item;
            }
        }
        throw new AssertionError("no " + code + " " + role + " in " + items);
    }

    @Test
    void everyRateAndGradeOfAHandComputedExamplePerLevelAndPeriod() {
        HandComputedCases.Example example = new HandComputedCases(this, geo, jdbc, workflow, GRID).drive();
        String a = example.a();
        String b = example.b();

        // the figures follow the cases' published changes by themselves
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select state from evaluation.case_fact where case_id = ?::uuid", String.class, a)).isEqualTo("EVALUATED"));

        List<String> ids = example.all();
        for (String id : ids) {
            jdbc.update("update cases.case_event set at = at - (select reported_at - timestamptz '2023-07-12 10:00+08'"
                    + " from cases.case_file where id = ?::uuid) where case_id = ?::uuid", a, id);
        }
        for (String id : ids) {
            jdbc.update("update cases.case_file set reported_at = (select min(at) from cases.case_event where case_id = ?::uuid)"
                    + " where id = ?::uuid", id, id);
            figures.refresh(CaseId.parse(id));
        }

        for (String period : List.of("2023-07-12", "2023-W28", "2023-07", "2023-Q3", "2023")) {
            for (String[] level : List.of(new String[] {"grid", GRID, GRID}, new String[] {"community", COMMUNITY, COMMUNITY},
                    new String[] {"street", "500104001", "500104001"}, new String[] {"district", "500104", "500104"})) {
                JsonNode items = sheet(level[2], period, level[0], "dadukou");
                assertThat(items.size()).as(level[0] + " " + period).isEqualTo(1);
                JsonNode unit = find(items, level[1], null);
                assertThat(unit.get("subject").get("kind").asString()).isEqualTo(level[0]);
                JsonNode r = unit.get("rates");
                // reported A B C D, registered A B C: 3/4
                assertThat(r.get("registrationRate").asDouble()).isEqualTo(0.75);
                // verification ended for all four (D found invalid), B late: 3/4
                assertThat(r.get("onTimeVerificationRate").asDouble()).isEqualTo(0.75);
                assertThat(r.get("onTimeRegistrationRate").asDouble()).isEqualTo(1.0);
                // first dispatches A B C, all on time; B returned: accurate 2/3
                assertThat(r.get("onTimeDispatchRate").asDouble()).isEqualTo(1.0);
                assertThat(r.get("accurateDispatchRate").asDouble()).isEqualTo(0.6667);
                // due for disposal A B C (C on its running out), all handled, C overdue, B reworked (counted once, still due and handled)
                assertThat(r.get("disposalRate").asDouble()).isEqualTo(1.0);
                assertThat(r.get("onTimeDisposalRate").asDouble()).isEqualTo(0.6667);
                assertThat(r.get("overdueRate").asDouble()).isEqualTo(0.3333);
                assertThat(r.get("reworkRate").asDouble()).isEqualTo(0.3333);
                // checks of A and B (B's failed one first), both on time
                assertThat(r.get("onTimeCheckRate").asDouble()).isEqualTo(1.0);
                // closed A B of registered A B C
                assertThat(r.get("closureRate").asDouble()).isEqualTo(0.6667);
                // rated A 5 stars, B 2 stars
                assertThat(r.get("satisfactionRate").asDouble()).isEqualTo(0.5);
                assertThat(unit.get("counts").get("DUE").asLong()).isEqualTo(3);
                // weights 5 5 5 5 5 10 20 5 5 5 15 15 (sum 100): 3.75 + 3.75 + 5 + 5 + 3.3335 + 10 + 13.334
                // + 5 x (1 - 0.3333) + 5 x (1 - 0.3333) + 5 + 15 x 0.6667 + 15 x 0.5 = 73.335 → C (70..80)
                assertThat(unit.get("score").asDouble()).isCloseTo(73.35, within(0.06));
                assertThat(unit.get("grade").asString()).isEqualTo("C");
            }
            JsonNode departments = sheet(COMMUNITY, period, "department", "dadukou");
            assertThat(departments.size()).isEqualTo(1);
            JsonNode sanitation = find(departments, "500104:SANITATION", null);
            assertThat(sanitation.get("rates").properties().stream().map(e -> e.getKey()).toList())
                    .containsExactly("disposalRate", "onTimeDisposalRate", "overdueRate", "reworkRate", "satisfactionRate");
            // 25 x 1 + 35 x 0.6667 + 15 x 0.6667 + 15 x 0.6667 + 10 x 0.5 = 73.3355 → 73.3, C
            assertThat(sanitation.get("score").asDouble()).isEqualTo(73.3);
            assertThat(sanitation.get("grade").asString()).isEqualTo("C");

            JsonNode persons = sheet("500104", period, "person", "dadukou");
            assertThat(persons.size()).isEqualTo(3);
            // collector xinshancun verified all four (3 registered, B late) and checked A and B on time:
            // 20 x 0.75 + 50 x 0.75 + 30 x 1 = 82.5 → B
            JsonNode collector = find(persons, "xinshancun", "COLLECTOR");
            assertThat(collector.get("subject").get("name").asString()).as("a person by the name the account is shown by")
                    .isEqualTo("新山村街道综合协调岗");
            assertThat(collector.get("rates").get("registrationRate").asDouble()).isEqualTo(0.75);
            assertThat(collector.get("rates").get("onTimeVerificationRate").asDouble()).isEqualTo(0.75);
            assertThat(collector.get("rates").get("onTimeCheckRate").asDouble()).isEqualTo(1.0);
            assertThat(collector.get("score").asDouble()).isEqualTo(82.5);
            assertThat(collector.get("grade").asString()).isEqualTo("B");
            // dispatcher xinshancun registered A B C on time; their first dispatches were automatic (nobody's)
            JsonNode dispatcher = find(persons, "xinshancun", "DISPATCHER");
            assertThat(dispatcher.get("rates").properties().stream().map(e -> e.getKey()).toList()).containsExactly("onTimeRegistrationRate");
            assertThat(dispatcher.get("score").asDouble()).isEqualTo(100.0);
            assertThat(dispatcher.get("grade").asString()).isEqualTo("A");
            // handler sanitation.dadukou accepted A B C: 30 x 1 + 40 x 0.6667 + 15 x 0.6667 + 15 x 0.6667 = 76.669 → 76.7, C
            JsonNode handler = find(persons, "sanitation.dadukou", "HANDLER");
            assertThat(handler.get("rates").get("onTimeDisposalRate").asDouble()).isEqualTo(0.6667);
            assertThat(handler.get("rates").get("reworkRate").asDouble()).isEqualTo(0.3333);
            assertThat(handler.get("score").asDouble()).isEqualTo(76.7);
            assertThat(handler.get("grade").asString()).isEqualTo("C");
        }

        // counting a case again changes nothing
        figures.refresh(CaseId.parse(b));
        assertThat(find(sheet(GRID, "2023-07", "grid", "dadukou"), GRID, null).get("counts").get("REWORKED").asLong()).isEqualTo(1);
        // the next day and month hold none of them
        assertThat(sheet("500104", "2023-07-13", "district", "dadukou").size()).isZero();
        assertThat(sheet("500104", "2023-08", "person", "dadukou").size()).isZero();
    }

    @Test
    void scopedAndCheckedLikeEveryRead() {
        assertThat(get("/api/v1/evaluation/scorecards?unit=500106004&period=2023-07&by=grid", "xinshancun").json()
                .get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(get("/api/v1/evaluation/scorecards?unit=500106004&period=2023-07&by=grid", "xinshancun").status()).isEqualTo(403);
        assertThat(get("/api/v1/evaluation/scorecards?unit=500104001&period=2023-07&by=grid", "citizen").status()).isEqualTo(403);
        for (String period : List.of("2023-13", "2023-W54", "2023-02-30", "yesterday", "2023-Q5", "")) {
            Response r = get("/api/v1/evaluation/scorecards?unit=500104001&period=" + period + "&by=grid", "xinshancun");
            assertThat(r.status()).as(period).isEqualTo(400);
            assertThat(r.json().get("code").asString()).isEqualTo("INVALID_PERIOD");
        }
        // this month, by grid, when not said
        assertThat(get("/api/v1/evaluation/scorecards?unit=500104001", "xinshancun").json().get("by").asString()).isEqualTo("grid");
        Response unknownBy = get("/api/v1/evaluation/scorecards?unit=500104001&period=2023-07&by=road", "xinshancun");
        assertThat(unknownBy.status()).isEqualTo(400);
        assertThat(unknownBy.json().get("code").asString()).isEqualTo("INVALID_BY");
        assertThat(get("/api/v1/evaluation/scorecards?unit=500104001&period=2023-07&by=district", "xinshancun").json()
                .get("code").asString()).isEqualTo("INVALID_BY");
        assertThat(get("/api/v1/evaluation/scorecards?unit=5001x&period=2023-07&by=grid", "xinshancun").json()
                .get("code").asString()).isEqualTo("INVALID_UNIT_CODE");
        assertThat(get("/api/v1/evaluation/scorecards?unit=500104001&period=2023-07&by=grid", null).status()).isEqualTo(401);
    }
}
