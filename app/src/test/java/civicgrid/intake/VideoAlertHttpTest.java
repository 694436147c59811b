package civicgrid.intake;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The video-alert webhook: registry checks, folding, joining, verdicts, and precision-based routing. */
class VideoAlertHttpTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private Response alert(String key, String body) {
        return postJsonWithKey("/api/v1/video-alerts", key, body);
    }

    private double[] camera(String id) {
        return jdbc.queryForObject("select lon, lat from intake.camera where id = ?", (rs, i) -> new double[] {rs.getDouble(1), rs.getDouble(2)},
                id);
    }

    private String body(String alertId, String camera, String algorithm, OffsetDateTime ts, double lon, double lat, double confidence) {
        return "{\"alertId\":\"" + alertId + "\",\"cameraId\":\"" + camera + "\",\"algorithm\":\"" + algorithm + "\",\"ts\":\"" + ts
                + "\",\"lon\":" + lon + ",\"lat\":" + lat + ",\"confidence\":" + confidence + ",\"snapshotUrl\":\"https://video.example/s/"
                + alertId + ".jpg\"}";
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).withNano(0);
    }

    @Test
    void repeatedAlertsFoldIntoOneCaseAndAReplayChangesNothing() {
        double[] at = camera("cam-ddk-001");
        String first = "ddk1-" + UUID.randomUUID();
        Response created = alert("demo-video-key", body(first, "cam-ddk-001", "ROAD_OCCUPATION", now().minusMinutes(20), at[0], at[1], 0.91));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode out = created.json();
        assertThat(out.get("outcome").asString()).isEqualTo("NEW_CASE");
        assertThat(out.get("routing").asString()).isEqualTo("REVIEW");
        String caseId = out.get("caseId").asString();
        assertThat(get("/api/v1/cases/" + caseId, "xinshancun").json().get("state").asString()).isEqualTo("REPORTED");
        assertThat(get("/api/v1/cases/" + caseId, "xinshancun").json().get("channel").asString()).isEqualTo("VIDEO_AI");

        Response replay = alert("demo-video-key", body(first, "cam-ddk-001", "ROAD_OCCUPATION", now().minusMinutes(20), at[0], at[1], 0.91));
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("caseId").asString()).isEqualTo(caseId);

        Response again = alert("demo-video-key", body("ddk1-" + UUID.randomUUID(), "cam-ddk-001", "ROAD_OCCUPATION", now().minusMinutes(5),
                at[0] + 0.0001, at[1], 0.88));
        assertThat(again.json().get("outcome").asString()).isEqualTo("FOLDED");
        assertThat(again.json().get("caseId").asString()).isEqualTo(caseId);
        assertThat(jdbc.queryForObject("select count(*) from intake.video_alert where case_id = ?::uuid", Long.class, caseId)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from cases.case_file where category_code = 'E0506' and channel = 'VIDEO_AI'"
                + " and grid_code = (select grid_code from intake.camera where id = 'cam-ddk-001')", Long.class)).isEqualTo(1);

        // a low-confidence alert is recorded and dropped
        Response weak = alert("demo-video-key", body("ddk1-" + UUID.randomUUID(), "cam-ddk-001", "UNLICENSED_VENDOR", now(), at[0], at[1], 0.2));
        assertThat(weak.json().get("outcome").asString()).isEqualTo("DISCARDED");
        assertThat(weak.json().has("caseId")).isFalse();

        // verifying the case on site makes its alerts true positives
        assertThat(postJson("/api/v1/cases/" + caseId + "/actions/verify", "xinshancun", "{}").status()).isEqualTo(200);
        assertThat(jdbc.queryForList("select verdict from intake.video_alert where case_id = ?::uuid", Boolean.class, caseId))
                .containsOnly(true);
    }

    @Test
    void anAlgorithmThatProvedItselfIsDispatchedAtOnceAndOneBelowThePrecisionGoesToReview() {
        double[] at = camera("cam-ddk-002");
        String[] ids = new String[10];
        String caseId = null;
        for (int i = 0; i < 10; i++) {
            ids[i] = "ddk2-" + UUID.randomUUID();
            Response r = alert("demo-video-key", body(ids[i], "cam-ddk-002", "FIRE_LANE_BLOCKED", now().minusMinutes(25 - i), at[0], at[1], 0.9));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            caseId = r.json().get("caseId").asString();
        }
        for (int i = 0; i < 10; i++) {
            Response v = postJson("/api/v1/video-alerts/" + ids[i] + "/verdict", "xinshancun", "{\"truePositive\":" + (i != 3) + "}");
            assertThat(v.status()).as(v.body()).isEqualTo(204);
        }
        // the case is handled away (invalidated here), so the next alert starts a new case
        assertThat(postJson("/api/v1/cases/" + caseId + "/actions/invalidate", "xinshancun", "{\"reason\":\"车已挪走\"}").status())
                .isEqualTo(200);
        Response proven = alert("demo-video-key", body("ddk2-" + UUID.randomUUID(), "cam-ddk-002", "FIRE_LANE_BLOCKED", now(), at[0], at[1], 0.9));
        assertThat(proven.json().get("routing").asString()).as(proven.body()).isEqualTo("AUTO");
        assertThat(proven.json().get("precision").asDouble()).isEqualTo(0.9);
        String state = get("/api/v1/cases/" + proven.json().get("caseId").asString(), "xinshancun").json().get("state").asString();
        assertThat(state).isIn("REGISTERED", "DISPATCHED");

        JsonNode precision = get("/api/v1/video-alerts/precision?cameraId=cam-ddk-002", "xinshancun").json();
        assertThat(precision.get(0).get("truePositives").asLong()).isEqualTo(9);
        assertThat(precision.get(0).get("falsePositives").asLong()).isEqualTo(1);
        assertThat(precision.get(0).get("weeks").size()).isGreaterThanOrEqualTo(1);
        assertThat(get("/api/v1/video-alerts/precision", "ciqikou").json().findValuesAsString("cameraId")).doesNotContain("cam-ddk-002");

        // a worse algorithm: half its alerts were false, so its alerts wait for a person
        double[] high = camera("cam-ddk-003");
        String last = null;
        for (int i = 0; i < 10; i++) {
            String id = "ddk3-" + UUID.randomUUID();
            alert("demo-video-key", body(id, "cam-ddk-003", "THROWING_FROM_HEIGHT", now().minusMinutes(20 - i), high[0], high[1], 0.8));
            postJson("/api/v1/video-alerts/" + id + "/verdict", "xinshancun", "{\"truePositive\":" + (i % 2 == 0) + "}");
            last = id;
        }
        String suppressedCase = jdbc.queryForObject("select case_id::text from intake.video_alert where alert_id = ?", String.class, last);
        postJson("/api/v1/cases/" + suppressedCase + "/actions/invalidate", "xinshancun", "{\"reason\":\"误报\"}");
        Response review = alert("demo-video-key", body("ddk3-" + UUID.randomUUID(), "cam-ddk-003", "THROWING_FROM_HEIGHT", now(), high[0],
                high[1], 0.95));
        assertThat(review.json().get("routing").asString()).isEqualTo("REVIEW");
        assertThat(review.json().get("why").asString()).contains("50%");
        assertThat(get("/api/v1/cases/" + review.json().get("caseId").asString(), "xinshancun").json().get("state").asString())
                .isEqualTo("REPORTED");
    }

    @Test
    void badAlertsAreAClear4xxAndWriteNothing() {
        double[] at = camera("cam-ddk-001");
        String good = body("bad-" + UUID.randomUUID(), "cam-ddk-001", "ROAD_OCCUPATION", now(), at[0], at[1], 0.9);
        assertThat(alert(null, good).status()).isEqualTo(401);
        assertThat(alert("wrong", good).json().get("code").asString()).isEqualTo("API_KEY_INVALID");
        assertThat(alert("demo-video-key", "{\"alertId\":").json().get("code").asString()).isEqualTo("MALFORMED_JSON");
        assertThat(alert("demo-video-key", "{\"alertId\":\"a\",\"lon\":\"east\"}").json().get("code").asString()).isEqualTo("MALFORMED_JSON");
        assertThat(alert("demo-video-key", good.replace("cam-ddk-001", "cam-nowhere")).json().get("code").asString()).isEqualTo("UNKNOWN_CAMERA");
        assertThat(alert("demo-video-key", good.replace("ROAD_OCCUPATION", "SMOKE_FIRE")).json().get("code").asString())
                .isEqualTo("ALGORITHM_NOT_ENABLED");
        assertThat(alert("demo-video-key", good.replace("ROAD_OCCUPATION", "TELEPORT")).json().get("code").asString())
                .isEqualTo("UNKNOWN_ALGORITHM");
        assertThat(alert("demo-video-key", good.replace("\"confidence\":0.9", "\"confidence\":1.5")).json().get("code").asString())
                .isEqualTo("INVALID_FIELD");
        Response badTs = alert("demo-video-key", good.replaceFirst("\"ts\":\"[^\"]+\"", "\"ts\":\"yesterday\""));
        assertThat(badTs.status()).isEqualTo(400);
        assertThat(badTs.json().get("code").asString()).isEqualTo("INVALID_TS");
        assertThat(alert("demo-video-key", good.replaceFirst("\"lat\":[0-9.]+", "\"lat\":39.9").replaceFirst("\"lon\":[0-9.]+", "\"lon\":116.4"))
                .json().get("code").asString()).isEqualTo("LOCATION_OUTSIDE_CITY");
        assertThat(alert("demo-video-key", good.replace("https://video.example", "ftp://x")).json().get("code").asString())
                .isEqualTo("INVALID_SNAPSHOT_URL");
        assertThat(jdbc.queryForObject("select count(*) from intake.video_alert where alert_id like 'bad-%'", Long.class)).isZero();
        assertThat(postJson("/api/v1/video-alerts/nope/verdict", "xinshancun", "{\"truePositive\":true}").status()).isEqualTo(404);
        assertThat(postJson("/api/v1/video-alerts/nope/verdict", "citizen", "{\"truePositive\":true}").status()).isEqualTo(403);
        assertThat(postJson("/api/v1/cameras", "xinshancun", "{\"id\":\"c1\",\"name\":\"n\",\"lon\":106.5,\"lat\":29.5,\"owner\":\"o\","
                + "\"algorithms\":[\"SMOKE_FIRE\"]}").status()).isEqualTo(403);
        assertThat(postJson("/api/v1/cameras", "dadukou", "{\"id\":\"c 1\",\"name\":\"n\",\"lon\":" + at[0] + ",\"lat\":" + at[1]
                + ",\"owner\":\"o\",\"algorithms\":[\"SMOKE_FIRE\"]}").json().get("code").asString()).isEqualTo("INVALID_CAMERA_ID");
        Response saved = postJson("/api/v1/cameras", "dadukou", "{\"id\":\"cam-ddk-new\",\"name\":\"新摄像头\",\"lon\":" + at[0] + ",\"lat\":"
                + at[1] + ",\"owner\":\"大渡口区城管局\",\"algorithms\":[\"SMOKE_FIRE\"]}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(get("/api/v1/cameras", "dadukou").json().findValuesAsString("id")).contains("cam-ddk-new", "cam-ddk-001");
        assertThat(get("/api/v1/cameras", "ciqikou").json().findValuesAsString("id")).doesNotContain("cam-ddk-new");
    }
}
