package civicgrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import civicgrid.cases.app.CaseWorkflow;
import civicgrid.evaluation.app.CaseFigures;
import civicgrid.geo.GeoApi;
import civicgrid.support.HandComputedCases;
import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The five indices as shipped (5 / 17 / 134) computed for a street's month holding only the
 * hand-computed example (moved to 12 May 2021), drilled down to the cases behind a rate, with an
 * imported value; trees refused by name; imports checked row by row.
 */
class IndicesHttpTest extends IntegrationTest {

    @Autowired
    GeoApi geo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseWorkflow workflow;
    @Autowired
    CaseFigures figures;

    private static JsonNode node(JsonNode nodes, String code) {
        for (JsonNode n : nodes) {
            if (n.get("code").asString().equals(code)) {
                return n;
            }
            if (n.has("children") && code.startsWith(n.get("code").asString())) {
                JsonNode found = node(n.get("children"), code);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void theShippedTreeHasAllFiveIndicesWith17And134Indicators() {
        JsonNode tree = get("/api/v1/evaluation/indices/tree", "dadukou").json();
        List<JsonNode> nodes = new ArrayList<>();
        tree.get("nodes").forEach(nodes::add);
        List<String> roots = nodes.stream().filter(n -> n.path("parent").isMissingNode() || n.path("parent").isNull()).map(n -> n.get("nameZh").asString()).toList();
        assertThat(roots).containsExactly("发展指数", "建设指数", "运维指数", "服务指数", "健康指数");
        long second = nodes.stream().filter(n -> !n.get("source").asString().equals("NONE")).count();
        assertThat(nodes.size() - roots.size() - second).isEqualTo(17);
        assertThat(second).isEqualTo(134);
        assertThat(nodes.stream().filter(n -> List.of("CASE", "DUTY", "SENSING").contains(n.get("source").asString())).count())
                .isEqualTo(21);
    }

    @Test
    void aStreetsMonthDrilledDownToTheCasesBehindAnIndicator() {
        HandComputedCases.Example example = HandExamples.driveAndMove(this, geo, jdbc, workflow, figures, HandExamples.community(geo, 3),
                "2021-05-12 10:00+08", null);
        Response r = get("/api/v1/evaluation/indices?unit=500104001&month=2021-05", "xinshancun");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode indices = r.json().get("indices");
        assertThat(indices.size()).isEqualTo(5);
        // second-level indicators read the street's month: registered 3 of 4 reported
        assertThat(node(indices, "OPS1.01").get("raw").asDouble()).isEqualTo(0.75);
        assertThat(node(indices, "OPS1.01").get("score").asDouble()).isEqualTo(75.0);
        assertThat(node(indices, "DEV1.01").get("raw").asDouble()).isEqualTo(3.0);
        // A and B closed and both rated: 2 / 2
        assertThat(node(indices, "DEV3.01").get("raw").asDouble()).isEqualTo(1.0);
        // OPS3 (eight indicators of 12.5): on-time check 100 and closure 66.7 have values, the six imported ones none yet:
        // (12.5 x 100 + 12.5 x 66.7) / 25 = 83.35
        assertThat(node(indices, "OPS3").get("score").asDouble()).isCloseTo(83.35, within(0.06));
        assertThat(node(indices, "OPS3.03").path("score").isMissingNode()).as("no value: no score").isTrue();

        // an imported value joins: (100 + 66.7 + 40) / 3 = 68.9
        Response imported = postJson("/api/v1/evaluation/indices/imports", "xinshancun",
                "{\"items\":[{\"indicator\":\"OPS3.03\",\"unit\":\"500104001\",\"month\":\"2021-05\",\"value\":40}]}");
        assertThat(imported.status()).as("a street center does not import").isEqualTo(403);
        imported = postJson("/api/v1/evaluation/indices/imports", "dadukou",
                "{\"items\":[{\"indicator\":\"OPS3.03\",\"unit\":\"500104001\",\"month\":\"2021-05\",\"value\":40}]}");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        indices = get("/api/v1/evaluation/indices?unit=500104001&month=2021-05", "xinshancun").json().get("indices");
        assertThat(node(indices, "OPS3").get("score").asDouble()).isCloseTo(68.9, within(0.06));

        // the same from CSV, and its refusals name the row
        Response csv = send(HttpRequest.newBuilder(URI.create(url("/api/v1/evaluation/indices/imports.csv")))
                .header("Authorization", basic("dadukou", "demo")).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("indicator,unit,month,value\nOPS3.03,500104001,2021-05,70\n")).build());
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        indices = get("/api/v1/evaluation/indices?unit=500104001&month=2021-05", "xinshancun").json().get("indices");
        assertThat(node(indices, "OPS3.03").get("raw").asDouble()).isEqualTo(70.0);
        Response refused = postJson("/api/v1/evaluation/indices/imports", "dadukou",
                "{\"items\":[{\"indicator\":\"OPS3.03\",\"unit\":\"500104001\",\"month\":\"2021-05\",\"value\":1},"
                        + "{\"indicator\":\"OPS1.01\",\"unit\":\"500104001\",\"month\":\"2021-05\",\"value\":1}]}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("IMPORT_NOT_AN_IMPORTED_INDICATOR");
        assertThat(refused.json().get("detail").asString()).startsWith("Row 2: 'OPS1.01'");
        // the row and the indicator also as values, for the page's own words
        assertThat(refused.json().get("row").asInt()).isEqualTo(2);
        assertThat(refused.json().get("indicator").asString()).isEqualTo("OPS1.01");
        assertThat(postJson("/api/v1/evaluation/indices/imports", "dadukou",
                "{\"items\":[{\"indicator\":\"OPS3.03\",\"unit\":\"500106001\",\"month\":\"2021-05\",\"value\":1}]}").status()).isEqualTo(403);

        // drill-down: the four cases reported that month, three of them registered
        JsonNode behind = get("/api/v1/evaluation/indices/indicators/OPS1.01?unit=500104001&month=2021-05", "xinshancun").json();
        assertThat(behind.get("indicator").get("raw").asDouble()).isEqualTo(0.75);
        assertThat(behind.get("cases").size()).isEqualTo(4);
        Map<String, List<String>> measures = new LinkedHashMap<>();
        behind.get("cases").forEach(c -> measures.put(c.get("id").asString(), c.get("measures").valueStream().map(JsonNode::asString).toList()));
        assertThat(measures.get(example.a())).containsExactly("REPORTED", "REPORTED_REGISTERED");
        assertThat(measures.get(example.d())).containsExactly("REPORTED");
        JsonNode importedBehind = get("/api/v1/evaluation/indices/indicators/OPS3.03?unit=500104001&month=2021-05", "xinshancun").json();
        assertThat(importedBehind.get("importedBy").asString()).isEqualTo("dadukou");
        assertThat(importedBehind.get("importedByName").asString()).as("the importer as people are shown").isEqualTo("大渡口区城运中心值班员");
        // the district's month holds the same cases
        assertThat(node(get("/api/v1/evaluation/indices?unit=500104&month=2021-05", "dadukou").json().get("indices"), "OPS1.01")
                .get("raw").asDouble()).isEqualTo(0.75);
        assertThat(jdbc.queryForObject("select count(*) from audit.entry where action = 'INDEX_VALUES_IMPORTED'", Long.class)).isPositive();
    }

    private static Map<String, Object> n(String code, String parent, double weight, String source, String ref) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("parent", parent);
        m.put("nameZh", code + "名");
        m.put("nameEn", code + " name");
        m.put("weight", weight);
        m.put("direction", "UP");
        m.put("normalisation", source.equals("NONE") ? "NONE" : "RATIO");
        m.put("lo", 0);
        m.put("hi", 1);
        m.put("source", source);
        m.put("sourceRef", ref);
        return m;
    }

    private Response addTree(String user, String validFrom, List<Map<String, Object>> nodes) {
        return postJson("/api/v1/evaluation/indices/tree", user, JSON.writeValueAsString(Map.of("validFrom", validFrom, "note", "test",
                "nodes", nodes)));
    }

    @Test
    void treesAreVersionedAndRefusedTreesNameTheNode() {
        List<Map<String, Object>> tree = new ArrayList<>(List.of(n("X", null, 100, "NONE", null), n("F", "X", 100, "NONE", null),
                n("L1", "F", 70, "CASE", "rate:closureRate"), n("L2", "F", 30, "IMPORTED", null)));
        List<Map<String, Object>> wrong = new ArrayList<>(tree);
        wrong.set(3, n("L2", "F", 20, "IMPORTED", null));
        Response r = addTree("city", "2995-01-01", wrong);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asString()).isEqualTo("INDEX_WEIGHTS_NOT_100");
        assertThat(r.json().get("detail").asString()).isEqualTo("The weights under F add up to 90.0, not 100.");
        wrong = new ArrayList<>(tree);
        wrong.set(3, n("L2", "F", 30, "HOROSCOPE", null));
        assertThat(addTree("city", "2995-01-01", wrong).json().get("detail").asString()).startsWith("Node L2 has source 'HOROSCOPE'");
        wrong = new ArrayList<>(tree);
        wrong.set(1, n("F", "L1", 100, "NONE", null));
        assertThat(addTree("city", "2995-01-01", wrong).json().get("code").asString()).isEqualTo("INDEX_CYCLE");
        assertThat(addTree("dadukou", "2995-01-01", tree).status()).isEqualTo(403);
        assertThat(addTree("city", "2000-01-01", tree).json().get("code").asString()).isEqualTo("INDEX_VALID_FROM");

        Response added = addTree("city", "2995-01-01", tree);
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        int version = added.json().get("version").get("version").asInt();
        assertThat(get("/api/v1/evaluation/indices?unit=500104&month=2995-01", "dadukou").json().get("treeVersion").asInt()).isEqualTo(version);
        assertThat(get("/api/v1/evaluation/indices?unit=500104&month=2021-05", "dadukou").json().get("treeVersion").asInt()).isEqualTo(1);
        assertThat(get("/api/v1/evaluation/indices/tree?on=2995-02-01", "dadukou").json().get("nodes").size()).isEqualTo(4);
        assertThat(jdbc.queryForObject("select count(*) from audit.entry where action = 'INDEX_TREE_ADDED' and target_id = ?", Long.class,
                String.valueOf(version))).isEqualTo(1);
    }

    @Test
    void scopedAndChecked() {
        assertThat(get("/api/v1/evaluation/indices?unit=500106&month=2021-05", "dadukou").status()).isEqualTo(403);
        assertThat(get("/api/v1/evaluation/indices?unit=500104&month=2021-05", "citizen").status()).isEqualTo(403);
        assertThat(get("/api/v1/evaluation/indices?unit=500104001001&month=2021-05", "dadukou").json().get("code").asString())
                .isEqualTo("INVALID_UNIT_LEVEL");
        assertThat(get("/api/v1/evaluation/indices?unit=500104&month=2021-13", "dadukou").json().get("code").asString())
                .isEqualTo("INVALID_MONTH");
        assertThat(get("/api/v1/evaluation/indices/indicators/NOPE?unit=500104&month=2021-05", "dadukou").status()).isEqualTo(404);
        assertThat(get("/api/v1/evaluation/indices?unit=500104&month=2021-05", null).status()).isEqualTo(401);
    }
}
