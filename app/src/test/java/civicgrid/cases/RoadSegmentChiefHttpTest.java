package civicgrid.cases;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.geo.GeoApi;
import civicgrid.support.EventStream;
import civicgrid.support.IntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Road-segment chiefs (demo: {@code roadchief} answers for 新山村路 segment 1, 500104001R0201, and has no
 * territory of their own): a case on their segment is in their queue, readable and live on their
 * stream, personal data masked, no action or photo for them; a case on another segment or off any road
 * is refused and absent.
 */
class RoadSegmentChiefHttpTest extends IntegrationTest {

    static final String MY_SEGMENT = "500104001R0201";
    static final String OTHER_SEGMENT = "500104001R0202";

    @Autowired
    GeoApi geo;

    /** The middle of a road segment: located on it (the segments of a road meet at their ends). */
    private Point middleOf(String segment) {
        return geo.model().roadsOfStreet(segment.substring(0, 9)).stream().filter(r -> r.code().equals(segment)).findFirst()
                .orElseThrow().line().getCentroid();
    }

    private JsonNode report(double lon, double lat, String text) {
        Response r = postJson("/api/v1/cases", "xinshancun", "{\"category\":\"E0101\",\"description\":\"" + text + "\",\"lon\":" + lon
                + ",\"lat\":" + lat + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private List<String> segmentQueue(String user) {
        Response r = get("/api/v1/cases?queue=segment&size=200", user);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().get("items").forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }

    @Test
    void aCaseOnTheSegmentIsInItsChiefsQueueAndReadableButNotWorkedOn() throws Exception {
        EventStream chiefStream = EventStream.open(url(""), "roadchief");
        Point mine = middleOf(MY_SEGMENT);
        Point other = middleOf(OTHER_SEGMENT);
        JsonNode onMine = report(mine.getX(), mine.getY(), "路段长测试 井盖缺失 报告人13987650002");
        JsonNode onOther = report(other.getX(), other.getY(), "路段长测试 另一路段 井盖缺失");
        JsonNode offRoad = report(106.40797, 29.34562, "路段长测试 不在道路上");
        assertThat(onMine.get("place").get("roadSegmentCode").asString()).isEqualTo(MY_SEGMENT);
        assertThat(onOther.get("place").get("roadSegmentCode").asString()).isEqualTo(OTHER_SEGMENT);
        assertThat(offRoad.get("place").has("roadSegmentCode") && !offRoad.get("place").get("roadSegmentCode").isNull()).isFalse();
        String mineId = onMine.get("id").asString();

        assertThat(segmentQueue("roadchief")).contains(mineId).doesNotContain(onOther.get("id").asString(), offRoad.get("id").asString());
        assertThat(segmentQueue("roadchief2")).contains(onOther.get("id").asString()).doesNotContain(mineId);

        Response read = get("/api/v1/cases/" + mineId, "roadchief");
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("description").asString()).as("outside their territory: masked like any outsider")
                .doesNotContain("13987650002").contains("139****0002");
        assertThat(read.json().get("allowedActions").size()).as("reading grants no action").isZero();
        assertThat(get("/api/v1/cases/" + mineId + "/history", "roadchief").status()).isEqualTo(200);
        assertThat(get("/api/v1/cases/" + mineId + "/attachments", "roadchief").status()).isEqualTo(200);
        Response act = postJson("/api/v1/cases/" + mineId + "/actions/escalate", "roadchief", "{\"reason\":\"路段长上报\"}");
        assertThat(act.status()).as(act.body()).isEqualTo(403);
        assertThat(act.json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");

        for (JsonNode refused : List.of(onOther, offRoad)) {
            Response r = get("/api/v1/cases/" + refused.get("id").asString(), "roadchief");
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
            assertThat(get("/api/v1/cases/" + refused.get("id").asString() + "/history", "roadchief").status()).isEqualTo(403);
        }
        Response team = get("/api/v1/cases?queue=team&size=200", "roadchief");
        assertThat(team.json().get("items").size()).as("no territory of their own").isZero();

        String live = chiefStream.await(line -> line.contains(mineId), Duration.ofSeconds(10));
        assertThat(live).as("the chief's stream hears of the case on their segment").isNotNull();
        assertThat(chiefStream.await(line -> line.contains(onOther.get("id").asString()) || line.contains(offRoad.get("id").asString()),
                Duration.ofSeconds(1))).as("and of no other case").isNull();
    }

    @Test
    void theSegmentQueueIsASegmentChiefsAndChiefsAreListedWithTheirSegments() {
        Response notChief = get("/api/v1/cases?queue=segment", "xinshancun");
        assertThat(notChief.status()).isEqualTo(403);
        assertThat(notChief.json().get("code").asString()).isEqualTo("NOT_A_SEGMENT_CHIEF");
        JsonNode me = get("/api/v1/identity/me", "roadchief").json();
        assertThat(me.get("postCode").asString()).isEqualTo("ROAD_SEGMENT_CHIEF");
        assertThat(me.get("roadSegments").toString()).isEqualTo("[\"" + MY_SEGMENT + "\"]");
        assertThat(me.get("scope").size()).isZero();
        // the street's operators see the chiefs of their street's segments among their accounts, other streets' do not
        assertThat(get("/api/v1/identity/users?size=200", "xinshancun").body()).contains("\"roadchief\"").doesNotContain("roadchief.ciqikou");
        assertThat(get("/api/v1/identity/users?size=200", "ciqikou").body()).contains("roadchief.ciqikou").doesNotContain("\"roadchief\"");

        Response wrongPost = postJson("/api/v1/identity/users", "admin", "{\"username\":\"not.a.chief\",\"password\":\"longenough1\","
                + "\"displayName\":\"测试\",\"role\":\"STREET_OPERATOR\",\"postCode\":\"URBAN_MANAGEMENT\",\"scope\":[\"500104001\"],"
                + "\"roadSegments\":[\"" + MY_SEGMENT + "\"]}");
        assertThat(wrongPost.status()).isEqualTo(400);
        assertThat(wrongPost.json().get("code").asString()).isEqualTo("SEGMENTS_NEED_CHIEF_POST");
        Response chief = postJson("/api/v1/identity/users", "admin", "{\"username\":\"chief.test\",\"password\":\"longenough1\","
                + "\"displayName\":\"测试路段长\",\"role\":\"STREET_OPERATOR\",\"postCode\":\"ROAD_SEGMENT_CHIEF\",\"scope\":[],"
                + "\"roadSegments\":[\"" + OTHER_SEGMENT + "\"]}");
        assertThat(chief.status()).as(chief.body()).isEqualTo(201);
        assertThat(chief.json().get("roadSegments").toString()).isEqualTo("[\"" + OTHER_SEGMENT + "\"]");
        Response itsQueue = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/v1/cases?queue=segment")))
                .header("Authorization", basic("chief.test", "longenough1")).GET().build());
        assertThat(itsQueue.status()).as(itsQueue.body()).isEqualTo(200);
    }
}
