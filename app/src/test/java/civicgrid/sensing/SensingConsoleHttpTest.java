package civicgrid.sensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import civicgrid.support.EventStream;
import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the sensing console asks of the API: scoped device lists with state and alarms, map dots, a
 * bounded history per key, acknowledging and clearing alarms (audited, live on the event stream),
 * and a device's rules as data that administrators replace and the running engine obeys at once.
 */
class SensingConsoleHttpTest extends IntegrationTest {

    private static final String METHANE_30 = "[{\"alarmType\":\"METHANE_ABOVE_30\",\"severity\":\"MAJOR\",\"condition\":{\"type\":\"threshold\","
            + "\"key\":\"methane\",\"direction\":\"above\",\"raise\":30,\"clear\":25}}]";

    private Response telemetry(String deviceId, String token, String body) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1/devices/" + deviceId + "/telemetry"))).header("Content-Type", "application/json")
                .header("X-Device-Token", token).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Response put(String path, String user, String body) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user, "demo"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private Response delete(String path, String user) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", basic(user, "demo")).DELETE().build());
    }

    /** A new device in 新山村街道 (grid 500104001001001, beside demo-door-1); answers its token. */
    private String register(String id, String profile, String person, String phone) {
        JsonNode place = get("/api/v1/devices/demo-door-1", "admin").json().get("place");
        Response r = postJson("/api/v1/devices", "admin", "{\"id\":\"" + id + "\",\"name\":\"控制台测试\",\"profile\":\"" + profile
                + "\",\"lon\":" + place.get("lon").asDouble() + ",\"lat\":" + place.get("lat").asDouble() + ",\"owner\":\"新山村街道\""
                + (person == null ? "" : ",\"personName\":\"" + person + "\",\"personPhone\":\"" + phone + "\"") + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("token").asString();
    }

    private static String newId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<String> ids(Response list) {
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> out = new ArrayList<>();
        list.json().get("items").forEach(d -> out.add(d.get("id").asString()));
        return out;
    }

    private JsonNode activeAlarm(String deviceId, String type) {
        for (JsonNode a : get("/api/v1/alarms?deviceId=" + deviceId, "admin").json().get("items")) {
            if (a.get("type").asString().equals(type)) {
                return a;
            }
        }
        return null;
    }

    @Test
    void anotherStreetsDeviceIsNotFoundAndListsDotsAndFiltersStayInTheTerritory() {
        String id = newId("console-scope");
        register(id, "SMOKE", null, null);

        for (String path : List.of("", "/rules", "/telemetry?hours=24")) {
            Response r = get("/api/v1/devices/" + id + path, "ciqikou");
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().get("code").asString()).isEqualTo("DEVICE_NOT_FOUND");
        }
        Response foreignUnit = get("/api/v1/devices?unit=500104001", "ciqikou");
        assertThat(foreignUnit.status()).isEqualTo(403);
        assertThat(foreignUnit.json().get("code").asString()).isEqualTo("OUT_OF_SCOPE");
        assertThat(get("/api/v1/sensing/map?unit=500104001", "ciqikou").status()).isEqualTo(403);

        List<String> ciqikouDots = new ArrayList<>();
        get("/api/v1/sensing/map", "ciqikou").json().forEach(d -> ciqikouDots.add(d.get("id").asString()));
        assertThat(ciqikouDots).doesNotContain(id).contains("demo-smoke-1");
        JsonNode mine = null;
        for (JsonNode d : get("/api/v1/sensing/map", "xinshancun").json()) {
            assertThat(d.get("gridCode").asString()).startsWith("500104001");
            assertThat(d.has("person")).as("dots carry nothing personal").isFalse();
            if (d.get("id").asString().equals(id)) {
                mine = d;
            }
        }
        assertThat(mine).as("the street's own new device is a dot").isNotNull();
        assertThat(mine.get("state").asString()).isEqualTo("OFFLINE");
        assertThat(ids(get("/api/v1/devices?unit=500104001001&profile=SMOKE&limit=1000", "xinshancun"))).contains(id);
        assertThat(ids(get("/api/v1/devices?unit=500104001002&limit=1000", "xinshancun"))).as("another community").doesNotContain(id);
        assertThat(get("/api/v1/devices?unit=50010400100x", "xinshancun").status()).isEqualTo(403);
    }

    @Test
    void theWatchedPersonIsMaskedForTheDistrictAndAdministratorsAndShownToTheStreetAndGridWorker() {
        String id = newId("console-band");
        register(id, "WRISTBAND", "王秀英", "13800138000");

        for (String user : List.of("dadukou", "admin")) {
            JsonNode person = get("/api/v1/devices/" + id, user).json().get("person");
            assertThat(person.get("name").asString()).as(user).isNotEqualTo("王秀英").startsWith("王");
            assertThat(person.get("phone").asString()).as(user).doesNotContain("13800138000").contains("*");
            JsonNode listed = null;
            for (JsonNode d : get("/api/v1/devices?profile=WRISTBAND&limit=1000", user).json().get("items")) {
                if (d.get("id").asString().equals(id)) {
                    listed = d;
                }
            }
            assertThat(listed.get("person").get("phone").asString()).as("the list masks the same").isEqualTo(person.get("phone").asString());
        }
        for (String user : List.of("xinshancun", "gridworker")) {
            JsonNode person = get("/api/v1/devices/" + id, user).json().get("person");
            assertThat(person.get("name").asString()).as(user).isEqualTo("王秀英");
            assertThat(person.get("phone").asString()).as(user).isEqualTo("13800138000");
        }
    }

    @Test
    void stateAlarmsAndTheHistoryPerKeyAreListedAndBounded() {
        String id = newId("console-smoke");
        String token = register(id, "SMOKE", null, null);
        assertThat(ids(get("/api/v1/devices?online=false&profile=SMOKE&limit=1000", "xinshancun"))).contains(id);
        assertThat(telemetry(id, token, "{\"values\":{\"battery\":88}}").status()).isEqualTo(202);
        assertThat(telemetry(id, token, "{\"values\":{\"smoke\":true,\"battery\":87}}").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> activeAlarm(id, "SMOKE") != null);

        JsonNode d = get("/api/v1/devices/" + id, "xinshancun").json();
        assertThat(d.get("state").asString()).isEqualTo("ALARM");
        assertThat(d.get("alarms").get("unacknowledged").asInt()).isEqualTo(1);
        assertThat(d.get("alarms").get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(d.get("place").get("streetName").asString()).isEqualTo("新山村街道");
        assertThat(ids(get("/api/v1/devices?alarm=true&online=true&limit=1000", "xinshancun"))).contains(id);
        assertThat(ids(get("/api/v1/devices?alarm=false&limit=1000", "xinshancun"))).doesNotContain(id);
        assertThat(ids(get("/api/v1/devices?online=false&limit=1000", "xinshancun"))).doesNotContain(id);

        JsonNode battery = get("/api/v1/devices/" + id + "/telemetry?key=battery&hours=24", "xinshancun").json().get("items");
        assertThat(battery).hasSize(2);
        battery.forEach(p -> assertThat(p.get("key").asString()).isEqualTo("battery"));
        assertThat(battery.get(1).get("number").asDouble()).isEqualTo(87);
        for (String bad : List.of("hours=0", "hours=169", "key=1bad", "from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z",
            "from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")) {
            Response r = get("/api/v1/devices/" + id + "/telemetry?" + bad, "xinshancun");
            assertThat(r.status()).as(bad).isEqualTo(400);
        }
    }

    @Test
    void acknowledgingTwiceIsAConflictAndEveryChangeIsAuditedAndHeardLive() throws Exception {
        String id = newId("console-ack");
        String token = register(id, "SMOKE", null, null);
        EventStream street = EventStream.open(url(""), "xinshancun");
        EventStream otherStreet = EventStream.open(url(""), "ciqikou");
        assertThat(telemetry(id, token, "{\"values\":{\"smoke\":true}}").status()).isEqualTo(202);
        assertThat(street.await(l -> l.contains(id) && l.contains("\"change\":\"RAISED\""), Duration.ofSeconds(10))).as("raised, live")
                .contains("ACTIVE_UNACK");
        long alarmId = activeAlarm(id, "SMOKE").get("id").asLong();

        Response ack = postJson("/api/v1/alarms/" + alarmId + "/ack", "xinshancun", "{\"reason\":\"已电话联系住户\"}");
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        Response again = postJson("/api/v1/alarms/" + alarmId + "/ack", "xinshancun", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("ALARM_ALREADY_ACKNOWLEDGED");
        assertThat(street.await(l -> l.contains(id) && l.contains("\"change\":\"ACKNOWLEDGED\""), Duration.ofSeconds(10)))
                .contains("ACTIVE_ACK");
        assertThat(postJson("/api/v1/alarms/" + alarmId + "/clear", "xinshancun", "").status()).isEqualTo(200);
        Response clearAgain = postJson("/api/v1/alarms/" + alarmId + "/clear", "xinshancun", "");
        assertThat(clearAgain.status()).isEqualTo(409);
        assertThat(clearAgain.json().get("code").asString()).isEqualTo("ALARM_ALREADY_CLEARED");
        assertThat(street.await(l -> l.contains(id) && l.contains("\"change\":\"CLEARED\""), Duration.ofSeconds(10))).contains("CLEARED_ACK");
        assertThat(otherStreet.await(l -> l.contains(id), Duration.ofSeconds(1))).as("another street hears nothing of it").isNull();

        JsonNode entries = get("/api/v1/audit/entries?targetType=ALARM&targetId=" + alarmId, "admin").json();
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> {
            actions.add(e.get("action").asString());
            assertThat(e.get("actor").asString()).isEqualTo("xinshancun");
        });
        assertThat(actions).containsExactlyInAnyOrder("ALARM_ACKNOWLEDGED", "ALARM_CLEARED");
        entries.forEach(e -> {
            if (e.get("action").asString().equals("ALARM_ACKNOWLEDGED")) {
                assertThat(e.get("reason").asString()).isEqualTo("已电话联系住户");
            }
        });
    }

    @Test
    void administratorsReplaceADevicesRulesWhichTheRunningEngineObeysAtOnce() {
        String id = newId("console-methane");
        String token = register(id, "METHANE_FAN", null, null);
        JsonNode before = get("/api/v1/devices/" + id + "/rules", "xinshancun").json();
        assertThat(before.get("source").asString()).isEqualTo("PROFILE");
        assertThat(before.get("editable").asBoolean()).isFalse();
        assertThat(before.get("rules").get(0).get("alarmType").asString()).isEqualTo("METHANE_HIGH");

        String path = "/api/v1/devices/" + id + "/rules";
        assertThat(put(path, "xinshancun", "{\"rules\":" + METHANE_30 + ",\"reason\":\"试点\"}").status()).as("street operators read only")
                .isEqualTo(403);
        assertThat(put("/api/v1/devices/demo-smoke-1/rules", "xinshancun", "{\"rules\":[],\"reason\":\"x\"}").status()).isIn(403, 404);
        assertThat(put(path, "admin", "{\"rules\":" + METHANE_30 + "}").json().get("code").asString()).isEqualTo("REASON_REQUIRED");
        for (String[] bad : new String[][] {
            {METHANE_30.replace("\"methane\"", "\"hr\""), "rules[0].condition.key"},
            {METHANE_30.replace("\"clear\":25", "\"clear\":35"), "rules[0].condition.clear"},
            {METHANE_30.replace("\"raise\":30", "\"raise\":\"x\""), "rules[0].condition.raise"},
            {METHANE_30.replace("}}]", "},\"followUp\":{\"afterMinutes\":60,\"alarmType\":\"METHANE_ABOVE_30\",\"severity\":\"MAJOR\"}}]"),
                "rules[0].followUp.alarmType"},
            {METHANE_30.replace("}}]", "},\"actions\":[{\"type\":\"openCase\",\"category\":\"Z9999\"}]}]"), "rules[0].actions[0].category"},
            {METHANE_30.replace("\"severity\"", "\"colour\":1,\"severity\""), "rules[0].colour"}}) {
            Response r = put(path, "admin", "{\"rules\":" + bad[0] + ",\"reason\":\"试点\"}");
            assertThat(r.status()).as(bad[1]).isEqualTo(400);
            assertThat(r.json().get("code").asString()).isEqualTo("INVALID_RULE");
            assertThat(r.json().get("detail").asString()).startsWith(bad[1] + ":");
        }
        assertThat(get(path, "admin").json().get("source").asString()).as("nothing half-written").isEqualTo("PROFILE");

        Response replaced = put(path, "admin", "{\"rules\":" + METHANE_30 + ",\"reason\":\"化粪池试点：30%即告警\"}");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("source").asString()).isEqualTo("DEVICE");
        assertThat(replaced.json().get("updatedBy").asString()).isEqualTo("admin");
        assertThat(telemetry(id, token, "{\"values\":{\"methane\":40}}").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> activeAlarm(id, "METHANE_ABOVE_30") != null);
        assertThat(activeAlarm(id, "METHANE_HIGH")).as("40% is below the profile's 60%").isNull();

        Response reset = delete(path + "?reason=" + enc("试点结束"), "admin");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertThat(reset.json().get("source").asString()).isEqualTo("PROFILE");
        assertThat(activeAlarm(id, "METHANE_ABOVE_30")).as("an alarm whose rule is gone is cleared").isNull();
        assertThat(telemetry(id, token, "{\"values\":{\"methane\":65}}").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> activeAlarm(id, "METHANE_HIGH") != null);

        List<String> actions = new ArrayList<>();
        get("/api/v1/audit/entries?targetType=DEVICE&targetId=" + id, "admin").json().forEach(e -> actions.add(e.get("action").asString()));
        assertThat(actions).contains("DEVICE_RULES_REPLACED", "DEVICE_RULES_RESET");
    }
}
