package civicgrid.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.cases.CaseId;
import civicgrid.catalog.CatalogApi;
import civicgrid.catalog.Category;
import civicgrid.evaluation.app.CaseFigures;
import civicgrid.geo.Distances;
import civicgrid.geo.GeoApi;
import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.TerritoryUnit;
import civicgrid.geo.UnitCode;
import civicgrid.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The manhole-cover scenario in district 500108 (no other test reports there): broken covers
 * reported on three roads, three each a week apart, over two months → one class of three hotspots
 * proposed to the district center; scattered covers and a mix of unrelated problems → in no class.
 * Accepting the class opens one project case naming its cases.
 */
class ClassDiscoveryHttpTest extends IntegrationTest {

    static final String DISTRICT = "500108";

    @Autowired
    GeoApi geo;
    @Autowired
    CatalogApi catalog;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CaseFigures figures;

    private String report(String category, double lon, double lat, int daysAgo) {
        Response r = postJson("/api/v1/cases", "citizen", "{\"category\":\"" + category + "\",\"description\":\"井盖破损 cover\",\"lon\":" + lon
                + ",\"lat\":" + lat + ",\"channel\":\"CITIZEN\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asString();
        jdbc.update("update cases.case_file set reported_at = reported_at - make_interval(days => ?) where id = ?::uuid", daysAgo, id);
        jdbc.update("update cases.case_event set at = at - make_interval(days => ?) where case_id = ?::uuid", daysAgo, id);
        figures.refresh(CaseId.parse(id));
        return id;
    }

    /** Interior points of grids of the district at least 1.5 km from each other. */
    private List<Point> farApartGrids(int count) {
        List<Point> out = new ArrayList<>();
        List<TerritoryUnit> queue = new ArrayList<>(geo.children(UnitCode.of(DISTRICT)));
        while (!queue.isEmpty() && out.size() < count) {
            TerritoryUnit u = queue.remove(0);
            if (u.level() != TerritoryLevel.GRID) {
                queue.addAll(geo.children(UnitCode.of(u.code())));
                continue;
            }
            Point p = geo.model().node(u.code()).orElseThrow().geometry().getInteriorPoint();
            if (out.stream().allMatch(o -> Distances.meters(o.getX(), o.getY(), p.getX(), p.getY()) > 1500)) {
                out.add(p);
            }
        }
        assertThat(out).hasSize(count);
        return out;
    }

    private JsonNode classes(String user) {
        Response r = get("/api/v1/evaluation/classes?unit=" + DISTRICT, user);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("items");
    }

    private static Set<String> ids(JsonNode klass) {
        Set<String> out = new HashSet<>();
        klass.get("caseIds").forEach(n -> out.add(n.asString()));
        return out;
    }

    @Test
    void coversOnThreeRoadsMakeOneClassAndNoiseNone() {
        List<Point> places = farApartGrids(5);
        double step = 0.0008; // ≈ 80 m
        Set<String> covers = new HashSet<>();
        int[][] days = {{60, 53, 46}, {40, 33, 26}, {20, 13, 6}};
        for (int road = 0; road < 3; road++) {
            Point p = places.get(road);
            for (int i = 0; i < 3; i++) {
                covers.add(report(i == 1 ? "C0103" : "C0102", p.getX() + i * step, p.getY(), days[road][i]));
            }
        }
        Set<String> noise = new HashSet<>();
        // two lone covers elsewhere
        noise.add(report("C0102", places.get(3).getX(), places.get(3).getY(), 30));
        noise.add(report("C0102", places.get(4).getX(), places.get(4).getY(), 31));
        // one problem of each of six other groups at the first road, the same weeks
        List<String> others = catalog.categories(false).stream().filter(c -> !c.majorCode().equals("C01")).map(Category::code)
                .collect(java.util.stream.Collectors.groupingBy(c -> c.substring(0, 3), java.util.TreeMap::new, java.util.stream.Collectors.toList()))
                .values().stream().limit(6).map(l -> l.get(0)).toList();
        for (String category : others) {
            noise.add(report(category, places.get(0).getX() + step, places.get(0).getY(), 55));
        }

        Response ran = postJson("/api/v1/evaluation/classes/discover?unit=" + DISTRICT, "city", "");
        assertThat(ran.status()).as(ran.body()).isEqualTo(200);
        JsonNode items = classes("city");
        List<JsonNode> withCovers = new ArrayList<>();
        for (JsonNode k : items) {
            Set<String> members = ids(k);
            assertThat(members).as("noise is in no class").doesNotContainAnyElementsOf(noise);
            if (!java.util.Collections.disjoint(members, covers)) {
                withCovers.add(k);
            }
        }
        assertThat(withCovers).hasSize(1);
        JsonNode klass = withCovers.get(0);
        assertThat(ids(klass)).isEqualTo(covers);
        assertThat(klass.get("categoryCode").asString()).isEqualTo("C0102");
        assertThat(klass.get("state").asString()).isEqualTo("PROPOSED");
        assertThat(klass.get("hotspots").asInt()).isEqualTo(3);
        String id = klass.get("id").asString();

        // discovery again updates the proposal instead of adding one
        postJson("/api/v1/evaluation/classes/discover?unit=" + DISTRICT, "city", "");
        assertThat(classes("city").findValues("id").stream().filter(n -> n.asString().equals(id)).count()).isEqualTo(1);
        assertThat(classes("city").size()).isEqualTo(items.size());

        // scoped: another district's operator neither sees nor decides it; a street operator does not decide
        assertThat(get("/api/v1/evaluation/classes?unit=" + DISTRICT, "dadukou").json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(postJson("/api/v1/evaluation/classes/" + id + "/accept", "dadukou", "{}").json().get("code").asString())
                .isEqualTo("OUT_OF_SCOPE");
        assertThat(postJson("/api/v1/evaluation/classes/" + id + "/accept", "xinshancun", "{}").status()).isEqualTo(403);
        assertThat(postJson("/api/v1/evaluation/classes/" + UUID.randomUUID() + "/accept", "city", "{}").status()).isEqualTo(404);
        assertThat(postJson("/api/v1/evaluation/classes/not-an-id/accept", "city", "{}").json().get("code").asString())
                .isEqualTo("INVALID_CLASS_ID");
        // below the district: the class with its cases inside the unit only
        String street = get("/api/v1/cases/" + covers.iterator().next(), "city").json().get("place").get("streetCode").asString();
        Set<String> inStreet = new HashSet<>();
        for (String cover : covers) {
            if (get("/api/v1/cases/" + cover, "city").json().get("place").get("streetCode").asString().equals(street)) {
                inStreet.add(cover);
            }
        }
        JsonNode narrowed = null;
        for (JsonNode k : get("/api/v1/evaluation/classes?unit=" + street, "city").json().get("items")) {
            if (k.get("id").asString().equals(id)) {
                narrowed = k;
            }
        }
        assertThat(narrowed).isNotNull();
        assertThat(ids(narrowed)).isEqualTo(inStreet);
        assertThat(postJson("/api/v1/evaluation/classes/discover?unit=" + street, "city", "").json().get("code").asString())
                .isEqualTo("INVALID_UNIT_LEVEL");

        Response accepted = postJson("/api/v1/evaluation/classes/" + id + "/accept", "city", "{\"reason\":\"replace resin covers with cast iron\"}");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().get("state").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().get("decidedBy").asString()).isEqualTo("city");
        String project = accepted.json().get("projectCaseId").asString();
        JsonNode projectCase = get("/api/v1/cases/" + project, "city").json();
        assertThat(projectCase.get("category").get("code").asString()).isEqualTo("C0102");
        assertThat(projectCase.get("place").get("districtCode").asString()).isEqualTo(DISTRICT);
        for (String cover : covers) {
            String number = get("/api/v1/cases/" + cover, "city").json().get("number").asString();
            assertThat(projectCase.get("description").asString()).contains(number);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit.entry where action = 'PROBLEM_CLASS_ACCEPTED' and target_id = ?",
                Long.class, id)).isEqualTo(1);
        assertThat(postJson("/api/v1/evaluation/classes/" + id + "/accept", "city", "{}").json().get("code").asString())
                .isEqualTo("CLASS_ALREADY_DECIDED");

        // accepted, its cases are not proposed again
        postJson("/api/v1/evaluation/classes/discover?unit=" + DISTRICT, "city", "");
        for (JsonNode k : classes("city")) {
            if (!k.get("id").asString().equals(id)) {
                assertThat(ids(k)).doesNotContainAnyElementsOf(covers);
            }
        }
        // discovery also runs by itself
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = 'evaluation-class-discovery'", Long.class))
                .isEqualTo(1);
    }
}
