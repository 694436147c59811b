package civicgrid.sensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import civicgrid.sensing.app.Actions;
import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.Reading;
import civicgrid.sensing.domain.RuleEngine;
import civicgrid.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The demo city's devices (DESIGN, contracts) run the articles' rules, and what the rules set off
 * reaches people: the wristband in 石马河 opens its red order and starts the street's lone-elderly
 * plan; the septic tank's methane, still high an hour after the fan, warns the district center and
 * the district's plan sends the street and the grid worker of the tank's grid.
 */
class DemoDeviceScenariosTest extends IntegrationTest {

    private static final long HOUR = Duration.ofHours(1).toMillis();

    @Autowired
    Actions actions;

    @Test
    void everyDemoDeviceRunsItsArticlesRuleAndAPlanStartsByItselfWhereTheArticlesSaySo() {
        Map<String, String> demo = Map.of("demo-door-1", "DOOR_NOT_OPENED", "demo-methane-1", "METHANE_HIGH", "demo-wristband-1",
                "HEART_RATE_ABNORMAL", "demo-smoke-1", "SMOKE");
        demo.forEach((device, alarmType) -> {
            JsonNode rules = get("/api/v1/devices/" + device + "/rules", "admin").json();
            assertThat(rules.get("source").asString()).as(device).isEqualTo("PROFILE");
            assertThat(rules.get("rules").toString()).as(device).contains("\"" + alarmType + "\"");
        });
        assertThat(get("/api/v1/devices/demo-wristband-1/rules", "admin").json().get("rules").toString()).contains("ambulance-escort");
        assertThat(get("/api/v1/devices/demo-methane-1/rules", "admin").json().get("rules").toString()).contains("fan_on")
                .contains("METHANE_PERSISTS");
    }

    @Test
    void theDemoWristbandInShimaheOpensTheRedOrderAndStartsTheStreetsLoneElderlyPlan() {
        assertThat(telemetry("demo-wristband-1", "{\"values\":{\"hr\":40}}").status()).isEqualTo(202);
        try {
            JsonNode alarm = activeAlarm("demo-wristband-1", "HEART_RATE_ABNORMAL");
            assertThat(alarm.get("severity").asString()).isEqualTo("CRITICAL");
            String caseId = alarm.get("caseId").asString();
            JsonNode order = get("/api/v1/cases/" + caseId, "admin").json();
            assertThat(order.get("urgent").asBoolean()).isTrue();
            assertThat(order.get("category").get("code").asString()).isEqualTo("E1104");
            assertThat(order.get("place").get("gridCode").asString()).startsWith("500105003");

            await().atMost(Duration.ofSeconds(20)).until(() -> incidentOn(caseId) != null);
            JsonNode incident = incidentOn(caseId);
            assertThat(incident.get("planCode").asString()).isEqualTo("SMH-LONE-ELDERLY");
            assertThat(codes(incident)).contains("GRID_VISIT", "DOCTOR", "AMBULANCE", "ESCORT");
        } finally {
            telemetry("demo-wristband-1", "{\"values\":{\"hr\":72}}");
        }
        assertThat(activeAlarm("demo-wristband-1", "HEART_RATE_ABNORMAL")).isNull();
    }

    /**
     * The hour passes on the rule core's own clock, turned by hand (the integration clock is the
     * wall's): what the core decides then is carried out by the node's real {@link Actions}.
     */
    @Test
    void methaneStillHighAnHourAfterTheFanWarnsTheDistrictWhosePlanSendsTheStreetAndTheGridWorker() {
        JsonNode place = get("/api/v1/devices/demo-methane-1", "admin").json().get("place");
        String id = "t-tank-" + UUID.randomUUID().toString().substring(0, 8);
        Response registered = postJson("/api/v1/devices", "admin", "{\"id\":\"" + id + "\",\"name\":\"化粪池\",\"profile\":\"METHANE_FAN\","
                + "\"lon\":" + place.get("lon").asDouble() + ",\"lat\":" + place.get("lat").asDouble() + ",\"owner\":\"测试\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String grid = get("/api/v1/devices/" + id, "admin").json().get("place").get("gridCode").asString();
        String worker = "smh-worker-" + UUID.randomUUID().toString().substring(0, 6);
        Response created = postJson("/api/v1/identity/users", "admin", "{\"username\":\"" + worker + "\",\"password\":\"worker-pass-1\","
                + "\"displayName\":\"石马河网格员\",\"role\":\"GRID_WORKER\",\"scope\":[\"" + grid + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        RuleEngine core = new RuleEngine(Duration.ofSeconds(1));
        long start = System.currentTimeMillis() - HOUR - 2_000;
        core.register(id, Profile.METHANE_FAN.defaultRules(), start);
        List<Outcome> atOnce = core.accept(id, Reading.of(start, "methane", 72.0));
        List<Outcome> anHourLater = core.advance(start + HOUR + 1_000);
        assertThat(anHourLater).anySatisfy(o -> assertThat(o).isInstanceOf(Outcome.OpenCase.class));
        actions.carryOut(atOnce);
        actions.carryOut(anHourLater);

        JsonNode warning = activeAlarm(id, "METHANE_PERSISTS");
        assertThat(warning.get("severity").asString()).isEqualTo("MAJOR");
        String caseId = warning.get("caseId").asString();
        JsonNode c = get("/api/v1/cases/" + caseId, "admin").json();
        assertThat(c.get("description").asString()).startsWith("【区城运中心预警】");
        assertThat(c.get("category").get("code").asString()).isEqualTo("E1103");

        await().atMost(Duration.ofSeconds(20)).until(() -> incidentOn(caseId) != null);
        JsonNode incident = incidentOn(caseId);
        assertThat(incident.get("planCode").asString()).isEqualTo("SMH-SEPTIC-GAS");
        assertThat(codes(incident)).contains("NEAREST_WORKER", "FAN_CHECK");

        // the grid worker of the tank's grid finds the plan's first step in the queue
        Response queue = send(HttpRequest.newBuilder(URI.create(url("/api/v1/response/tasks")))
                .header("Authorization", basic(worker, "worker-pass-1")).GET().build());
        assertThat(queue.status()).as(queue.body()).isEqualTo(200);
        List<String> mine = new ArrayList<>();
        queue.json().forEach(t -> {
            if (t.get("incidentId").asString().equals(incident.get("id").asString())) {
                mine.add(t.get("task").get("step").asString());
            }
        });
        assertThat(mine).contains("NEAREST_WORKER");
    }

    private Response telemetry(String deviceId, String body) {
        return send(HttpRequest.newBuilder(URI.create(url("/api/v1/devices/" + deviceId + "/telemetry")))
                .header("Content-Type", "application/json").header("X-Device-Token", "demo-token")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private JsonNode activeAlarm(String deviceId, String type) {
        for (JsonNode a : get("/api/v1/alarms?deviceId=" + deviceId, "admin").json().get("items")) {
            if (a.get("type").asString().equals(type)) {
                return a;
            }
        }
        return null;
    }

    private JsonNode incidentOn(String caseId) {
        for (JsonNode i : get("/api/v1/incidents?limit=500", "admin").json()) {
            if (caseId.equals(i.path("caseId").asString())) {
                return i;
            }
        }
        return null;
    }

    private static List<String> codes(JsonNode incident) {
        List<String> out = new ArrayList<>();
        incident.get("tasks").forEach(t -> out.add(t.get("step").asString()));
        return out;
    }
}
