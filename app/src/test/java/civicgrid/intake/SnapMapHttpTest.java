package civicgrid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.UnitCode;
import civicgrid.support.IntegrationTest;
import civicgrid.support.Multipart;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** What the residents' map reads without an account: places by name, outlines, open reports nearby; and "I see it too". */
class SnapMapHttpTest extends IntegrationTest {

    @Autowired
    GeoApi geo;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void placesAreFoundByNameWithTheirParentsAndBadQueriesAreRefused() {
        JsonNode hits = get("/api/v1/public/snap/places?q=" + enc("钢花社区"), null).json();
        List<String> codes = hits.findValuesAsString("code");
        assertThat(codes).contains("500104001004");
        JsonNode ganghua = hits.get(codes.indexOf("500104001004"));
        assertThat(ganghua.get("name").asString()).isEqualTo("钢花社区");
        assertThat(ganghua.get("level").asString()).isEqualTo("COMMUNITY");
        assertThat(ganghua.get("within").asString()).isEqualTo("新山村街道 · 大渡口区");
        assertThat(geo.locate(ganghua.get("lon").asDouble(), ganghua.get("lat").asDouble())).isPresent();
        assertThat(get("/api/v1/public/snap/places?q=" + enc("新山村"), null).json().get(0).get("code").asString())
                .as("the street before its namesake communities").isEqualTo("500104001");
        assertThat(get("/api/v1/public/snap/places?q=" + enc("没有这个地方的名字"), null).json().size()).isZero();

        for (String bad : List.of("", "%20", enc("地".repeat(31)))) {
            Response r = get("/api/v1/public/snap/places?q=" + bad, null);
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("code").asString()).isEqualTo("INVALID_QUERY");
        }
        assertThat(get("/api/v1/public/snap/places", null).json().get("code").asString()).isEqualTo("INVALID_QUERY");
    }

    @Test
    void outlinesOfTheCityDistrictsAndStreetsAreOpenAndBadCodesAreRefused() {
        JsonNode city = get("/api/v1/public/geo/outlines.geojson", null).json();
        assertThat(city.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(city.get("features").size()).isEqualTo(38);
        JsonNode dadukou = get("/api/v1/public/geo/outlines.geojson?code=500104", null).json();
        assertThat(dadukou.get("features").findValuesAsString("name")).contains("新山村街道");
        assertThat(get("/api/v1/public/geo/outlines.geojson?code=500104001", null).json().get("features").findValuesAsString("name"))
                .contains("钢花社区");
        Response bad = get("/api/v1/public/geo/outlines.geojson?code=" + enc("<x>"), null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("code").asString()).isEqualTo("INVALID_UNIT");
        assertThat(get("/api/v1/public/geo/outlines.geojson?code=500104001001001", null).status()).as("grids are not listed").isEqualTo(400);
        assertThat(get("/api/v1/public/geo/outlines.geojson?code=500199", null).json().get("code").asString()).isEqualTo("UNKNOWN_UNIT");
    }

    @Test
    void openReportsNearAPointShowNothingPersonal() {
        var unit = geo.requireUnit(UnitCode.of("500104001004002"));
        double lon = unit.centroidLon() + 0.0004;
        double lat = unit.centroidLat();
        String marker = "附近测试" + UUID.randomUUID().toString().substring(0, 6);
        JsonNode c = postJson("/api/v1/cases", "citizen", "{\"category\":\"C0206\",\"description\":\"" + marker
                + " 人行道坑洼，联系我13912345678 身份证500104198510101234\",\"lon\":" + lon + ",\"lat\":" + lat + ",\"channel\":\"CITIZEN\"}")
                .json();
        Response r = get("/api/v1/public/snap/nearby?lon=" + unit.centroidLon() + "&lat=" + unit.centroidLat(), null);
        assertThat(r.status()).isEqualTo(200);
        List<JsonNode> mine = new ArrayList<>();
        r.json().forEach(n -> {
            if (n.get("description").asString().startsWith(marker)) {
                mine.add(n);
            }
        });
        assertThat(mine).hasSize(1);
        JsonNode n = mine.get(0);
        assertThat(Set.copyOf(n.propertyNames())).isEqualTo(Set.of("category", "categoryNameZh", "categoryNameEn", "state",
                "distanceMeters", "reportedAt", "description", "lon", "lat"));
        assertThat(n.get("category").asString()).isEqualTo("C0206");
        assertThat(n.get("state").asString()).isEqualTo("REPORTED");
        assertThat(n.get("distanceMeters").asInt()).isBetween(30, 50);
        assertThat(n.get("description").asString()).contains("139****5678").doesNotContain("13912345678").doesNotContain("500104198510101234");
        assertThat(r.body()).doesNotContain(c.get("id").asString()).doesNotContain(c.get("number").asString()).doesNotContain("citizen");
        // nearest first, all within 500 m
        List<Integer> distances = r.json().findValuesAsString("distanceMeters").stream().map(Integer::valueOf).toList();
        assertThat(distances).isSorted().allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(500));

        for (String bad : List.of("lon=" + lon, "lon=abc&lat=29.5", "lon=200&lat=29.5", "lon=NaN&lat=29.5")) {
            Response refused = get("/api/v1/public/snap/nearby?" + bad, null);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isIn("LOCATION_REQUIRED", "INVALID_COORDINATES");
        }
    }

    @Test
    void iSeeItTooJoinsTheOpenReportShownEvenWhenItIsOlderThanADay() {
        var unit = geo.requireUnit(UnitCode.of("500104001004003"));
        double lon = unit.centroidLon();
        double lat = unit.centroidLat() + 0.0003;
        JsonNode old = postJson("/api/v1/cases", "citizen", "{\"category\":\"C0109\",\"description\":\"老问题 路灯不亮\",\"lon\":" + lon
                + ",\"lat\":" + lat + ",\"channel\":\"CITIZEN\"}").json();
        jdbc.update("update cases.case_file set reported_at = reported_at - interval '3 days' where id = ?::uuid", old.get("id").asString());
        JsonNode shown = null;
        for (JsonNode n : get("/api/v1/public/snap/nearby?lon=" + lon + "&lat=" + lat, null).json()) {
            if (n.get("description").asString().equals("老问题 路灯不亮") && n.get("distanceMeters").asInt() <= 1) {
                shown = n;
            }
        }
        assertThat(shown).isNotNull();

        JsonNode joined = submit(shown, true);
        assertThat(joined.get("joined").asBoolean()).isTrue();
        assertThat(joined.get("number").asString()).isEqualTo(old.get("number").asString());
        JsonNode separate = submit(shown, false);
        assertThat(separate.get("joined").asBoolean()).as("the automatic rule looks back 24 hours only").isFalse();
        assertThat(separate.get("number").asString()).isNotEqualTo(old.get("number").asString());
    }

    private JsonNode submit(JsonNode shown, boolean alsoSeen) {
        Multipart form = new Multipart().field("deviceId", "dev-" + UUID.randomUUID()).field("description", "我也遇到了这个问题")
                .field("lon", shown.get("lon").asString()).field("lat", shown.get("lat").asString())
                .field("category", shown.get("category").asString()).field("alsoSeen", String.valueOf(alsoSeen));
        Response r = send(HttpRequest.newBuilder(URI.create(url("/api/v1/public/snap/reports"))).header("Content-Type", form.contentType())
                .POST(form.publisher()).build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void aSignedInResidentListsTheirOwnReportsAndNobodyElseDoes() {
        assertThat(get("/api/v1/public/snap/reports", null).json().size()).isZero();
        assertThat(get("/api/v1/public/snap/reports", "xinshancun").json().size()).as("only residents have reports of their own").isZero();
        assertThat(get("/api/v1/public/snap/reports", "citizen").status()).isEqualTo(200);
    }
}
