package civicgrid.sensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import civicgrid.notify.SignedWebhooks;
import civicgrid.support.IntegrationTest;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The wristband scenario end to end: heart rate 40 through the embedded MQTT broker → a red (urgent)
 * work order for that grid's worker and a signed call to the traffic police's escort, which is down
 * at first and gets the call once it is up, exactly once, with the signature its secret gives.
 */
class WristbandEscortWebhookTest extends IntegrationTest {

    private static final String TARGET = "ambulance-escort";
    private static final String SECRET = "escort-shared-secret-" + UUID.randomUUID();

    @Autowired
    SensingApi sensing;

    record Call(Map<String, String> headers, String body) {
    }

    @Test
    void heartRateFortyOpensARedOrderForTheGridWorkerAndCallsTheEscortOnceItIsUp() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Response target = put("/api/v1/sensing/webhook-targets/" + TARGET, "{\"url\":\"http://127.0.0.1:" + port
                + "/escort\",\"secret\":\"" + SECRET + "\",\"reason\":\"交警护送测试\"}");
        assertThat(target.status()).as(target.body()).isIn(200, 201);
        assertThat(target.body()).doesNotContain(SECRET);
        HttpServer escort = null;
        try {
            String id = registerWristband();
            double failedBefore = deliveries("failed");
            publishHeartRate(id, 40);

            // the red work order, for the worker of the wristband's grid, with the resident's phone in clear for that worker
            await().atMost(Duration.ofSeconds(20)).until(() -> alarm(id) != null && alarm(id).hasNonNull("caseId"));
            JsonNode alarm = alarm(id);
            String caseId = alarm.get("caseId").asString();
            JsonNode order = get("/api/v1/cases/" + caseId, "gridworker").json();
            assertThat(order.get("urgent").asBoolean()).isTrue();
            assertThat(order.get("channel").asString()).isEqualTo("IOT_SENSOR");
            assertThat(order.get("category").get("code").asString()).isEqualTo("E1104");
            assertThat(order.get("place").get("gridCode").asString()).isEqualTo("500104001001001");
            assertThat(order.get("description").asString()).contains("13612349876");

            // the escort is down: the call fails and is tried again (the ingest went on regardless: the order above exists)
            await().atMost(Duration.ofSeconds(20)).until(() -> deliveries("failed") >= failedBefore + 2);

            List<Call> calls = new CopyOnWriteArrayList<>();
            escort = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            escort.createContext("/escort", exchange -> {
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
                calls.add(new Call(headers, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            escort.start();

            await().atMost(Duration.ofSeconds(20)).until(() -> mine(calls, id).size() == 1);
            Call call = mine(calls, id).get(0);
            assertThat(SignedWebhooks.verify(SECRET, call.headers().get("X-CivicGrid-Timestamp"), call.body(),
                    call.headers().get("X-CivicGrid-Signature"))).as("signed with the target's secret").isTrue();
            assertThat(SignedWebhooks.verify("another-secret-entirely", call.headers().get("X-CivicGrid-Timestamp"), call.body(),
                    call.headers().get("X-CivicGrid-Signature"))).isFalse();
            assertThat(call.headers().get("X-CivicGrid-Event")).isEqualTo("sensing.alarm");
            JsonNode body = JSON.readTree(call.body());
            assertThat(body.get("deliveryId").asString()).isEqualTo(call.headers().get("X-CivicGrid-Delivery"));
            assertThat(body.get("alarmType").asString()).isEqualTo("HEART_RATE_ABNORMAL");
            assertThat(body.get("severity").asString()).isEqualTo("CRITICAL");
            assertThat(body.get("caseId").asString()).isEqualTo(caseId);
            assertThat(body.get("alarmId").asLong()).isEqualTo(alarm.get("id").asLong());
            assertThat(call.body()).as("nothing personal leaves for the escort").doesNotContain("13612349876").doesNotContain("孙");

            // delivered: the publication is complete, the retry sends nothing more
            Thread.sleep(3000);
            assertThat(mine(calls, id)).hasSize(1);
        } finally {
            if (escort != null) {
                escort.stop(0);
            }
            assertThat(send(HttpRequest.newBuilder(URI.create(url("/api/v1/sensing/webhook-targets/" + TARGET + "?reason=" + enc("测试结束"))))
                    .header("Authorization", basic("admin", "demo")).DELETE().build()).status()).isEqualTo(204);
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aTargetNobodyRegisteredIsCountedEveryTimeAndWarnedAboutOnce(CapturedOutput output) {
        assertThat(get("/api/v1/sensing/webhook-targets", "admin").body()).doesNotContain("\"" + TARGET + "\"");
        double missedBefore = webhooks("unknown_target");
        for (int i = 0; i < 2; i++) {
            String id = registerWristband();
            publishHeartRate(id, 40);
            await().atMost(Duration.ofSeconds(20)).until(() -> alarm(id) != null);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> webhooks("unknown_target") >= missedBefore + 2);
        // at most once: an earlier test in this context may already have been warned about the same target
        assertThat(output.getAll().lines().filter(l -> l.contains("Webhook target " + TARGET + " ")).count()).isLessThanOrEqualTo(1);
    }

    @Test
    void onlyAdministratorsKeepTargetsAndNobodyReadsASecretBack() {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"url\":\"https://escort.example.test/hook\",\"secret\":\"" + SECRET + "\",\"reason\":\"测试\"}";
        Response byDistrict = put("/api/v1/sensing/webhook-targets/" + name, body, "dadukou");
        assertThat(byDistrict.status()).isEqualTo(403);
        assertThat(byDistrict.json().get("code").asString()).isEqualTo("ROLE_NOT_ALLOWED");
        assertThat(get("/api/v1/sensing/webhook-targets", "city").status()).isEqualTo(403);

        assertThat(put("/api/v1/sensing/webhook-targets/" + name, body).status()).isEqualTo(201);
        assertThat(put("/api/v1/sensing/webhook-targets/" + name, body).status()).isEqualTo(200);
        Response list = get("/api/v1/sensing/webhook-targets", "admin");
        assertThat(list.body()).contains(name).doesNotContain(SECRET);

        for (String bad : new String[] {"{\"url\":\"ftp://x/y\",\"secret\":\"" + SECRET + "\",\"reason\":\"r\"}",
            "{\"url\":\"https://escort.example.test/hook\",\"secret\":\"short\",\"reason\":\"r\"}",
            "{\"url\":\"https://escort.example.test/hook\",\"secret\":\"" + SECRET + "\"}"}) {
            Response r = put("/api/v1/sensing/webhook-targets/" + name, bad);
            assertThat(r.status()).as(bad).isEqualTo(400);
        }
        assertThat(put("/api/v1/sensing/webhook-targets/Bad%20Name", body).status()).isEqualTo(400);

        JsonNode audit = get("/api/v1/audit/entries?targetType=WEBHOOK_TARGET&targetId=" + name, "admin").json();
        assertThat(audit.toString()).contains("WEBHOOK_TARGET_CREATED").doesNotContain(SECRET);
    }

    private Response put(String path, String json) {
        return put(path, json, "admin");
    }

    private Response put(String path, String json, String user) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json")
                .header("Authorization", basic(user, "demo")).PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private void publishHeartRate(String id, int hr) {
        Mqtt3BlockingClient band = MqttClient.builder().useMqttVersion3().identifier(id).serverHost("127.0.0.1")
                .serverPort(sensing.embeddedMqttPort().orElseThrow()).buildBlocking();
        band.connectWith().simpleAuth().username(id).password((id + "-secret-token").getBytes(StandardCharsets.UTF_8)).applySimpleAuth()
                .send();
        try {
            band.publishWith().topic("civicgrid/v1/devices/" + id + "/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                    .payload(("{\"values\":{\"hr\":" + hr + "}}").getBytes(StandardCharsets.UTF_8)).send();
        } finally {
            band.disconnect();
        }
    }

    private double webhooks(String result) {
        return countOfTarget("civicgrid_sensing_webhooks_total", result);
    }

    private double countOfTarget(String counter, String result) {
        return get("/actuator/prometheus", null).body().lines().filter(l -> l.startsWith(counter + "{")
                && l.contains("result=\"" + result + "\"") && l.contains("target=\"" + TARGET + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    private String registerWristband() {
        JsonNode place = get("/api/v1/devices/demo-door-1", "admin").json().get("place");
        String id = "m-band-" + UUID.randomUUID().toString().substring(0, 8);
        Response r = postJson("/api/v1/devices", "admin", "{\"id\":\"" + id + "\",\"name\":\"独居老人手环\",\"profile\":\"WRISTBAND\",\"lon\":"
                + place.get("lon").asDouble() + ",\"lat\":" + place.get("lat").asDouble() + ",\"owner\":\"test\",\"personName\":\"孙大爷\","
                + "\"personPhone\":\"13612349876\",\"token\":\"" + id + "-secret-token\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }

    private JsonNode alarm(String deviceId) {
        for (JsonNode a : get("/api/v1/alarms?deviceId=" + deviceId, "admin").json().get("items")) {
            if (a.get("type").asString().equals("HEART_RATE_ABNORMAL")) {
                return a;
            }
        }
        return null;
    }

    private double deliveries(String result) {
        return countOfTarget("civicgrid_webhooks_alarm_deliveries_total", result);
    }

    private static List<Call> mine(List<Call> calls, String deviceId) {
        return calls.stream().filter(c -> c.body().contains("\"" + deviceId + "\"")).toList();
    }
}
