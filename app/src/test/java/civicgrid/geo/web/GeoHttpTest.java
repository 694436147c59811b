package civicgrid.geo.web;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.geo.domain.TerritoryModel;
import civicgrid.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The geo API over HTTP: the locate contract, bad input, scope, tree, search, GeoJSON, road segments. */
class GeoHttpTest extends IntegrationTest {

    @Autowired
    GeoApi geo;

    private Point insideOf(String code) {
        return geo.model().node(code).orElseThrow().geometry().getInteriorPoint();
    }

    @Test
    void locateFollowsTheContract() {
        Point p = insideOf("500106004001001");
        Response r = get("/api/v1/geo/locate?lon=" + p.getX() + "&lat=" + p.getY(), "citizen");
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("grid").get("code").asString()).isEqualTo("500106004001001");
        assertThat(body.get("grid").get("name").asString()).endsWith("第1网格");
        assertThat(body.get("community").get("code").asString()).isEqualTo("500106004001");
        assertThat(body.get("street").get("code").asString()).isEqualTo("500106004");
        assertThat(body.get("street").get("name").asString()).isEqualTo("磁器口街道");
        assertThat(body.get("district").get("code").asString()).isEqualTo("500106");
        assertThat(body.get("district").get("name").asString()).isEqualTo("沙坪坝区");
    }

    @Test
    void locateOutsideTheCityIs404WithACode() {
        Response r = get("/api/v1/geo/locate?lon=116.40&lat=39.90", "citizen");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).contains("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo("OUTSIDE_CITY");
        assertThat(r.json().get("detail").asString()).contains("outside");
    }

    @Test
    void badCoordinatesAre400WithClearCodes() {
        assertThat(codeOf(get("/api/v1/geo/locate?lon=abc&lat=29.5", "citizen"), 400)).isEqualTo("INVALID_PARAMETER");
        assertThat(codeOf(get("/api/v1/geo/locate?lon=200&lat=29.5", "citizen"), 400)).isEqualTo("INVALID_COORDINATES");
        assertThat(codeOf(get("/api/v1/geo/locate?lon=106.5&lat=-91", "citizen"), 400)).isEqualTo("INVALID_COORDINATES");
        assertThat(codeOf(get("/api/v1/geo/locate?lon=NaN&lat=29.5", "citizen"), 400)).isEqualTo("INVALID_COORDINATES");
        assertThat(codeOf(get("/api/v1/geo/locate?lon=106.5", "citizen"), 400)).isEqualTo("MISSING_PARAMETER");
        Response r = get("/api/v1/geo/locate?lon=abc&lat=29.5", "citizen");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at civicgrid");
    }

    @Test
    void locateNeedsAnAccount() {
        Response r = get("/api/v1/geo/locate?lon=106.5&lat=29.5", null);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void batchLocateAnswersEachPoint() {
        Point p = insideOf("500104001001001");
        Response r = postJson("/api/v1/geo/locate", "xinshancun",
                "{\"points\":[{\"lon\":" + p.getX() + ",\"lat\":" + p.getY() + "},{\"lon\":116.4,\"lat\":39.9},{\"lon\":500,\"lat\":1}]}");
        assertThat(r.status()).isEqualTo(200);
        JsonNode results = r.json();
        assertThat(results.size()).isEqualTo(3);
        assertThat(results.get(0).get("location").get("grid").get("code").asString()).isEqualTo("500104001001001");
        assertThat(results.get(1).get("error").asString()).isEqualTo("OUTSIDE_CITY");
        assertThat(results.get(2).get("error").asString()).isEqualTo("INVALID_COORDINATES");
    }

    @Test
    void malformedOrOversizedBatchesAre400() {
        assertThat(codeOf(postJson("/api/v1/geo/locate", "xinshancun", "{\"points\": [ {\"lon\": 1,"), 400)).isEqualTo("MALFORMED_BODY");
        assertThat(codeOf(postJson("/api/v1/geo/locate", "xinshancun", "{\"points\": \"many\"}"), 400)).isEqualTo("MALFORMED_BODY");
        assertThat(codeOf(postJson("/api/v1/geo/locate", "xinshancun", "{\"points\": []}"), 400)).isEqualTo("VALIDATION_FAILED");
        assertThat(codeOf(postJson("/api/v1/geo/locate", "xinshancun", "{\"points\": [{\"lon\": 106.5}]}"), 400)).isEqualTo("VALIDATION_FAILED");
        StringBuilder many = new StringBuilder("{\"points\":[");
        for (int i = 0; i < 1001; i++) {
            many.append(i == 0 ? "" : ",").append("{\"lon\":106.5,\"lat\":29.5}");
        }
        assertThat(codeOf(postJson("/api/v1/geo/locate", "xinshancun", many.append("]}").toString()), 400)).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void aStreetOperatorSeesOnlyTheirStreet() {
        assertThat(get("/api/v1/geo/units/500104001", "xinshancun").status()).isEqualTo(200);
        assertThat(get("/api/v1/geo/units/500104001001001", "xinshancun").status()).isEqualTo(200);
        assertThat(codeOf(get("/api/v1/geo/units/500106004", "xinshancun"), 403)).isEqualTo("OUT_OF_SCOPE");
        assertThat(codeOf(get("/api/v1/geo/units/500106004/children", "xinshancun"), 403)).isEqualTo("OUT_OF_SCOPE");
        assertThat(codeOf(get("/api/v1/geo/units/500106004/children.geojson", "xinshancun"), 403)).isEqualTo("OUT_OF_SCOPE");
        assertThat(codeOf(get("/api/v1/geo/units/500106004/road-segments", "xinshancun"), 403)).isEqualTo("OUT_OF_SCOPE");
        assertThat(codeOf(get("/api/v1/geo/units/500104002", "xinshancun"), 403)).as("a sibling street").isEqualTo("OUT_OF_SCOPE");
        // the enclosing district is visible for breadcrumbs, but its children only where they lead to the scope
        JsonNode children = get("/api/v1/geo/units/500104/children", "xinshancun").json();
        assertThat(children.size()).isEqualTo(1);
        assertThat(children.get(0).get("code").asString()).isEqualTo("500104001");
        // and the other street operator the other way round
        assertThat(codeOf(get("/api/v1/geo/units/500104001", "ciqikou"), 403)).isEqualTo("OUT_OF_SCOPE");
        assertThat(get("/api/v1/geo/units/500106004", "ciqikou").status()).isEqualTo(200);
    }

    @Test
    void unknownAndInvalidCodesAreClear4xx() {
        assertThat(codeOf(get("/api/v1/geo/units/500104999", "city"), 404)).isEqualTo("UNKNOWN_UNIT");
        assertThat(codeOf(get("/api/v1/geo/units/12ab", "city"), 400)).isEqualTo("INVALID_UNIT_CODE");
        assertThat(codeOf(get("/api/v1/geo/units/500104/children.geojson?zoom=99", "city"), 400)).isEqualTo("INVALID_ZOOM");
        assertThat(codeOf(get("/api/v1/geo/units/500104/road-segments", "city"), 400)).isEqualTo("NOT_A_STREET");
    }

    @Test
    void theTreeStartsAtTheUsersTerritory() {
        JsonNode tree = get("/api/v1/geo/tree", "dadukou").json();
        assertThat(tree.size()).isEqualTo(1);
        assertThat(tree.get(0).get("code").asString()).isEqualTo("500104");
        assertThat(tree.get(0).get("name").asString()).isEqualTo("大渡口区");
        assertThat(tree.get(0).get("childCount").asInt()).isEqualTo(8);
        JsonNode cityTree = get("/api/v1/geo/tree", "city").json();
        assertThat(cityTree.get(0).get("childCount").asInt()).isEqualTo(38);
    }

    @Test
    void searchByNameStaysInScope() {
        JsonNode cityWide = get("/api/v1/geo/units?q=" + enc("磁器口") + "&level=STREET", "city").json();
        assertThat(cityWide.size()).isEqualTo(1);
        assertThat(cityWide.get(0).get("code").asString()).isEqualTo("500106004");
        JsonNode scoped = get("/api/v1/geo/units?q=" + enc("磁器口"), "xinshancun").json();
        assertThat(scoped.size()).isZero();
        JsonNode own = get("/api/v1/geo/units?q=" + enc("社区") + "&level=COMMUNITY&limit=50", "xinshancun").json();
        assertThat(own.size()).isEqualTo(8);
        own.forEach(u -> assertThat(u.get("code").asString()).startsWith("500104001"));
        assertThat(codeOf(get("/api/v1/geo/units?q=&level=STREET", "city"), 400)).isEqualTo("INVALID_QUERY");
        assertThat(codeOf(get("/api/v1/geo/units?q=a&level=PLANET", "city"), 400)).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void geoJsonOfChildrenIsSimplifiedByZoom() {
        Response coarse = get("/api/v1/geo/units/500104/children.geojson?zoom=9", "dadukou");
        Response fine = get("/api/v1/geo/units/500104/children.geojson?zoom=16", "dadukou");
        assertThat(coarse.status()).isEqualTo(200);
        JsonNode fc = coarse.json();
        assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(fc.get("features").size()).isEqualTo(8);
        JsonNode first = fc.get("features").get(0);
        assertThat(first.get("properties").get("code").asString()).isEqualTo("500104001");
        assertThat(first.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
        assertThat(coarse.body().length()).as("fewer vertices when zoomed out").isLessThan(fine.body().length());
    }

    @Test
    void roadSegmentsHaveChiefsWhosePhonesAreMaskedForDistrictOperators() {
        JsonNode street = get("/api/v1/geo/units/500104001/road-segments", "xinshancun").json();
        JsonNode district = get("/api/v1/geo/units/500104001/road-segments", "dadukou").json();
        assertThat(street.size()).isGreaterThan(0).isEqualTo(district.size());
        assertThat(street.get(0).get("chiefPhone").asString()).matches("1\\d{10}");
        assertThat(district.get(0).get("chiefPhone").asString()).matches("1\\d{2}\\*{4}\\d{4}");
        assertThat(street.get(0).get("code").asString()).startsWith("500104001R");
    }

    @Test
    void aPointOnARoadNamesItsSegment() {
        TerritoryModel.Road road = geo.model().roadsOfStreet("500104001").get(0);
        Coordinate mid = new org.locationtech.jts.linearref.LengthIndexedLine(road.line()).extractPoint(road.line().getLength() * 0.37);
        JsonNode body = get("/api/v1/geo/locate?lon=" + mid.x + "&lat=" + mid.y, "xinshancun").json();
        assertThat(body.get("roadSegment").get("code").asString()).isEqualTo(road.code());
        assertThat(body.get("roadSegment").get("distanceMeters").asDouble()).isLessThan(1.0);
    }

    @Test
    void locateMasksRoadChiefsLikeTheSegmentListForRolesAndTerritoriesThatShouldNotSeeThem() {
        TerritoryModel.Road road = geo.model().roadsOfStreet("500104001").get(0);
        Coordinate mid = new org.locationtech.jts.linearref.LengthIndexedLine(road.line()).extractPoint(road.line().getLength() * 0.37);
        String at = "/api/v1/geo/locate?lon=" + mid.x + "&lat=" + mid.y;
        JsonNode street = get(at, "xinshancun").json().get("roadSegment");
        JsonNode listed = get("/api/v1/geo/units/500104001/road-segments", "xinshancun").json();
        JsonNode same = null;
        for (JsonNode s : listed) {
            if (s.get("code").asString().equals(street.get("code").asString())) {
                same = s;
            }
        }
        assertThat(same).isNotNull();
        assertThat(street.get("chiefPhone").asString()).as("the street calls its chiefs").matches("1\\d{10}")
                .isEqualTo(same.get("chiefPhone").asString());
        assertThat(street.get("chiefName").asString()).isEqualTo(same.get("chiefName").asString());
        JsonNode district = get(at, "dadukou").json().get("roadSegment");
        assertThat(district.get("chiefPhone").asString()).as("masked as in the district's segment list").matches("1\\d{2}\\*{4}\\d{4}");
        for (String stranger : new String[] {"ciqikou", "citizen"}) {
            JsonNode seen = get(at, stranger).json().get("roadSegment");
            assertThat(seen.get("chiefPhone").asString()).as(stranger).matches("1\\d{2}\\*{4}\\d{4}");
            assertThat(seen.get("chiefName").asString()).as(stranger).endsWith("*").isNotEqualTo(same.get("chiefName").asString());
            assertThat(seen.get("code").asString()).isEqualTo(road.code());
        }
        JsonNode batch = postJson("/api/v1/geo/locate", "citizen", "{\"points\":[{\"lon\":" + mid.x + ",\"lat\":" + mid.y + "}]}").json();
        assertThat(batch.get(0).get("location").get("roadSegment").get("chiefPhone").asString()).matches("1\\d{2}\\*{4}\\d{4}");
        assertThat(batch.toString()).doesNotContain(street.get("chiefPhone").asString());
    }

    static String codeOf(Response r, int expectedStatus) {
        assertThat(r.status()).as(r.body()).isEqualTo(expectedStatus);
        return r.json().get("code").asString();
    }
}
