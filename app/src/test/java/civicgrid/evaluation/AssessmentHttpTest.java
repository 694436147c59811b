package civicgrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import civicgrid.cases.app.CaseWorkflow;
import civicgrid.evaluation.app.CaseFigures;
import civicgrid.evaluation.domain.SubjectKind;
import civicgrid.geo.GeoApi;
import civicgrid.geo.UnitCode;
import civicgrid.support.HandComputedCases;
import civicgrid.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * One assessment, three uses on the hand-computed example (four cases A–D, see
 * {@link HandComputedCases}) moved to 9 March 2022, a day no other case has, and laid on one road
 * segment; a frontage-duty shop with two problems that month and one the next.
 */
class AssessmentHttpTest extends IntegrationTest {

    @Autowired
    GeoApi geo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    CaseFigures figures;

    private JsonNode sheet(String unit, String period, String of) {
        Response r = get("/api/v1/evaluation/assessments?unit=" + unit + "&period=" + period + "&of=" + of, "dadukou");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode find(JsonNode sheet, String code) {
        for (JsonNode item : sheet.get("items")) {
            if (item.get("subject").get("code").asString().equals(code)) {
                return item;
            }
        }
        throw new AssertionError("no " + code + " in " + sheet);
    }

    @Test
    void segmentsTradesPersonsAndShopsScoredByHand() {
        String segment = geo.roadSegments(UnitCode.of("500104001")).get(0).code();
        HandComputedCases.Example example = HandExamples.driveAndMove(this, geo, jdbc, workflow, figures, HandExamples.community(geo, 2),
                "2022-03-09 10:00+08", segment);
        String grid = HandExamples.gridOf(jdbc, example.a());

        // a segment is scored like a unit (its chief answers for every rate of the cases on it): 73.335 → C, as the grid is
        JsonNode segments = sheet("500104", "2022-03", "segment");
        assertThat(segments.get("items").size()).isEqualTo(1);
        JsonNode s = find(segments, segment);
        assertThat(s.get("score").asDouble()).isCloseTo(73.35, within(0.06));
        assertThat(s.get("grade").asString()).isEqualTo("C");
        assertThat(s.get("basis").get("onTimeDisposalRate").asDouble()).isEqualTo(0.6667);
        assertThat(s.get("subject").get("name").asString()).contains("路段长");

        // a trade: every sanitation instance; 25 x 1 + 35 x 0.6667 + 15 x 0.6667 + 15 x 0.6667 + 10 x 0.5 = 73.3 → C
        JsonNode trades = sheet("500104", "2022-03", "trade");
        assertThat(trades.get("items").size()).isEqualTo(1);
        assertThat(find(trades, "SANITATION").get("score").asDouble()).isEqualTo(73.3);
        assertThat(find(trades, "SANITATION").get("subject").get("kind").asString()).isEqualTo("trade");

        // a person: one score over every role. xinshancun collected (20 x 0.75 + 50 x 0.75 + 30 x 1) and dispatched (30 x 1):
        // 112.5 / 130 = 86.5 → B; sanitation.dadukou handled: 76.7 → C
        JsonNode persons = sheet("500104", "2022-03", "person");
        assertThat(persons.get("items").size()).isEqualTo(2);
        JsonNode x = find(persons, "xinshancun");
        assertThat(x.get("score").asDouble()).isEqualTo(86.5);
        assertThat(x.get("grade").asString()).isEqualTo("B");
        assertThat(x.get("basis").get("collectorScore").asDouble()).isEqualTo(82.5);
        assertThat(x.get("basis").get("dispatcherScore").asDouble()).isEqualTo(100.0);
        assertThat(find(persons, "sanitation.dadukou").get("score").asDouble()).isEqualTo(76.7);
        assertThat(persons.get("scoringVersion").asInt()).isEqualTo(1);

        // a frontage-duty shop: 100 - 2 problems x 5 = 90 → A; the April problem is not March's
        Long shop = jdbc.queryForObject("insert into duty.enterprise (grid_code, credit_code, name, kind, address, frontage_duty, lon, lat,"
                + " registered_on) values (?, '91500104ASSESS0001', '=测试门店', 'SHOP', '测试路1号', true, 106.4, 29.4, date '2020-01-01')"
                + " returning id", Long.class, grid);
        String[][] found = {{example.a(), "2022-03-09 11:00+08"}, {example.b(), "2022-03-31 23:00+08"}, {example.c(), "2022-04-01 00:30+08"}};
        for (String[] f : found) {
            jdbc.update("insert into duty.frontage_record (enterprise_id, case_id, case_number, category_code, grid_code, lon, lat,"
                    + " distance_m, found_at) values (?, ?::uuid, 'CG-test', 'E0101', ?, 106.4, 29.4, 3, ?::timestamptz)", shop, f[0], grid, f[1]);
        }
        JsonNode shops = sheet(grid, "2022-03", "shop");
        JsonNode mine = find(shops, String.valueOf(shop));
        assertThat(mine.get("score").asDouble()).isEqualTo(90.0);
        assertThat(mine.get("grade").asString()).isEqualTo("A");
        assertThat(mine.get("basis").get("frontageProblems").asDouble()).isEqualTo(2.0);
        assertThat(find(sheet(grid, "2022-04", "shop"), String.valueOf(shop)).get("score").asDouble()).isEqualTo(95.0);

        // exported for awards, pay and funding: CSV that Excel opens, formulas defused, audited
        Response csv = get("/api/v1/evaluation/assessments.csv?unit=500104&period=2022-03&of=person", "dadukou");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFperiod,unit,of,code,name,name_en,score,grade,scoring_version,collectorScore,dispatcherScore");
        assertThat(csv.body()).contains("2022-03,500104,person,xinshancun,").contains(",86.5,B,1,82.5,100");
        assertThat(get("/api/v1/evaluation/assessments.csv?unit=" + grid + "&period=2022-03&of=shop", "dadukou").body())
                .contains(",'=测试门店,");
        assertThat(jdbc.queryForObject("select count(*) from audit.entry where action = 'ASSESSMENT_EXPORTED'", Long.class)).isPositive();
        assertThat(csv.body().getBytes(StandardCharsets.UTF_8).length).isPositive();
    }

    private static Map<String, Object> draft(String validFrom, Map<String, Map<String, Double>> weights) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("validFrom", validFrom);
        d.put("weights", weights);
        d.put("bands", Map.of("A", 95, "B", 85, "C", 75, "D", 65));
        d.put("shopPenalty", 10);
        d.put("note", "test version");
        return d;
    }

    private static Map<String, Map<String, Double>> equalWeights() {
        Map<String, Map<String, Double>> w = new LinkedHashMap<>();
        for (SubjectKind kind : SubjectKind.values()) {
            Map<String, Double> rates = new LinkedHashMap<>();
            kind.rates().forEach(r -> rates.put(r.key(), 1.0));
            w.put(kind.name(), rates);
        }
        return w;
    }

    @Test
    void weightsAreVersionedDataAddedByTheCityCenterAndRefusedDraftsSayWhy() {
        Map<String, Map<String, Double>> wrong = equalWeights();
        wrong.get("DEPARTMENT").put("registrationRate", 10.0);
        Response refused = postJson("/api/v1/evaluation/scoring-versions", "city", JSON.writeValueAsString(draft("2990-01-01", wrong)));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("SCORING_RATE_NOT_OF_KIND");
        assertThat(refused.body()).contains("DEPARTMENT: registrationRate is not a rate of this kind.");
        assertThat(postJson("/api/v1/evaluation/scoring-versions", "city", JSON.writeValueAsString(draft("2000-01-01", equalWeights())))
                .json().get("code").asString()).isEqualTo("SCORING_VALID_FROM");
        assertThat(postJson("/api/v1/evaluation/scoring-versions", "dadukou", JSON.writeValueAsString(draft("2990-01-01", equalWeights())))
                .status()).isEqualTo(403);
        assertThat(postJson("/api/v1/evaluation/scoring-versions", "city", "{\"validFrom\":\"soon\"}").status()).isEqualTo(400);

        Response added = postJson("/api/v1/evaluation/scoring-versions", "city", JSON.writeValueAsString(draft("2990-01-01", equalWeights())));
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        int version = added.json().get("version").asInt();
        assertThat(added.json().get("bands").asString()).isEqualTo("A:95,B:85,C:75,D:65");
        assertThat(added.json().get("createdBy").asString()).isEqualTo("city");
        assertThat(sheet("500104", "2990-01", "trade").get("scoringVersion").asInt()).isEqualTo(version);
        assertThat(sheet("500104", "2022-03", "trade").get("scoringVersion").asInt()).isEqualTo(1);
        List<Integer> versions = get("/api/v1/evaluation/scoring-versions", "dadukou").json().get("items").valueStream()
                .map(v -> v.get("version").asInt()).toList();
        assertThat(versions).contains(1, version);
        JsonNode listed = get("/api/v1/evaluation/scoring-versions", "dadukou").json().get("items").get(0);
        assertThat(listed.get("weights").get("DEPARTMENT").get("onTimeDisposalRate").asDouble()).isEqualTo(35.0);
        assertThat(listed.get("weights").get("TRADE").get("onTimeDisposalRate").asDouble()).isEqualTo(35.0);
        assertThat(jdbc.queryForObject("select count(*) from audit.entry where action = 'SCORING_VERSION_ADDED' and target_id = ?",
                Long.class, String.valueOf(version))).isEqualTo(1);
    }

    @Test
    void scopedAndChecked() {
        assertThat(get("/api/v1/evaluation/assessments?unit=500106&period=2022-03&of=person", "dadukou").status()).isEqualTo(403);
        assertThat(get("/api/v1/evaluation/assessments?unit=500104&period=2022-03&of=person", "citizen").status()).isEqualTo(403);
        assertThat(get("/api/v1/evaluation/assessments?unit=500104&period=2022-03&of=mayor", "dadukou").json().get("code").asString())
                .isEqualTo("INVALID_OF");
        assertThat(get("/api/v1/evaluation/assessments?unit=500104&period=march&of=person", "dadukou").json().get("code").asString())
                .isEqualTo("INVALID_PERIOD");
        assertThat(get("/api/v1/evaluation/assessments.csv?unit=500104&period=2022-03&of=person", null).status()).isEqualTo(401);
    }
}
