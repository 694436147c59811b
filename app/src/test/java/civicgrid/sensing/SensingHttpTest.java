package civicgrid.sensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sensing contract over HTTP: ingest, registry, alarms, and the actions alarms set off. */
class SensingHttpTest extends IntegrationTest {

    private Response telemetry(String deviceId, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/api/v1/devices/" + deviceId + "/telemetry")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("X-Device-Token", token);
        }
        return send(b.build());
    }

    /** The point of the demo grid worker's grid 500104001001001 (where demo-door-1 is). */
    private double[] gridWorkersGrid() {
        JsonNode place = get("/api/v1/devices/demo-door-1", "admin").json().get("place");
        return new double[] {place.get("lon").asDouble(), place.get("lat").asDouble()};
    }

    private String register(String user, String id, String profile, String person, String phone) {
        double[] p = gridWorkersGrid();
        Response r = postJson("/api/v1/devices", user, "{\"id\":\"" + id + "\",\"name\":\"测试设备\",\"profile\":\"" + profile
                + "\",\"lon\":" + p[0] + ",\"lat\":" + p[1] + ",\"owner\":\"测试\"" + (person == null ? "" : ",\"personName\":\"" + person
                + "\",\"personPhone\":\"" + phone + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("token").asString();
    }

    private JsonNode activeAlarm(String deviceId, String type) {
        for (JsonNode a : get("/api/v1/alarms?deviceId=" + deviceId, "admin").json().get("items")) {
            if (a.get("type").asString().equals(type)) {
                return a;
            }
        }
        return null;
    }

    private double refused(String reason) {
        String metrics = get("/actuator/prometheus", null).body();
        return metrics.lines().filter(l -> l.startsWith("civicgrid_telemetry_refused_total{") && l.contains("reason=\"" + reason + "\"")
                && l.contains("transport=\"http\"")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void wrongTokensUnknownDevicesAndMalformedPayloadsAreRefusedCountedAndCreateNothing() {
        double badToken = refused("bad_token");
        double unknown = refused("unknown_device");
        double malformed = refused("malformed");

        Response wrong = telemetry("demo-smoke-1", "not-the-token", "{\"values\":{\"smoke\":true}}");
        Response nobody = telemetry("no-such-device", "demo-token", "{\"values\":{\"smoke\":true}}");
        Response none = telemetry("demo-smoke-1", null, "{\"values\":{\"smoke\":true}}");

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().get("code").asString()).isEqualTo("DEVICE_AUTH_FAILED");
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.json().get("detail").asString()).as("the same answer: ids are not confirmed")
                .isEqualTo(wrong.json().get("detail").asString());
        assertThat(none.status()).isEqualTo(401);
        assertThat(get("/api/v1/devices/no-such-device", "admin").status()).isEqualTo(404);
        assertThat(activeAlarm("demo-smoke-1", "SMOKE")).isNull();

        for (String body : new String[] {"", "not json", "[]", "{\"values\":{}}", "{\"values\":{\"smoke\":{\"x\":1}}}",
            "{\"ts\":\"yesterday\",\"values\":{\"smoke\":true}}", "{\"ts\":99999999999999,\"values\":{\"smoke\":true}}",
            "{\"values\":{\"1bad key\":1}}"}) {
            Response r = telemetry("demo-smoke-1", "demo-token", body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().get("code").asString()).isEqualTo("MALFORMED_TELEMETRY");
        }
        assertThat(activeAlarm("demo-smoke-1", "SMOKE")).isNull();

        assertThat(refused("bad_token")).isEqualTo(badToken + 2);
        assertThat(refused("unknown_device")).isEqualTo(unknown + 1);
        assertThat(refused("malformed")).isEqualTo(malformed + 8);
    }

    @Test
    void methaneAboveSixtyRaisesTheAlarmAndRecordsTheFanCommand() {
        String id = "t-methane-" + UUID.randomUUID().toString().substring(0, 8);
        String token = register("admin", id, "METHANE_FAN", null, null);

        Response r = telemetry(id, token, "{\"values\":{\"methane\":64.5}}");

        assertThat(r.status()).as(r.body()).isEqualTo(202);
        JsonNode alarm = activeAlarm(id, "METHANE_HIGH");
        assertThat(alarm).isNotNull();
        assertThat(alarm.get("status").asString()).isEqualTo("ACTIVE_UNACK");
        JsonNode device = get("/api/v1/devices/" + id, "admin").json();
        assertThat(device.get("latest").get("methane").asDouble()).isEqualTo(64.5);
        assertThat(device.get("online").asBoolean()).isTrue();
        assertThat(get("/api/v1/devices/" + id + "/telemetry?key=methane", "admin").json().get("items")).hasSize(1);
        assertThat(get("/api/v1/devices/" + id + "/telemetry", "admin").json().get("items")).as("every key").hasSize(1);

        assertThat(telemetry(id, token, "{\"values\":{\"methane\":30}}").status()).isEqualTo(202);
        assertThat(activeAlarm(id, "METHANE_HIGH")).isNull();
    }

    @Test
    void heartRateFortyOpensAnUrgentCaseForTheGridWorkerWhoAloneSeesTheResidentsDetails() {
        String id = "t-band-" + UUID.randomUUID().toString().substring(0, 8);
        String token = register("xinshancun", id, "WRISTBAND", "赵大爷", "13612345678");

        assertThat(telemetry(id, token, "{\"values\":{\"hr\":40}}").status()).isEqualTo(202);

        JsonNode alarm = activeAlarm(id, "HEART_RATE_ABNORMAL");
        assertThat(alarm.get("severity").asString()).isEqualTo("CRITICAL");
        String caseId = alarm.get("caseId").asString();
        JsonNode forWorker = get("/api/v1/cases/" + caseId, "gridworker").json();
        assertThat(forWorker.get("urgent").asBoolean()).isTrue();
        assertThat(forWorker.get("channel").asString()).isEqualTo("IOT_SENSOR");
        assertThat(forWorker.get("category").get("code").asString()).isEqualTo("E1104");
        assertThat(forWorker.get("place").get("gridCode").asString()).isEqualTo("500104001001001");
        assertThat(forWorker.get("description").asString()).contains("13612345678");
        assertThat(get("/api/v1/cases/" + caseId, "dadukou").json().get("description").asString()).doesNotContain("13612345678")
                .contains("136****5678");

        assertThat(get("/api/v1/devices/" + id, "gridworker").json().get("person").get("phone").asString()).isEqualTo("13612345678");
        JsonNode masked = get("/api/v1/devices/" + id, "dadukou").json().get("person");
        assertThat(masked.get("phone").asString()).isEqualTo("136****5678");
        assertThat(masked.get("name").asString()).isEqualTo("赵**");
    }

    @Test
    void aDoorNotOpenedForADayRaisesTheAlarmAndACaseAndOpeningItClearsTheAlarm() {
        String id = "t-door-" + UUID.randomUUID().toString().substring(0, 8);
        String token = register("admin", id, "DOOR_MAGNET", "钱奶奶", "13512345678");
        long dayAndAnHourAgo = System.currentTimeMillis() - Duration.ofHours(25).toMillis();

        // the magnet reports, late, the last opening it buffered: 25 hours ago; the timers notice within a second or two
        assertThat(telemetry(id, token, "{\"ts\":" + dayAndAnHourAgo + ",\"values\":{\"open\":true}}").status()).isEqualTo(202);

        // the alarm is stored first, then the case is opened and linked to it
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode alarm = activeAlarm(id, "DOOR_NOT_OPENED");
            return alarm != null && alarm.hasNonNull("caseId");
        });
        String caseId = activeAlarm(id, "DOOR_NOT_OPENED").get("caseId").asString();
        assertThat(get("/api/v1/cases/" + caseId, "gridworker").json().get("category").get("code").asString()).isEqualTo("E1102");

        assertThat(telemetry(id, token, "{\"values\":{\"open\":true}}").status()).isEqualTo(202);
        assertThat(activeAlarm(id, "DOOR_NOT_OPENED")).isNull();
    }

    @Test
    void alarmsAreAcknowledgedOnceAndClearedByHandWithinScope() {
        String id = "t-smoke-" + UUID.randomUUID().toString().substring(0, 8);
        String token = register("admin", id, "SMOKE", null, null);
        telemetry(id, token, "{\"values\":{\"smoke\":true}}");
        long alarmId = activeAlarm(id, "SMOKE").get("id").asLong();

        assertThat(postJson("/api/v1/alarms/" + alarmId + "/ack", "ciqikou", "").status()).as("another street's alarm").isEqualTo(404);
        assertThat(postJson("/api/v1/alarms/" + alarmId + "/ack", "leader", "").status()).isEqualTo(403);
        Response ack = postJson("/api/v1/alarms/" + alarmId + "/ack", "xinshancun", "");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().get("status").asString()).isEqualTo("ACTIVE_ACK");
        assertThat(ack.json().get("acknowledgedBy").asString()).isEqualTo("xinshancun");
        assertThat(ack.json().get("acknowledgedByName").asString()).isEqualTo("新山村街道综合协调岗");
        assertThat(postJson("/api/v1/alarms/" + alarmId + "/ack", "gridworker", "").json().get("code").asString())
                .isEqualTo("ALARM_ALREADY_ACKNOWLEDGED");

        Response cleared = postJson("/api/v1/alarms/" + alarmId + "/clear", "xinshancun", "");
        assertThat(cleared.json().get("status").asString()).isEqualTo("CLEARED_ACK");
        assertThat(cleared.json().get("acknowledgedByName").asString()).isEqualTo("新山村街道综合协调岗");
        assertThat(activeAlarm(id, "SMOKE")).isNull();
        telemetry(id, token, "{\"values\":{\"smoke\":true}}");
        assertThat(activeAlarm(id, "SMOKE").get("id").asLong()).as("a new alarm after a clear by hand").isNotEqualTo(alarmId);
    }

    @Test
    void registrationIsScopedAndTheRegistryListsOnlyTheCallersTerritory() {
        double[] p = gridWorkersGrid();
        Response outside = postJson("/api/v1/devices", "ciqikou", "{\"id\":\"t-out-1\",\"name\":\"x\",\"profile\":\"SMOKE\",\"lon\":" + p[0]
                + ",\"lat\":" + p[1] + ",\"owner\":\"x\"}");
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(postJson("/api/v1/devices", "gridworker", "{}").status()).isEqualTo(403);
        assertThat(postJson("/api/v1/devices", "admin", "{\"id\":\"demo-door-1\",\"name\":\"x\",\"profile\":\"SMOKE\",\"lon\":" + p[0]
                + ",\"lat\":" + p[1] + ",\"owner\":\"x\"}").status()).isEqualTo(409);

        JsonNode ciqikou = get("/api/v1/devices?limit=1000", "ciqikou").json().get("items");
        assertThat(ciqikou.size()).isGreaterThanOrEqualTo(150);
        ciqikou.forEach(d -> assertThat(d.get("place").get("streetCode").asString()).isEqualTo("500106004"));
        assertThat(get("/api/v1/devices/demo-door-1", "ciqikou").status()).isEqualTo(404);
        assertThat(get("/api/v1/devices?profile=NOPE", "admin").status()).isEqualTo(400);
    }

    @Test
    void csvImportRegistersAllRowsOrNoneNamingTheBadLine() {
        double[] p = gridWorkersGrid();
        String a = "t-csv-" + UUID.randomUUID().toString().substring(0, 8);
        String good = a + "-1,门磁,DOOR_MAGNET," + p[0] + "," + p[1] + ",社区,孙奶奶,13412345678,\n";
        String bad = a + "-2,水位,NO_SUCH_PROFILE," + p[0] + "," + p[1] + ",社区,,,\n";
        String header = "id,name,profile,lon,lat,owner,person_name,person_phone,token\n";

        Response refused = send(HttpRequest.newBuilder(URI.create(url("/api/v1/devices/import"))).header("Content-Type", "text/csv")
                .header("Authorization", basic("xinshancun", "demo")).POST(HttpRequest.BodyPublishers.ofString(header + good + bad)).build());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_CSV_ROW");
        assertThat(refused.json().get("detail").asString()).startsWith("line 3:").contains("NO_SUCH_PROFILE");
        assertThat(get("/api/v1/devices/" + a + "-1", "admin").status()).as("none of the file").isEqualTo(404);

        Response imported = send(HttpRequest.newBuilder(URI.create(url("/api/v1/devices/import"))).header("Content-Type", "text/csv")
                .header("Authorization", basic("xinshancun", "demo")).POST(HttpRequest.BodyPublishers.ofString(header + good)).build());
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("imported").asInt()).isEqualTo(1);
        String token = imported.json().get("items").get(0).get("token").asString();
        assertThat(telemetry(a + "-1", token, "{\"values\":{\"open\":true}}").status()).isEqualTo(202);
    }
}
