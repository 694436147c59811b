package civicgrid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import civicgrid.support.WebhookReceiver;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Point;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import civicgrid.geo.GeoApi;
import tools.jackson.databind.JsonNode;

/** 12345 work orders: idempotent import (JSON and CSV), classification and placing, and the result sent back on closing. */
class HotlineHttpTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GeoApi geo;

    private Response order(String key, String json) {
        return postJsonWithKey("/api/v1/hotline/orders", key, json);
    }

    private Response batch(String csv) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1/hotline/orders/batch"))).header("Content-Type", "text/csv")
                .header("X-Api-Key", "demo-hotline-key").POST(HttpRequest.BodyPublishers.ofString(csv)).build());
    }

    private JsonNode act(String user, String id, String action, String body) {
        Response r = postJson("/api/v1/cases/" + id + "/actions/" + action, user, body);
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void anOrderIsRegisteredOnceAndItsResultGoesBackWhenTheCaseCloses() throws InterruptedException {
        Point p = geo.model().node("500104001001001").orElseThrow().geometry().getInteriorPoint();
        String no = "HL" + UUID.randomUUID().toString().substring(0, 8);
        String json = "{\"orderNo\":\"" + no + "\",\"receivedAt\":\"2026-11-27T09:30:00+08:00\",\"category\":\"E0108\","
                + "\"description\":\"市民来电反映：路口一大摊机油，摩托车差点滑倒\",\"lon\":" + p.getX() + ",\"lat\":" + p.getY()
                + ",\"callerName\":\"王先生\",\"callerPhone\":\"13800001111\"}";
        Response first = order("demo-hotline-key", json);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("outcome").asString()).isEqualTo("CREATED");
        String caseId = first.json().get("caseId").asString();
        Response again = order("demo-hotline-key", json);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("outcome").asString()).isEqualTo("DUPLICATE");
        assertThat(again.json().get("caseId").asString()).isEqualTo(caseId);

        // another caller, same problem, a few metres away: joins the case
        String other = "HL" + UUID.randomUUID().toString().substring(0, 8);
        Response joined = order("demo-hotline-key", json.replace(no, other).replace("王先生", "李女士"));
        assertThat(joined.json().get("outcome").asString()).isEqualTo("JOINED");
        assertThat(joined.json().get("caseId").asString()).isEqualTo(caseId);

        JsonNode c = get("/api/v1/cases/" + caseId, "xinshancun").json();
        assertThat(c.get("state").asString()).isIn("REGISTERED", "DISPATCHED");
        assertThat(get("/api/v1/cases/" + caseId + "/reporters", "xinshancun").body()).contains("12345:" + no, "12345:" + other);
        if (c.get("state").asString().equals("REGISTERED")) {
            act("xinshancun", caseId, "dispatch", "{\"department\":\"SANITATION\"}");
        }
        act("sanitation.dadukou", caseId, "accept", "{}");
        act("sanitation.dadukou", caseId, "report-back", "{\"reason\":\"已用吸油毡清理并冲洗路面\"}");
        act("gridworker", caseId, "check-pass", "{}");
        act("xinshancun", caseId, "close", "{}");

        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        List<WebhookReceiver.Delivery> results = List.of();
        while (Instant.now().isBefore(until)) {
            results = WebhookReceiver.get().deliveries().stream().filter(d -> d.body().contains("\"orderNo\"")
                    && (d.body().contains(no) || d.body().contains(other))).toList();
            if (results.size() >= 2) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(results).hasSize(2);
        JsonNode result = JSON.readTree(results.get(0).body());
        assertThat(result.get("result").asString()).isEqualTo("CLOSED");
        assertThat(result.get("notes").asString()).isEqualTo("已用吸油毡清理并冲洗路面");
        assertThat(result.get("caseNumber").asString()).isEqualTo(c.get("number").asString());
        assertThat(results.get(0).headers().get("Authorization")).isEqualTo("Bearer hotline-test-token");
        assertThat(results.get(0).body()).doesNotContain("13800001111");
    }

    @Test
    void anOrderWithoutCategoryOrCoordinatesIsClassifiedAndPlacedByItsAddress() {
        String no = "HL" + UUID.randomUUID().toString().substring(0, 8);
        Response r = order("demo-hotline-key", "{\"orderNo\":\"" + no + "\",\"description\":\"市民来电反映：小区门口一只死狗好几天了没人收，臭得很\","
                + "\"address\":\"重庆市沙坪坝区磁器口街道\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("classified").asBoolean()).isTrue();
        assertThat(r.json().get("category").asString()).isEqualTo("E0109");
        JsonNode c = get("/api/v1/cases/" + r.json().get("caseId").asString(), "ciqikou").json();
        assertThat(c.get("place").get("streetCode").asString()).isEqualTo("500106004");
    }

    @Test
    void aCsvBatchReplayedTwiceCreatesNoDuplicatesAndRefusesBadRowsOneByOne() {
        Point p = geo.model().node("500104001001001").orElseThrow().geometry().getInteriorPoint();
        String a = "B" + UUID.randomUUID().toString().substring(0, 8);
        String csv = "order_no,received_at,category,description,lon,lat,address,urgent,caller_name,caller_phone\n"
                + a + "-1,2026-11-27T08:00:00+08:00,E0112,\"楼下KTV每晚唱到两点，吵得睡不着\",,,\"重庆市沙坪坝区磁器口街道\",false,张,13900000000\n"
                + a + "-2,,E0110,有人在河边烧垃圾，烟很大," + (p.getX() + 0.003) + "," + p.getY() + ",,是,,\n"
                + a + "-3,,E0101,坐标不对,200,95,,,,\n"
                + a + "-4,,Z9999,类别不对,," + p.getY() + ",,,,\n"
                + "bad order no!,,E0101,编号不对," + p.getX() + "," + p.getY() + ",,,,\n";
        long before = jdbc.queryForObject("select count(*) from cases.case_file", Long.class);
        Response first = batch(csv);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode results = first.json().get("results");
        assertThat(results.findValuesAsString("outcome")).containsExactly("CREATED", "CREATED", "REFUSED", "REFUSED", "REFUSED");
        assertThat(results.get(2).get("code").asString()).isEqualTo("INVALID_COORDINATES");
        assertThat(results.get(3).get("code").asString()).isIn("UNKNOWN_CATEGORY", "LOCATION_INCOMPLETE");
        assertThat(results.get(4).get("code").asString()).isEqualTo("INVALID_ORDER_NO");
        long afterFirst = jdbc.queryForObject("select count(*) from cases.case_file", Long.class);
        assertThat(afterFirst - before).isEqualTo(2);

        Response replay = batch(csv);
        assertThat(replay.json().get("results").findValuesAsString("outcome"))
                .containsExactly("DUPLICATE", "DUPLICATE", "REFUSED", "REFUSED", "REFUSED");
        assertThat(jdbc.queryForObject("select count(*) from cases.case_file", Long.class)).isEqualTo(afterFirst);
        assertThat(jdbc.queryForObject("select count(*) from intake.hotline_order where order_no like ?", Long.class, a + "%")).isEqualTo(2);
        assertThat(jdbc.queryForObject("select urgent from cases.case_file c join intake.hotline_order o on o.case_id = c.id"
                + " where o.order_no = ?", Boolean.class, a + "-2")).isTrue();
    }

    @Test
    void badRequestsAreAClear4xx() {
        String ok = "{\"orderNo\":\"HLX1\",\"description\":\"井盖\",\"address\":\"新山村街道\"}";
        assertThat(order(null, ok).status()).isEqualTo(401);
        assertThat(order("nope", ok).status()).isEqualTo(403);
        assertThat(order("demo-hotline-key", "{\"orderNo\":").json().get("code").asString()).isEqualTo("MALFORMED_JSON");
        assertThat(order("demo-hotline-key", "{\"orderNo\":\"HLX2\",\"description\":\"井盖\",\"lon\":\"east\",\"lat\":29}").json().get("code")
                .asString()).isEqualTo("MALFORMED_JSON");
        assertThat(order("demo-hotline-key", "{\"orderNo\":\"HLX3\",\"description\":\"井盖\"}").json().get("code").asString())
                .isEqualTo("LOCATION_REQUIRED");
        assertThat(order("demo-hotline-key", "{\"orderNo\":\"HLX4\",\"description\":\"井盖\",\"address\":\"火星\"}").json().get("code")
                .asString()).isEqualTo("ADDRESS_NOT_FOUND");
        assertThat(order("demo-hotline-key", "{\"orderNo\":\"HLX5\",\"description\":\"\",\"address\":\"新山村街道\"}").json().get("code")
                .asString()).isEqualTo("INVALID_DESCRIPTION");
        assertThat(batch("no,header\n1,2\n").json().get("code").asString()).isEqualTo("INVALID_CSV_HEADER");
        assertThat(batch("order_no,description\n\"unterminated,x\n").json().get("code").asString()).isEqualTo("MALFORMED_CSV");
        assertThat(jdbc.queryForObject("select count(*) from intake.hotline_order where order_no like 'HLX%'", Long.class)).isZero();
    }
}
