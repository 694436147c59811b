package civicgrid.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import civicgrid.support.IntegrationTest;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * CivicGrid on an external broker (the machine's Mosquitto; {@code .ci/run} sets
 * {@code CIVICGRID_TEST_MQTT_URL} when one answers on 127.0.0.1:1883): devices publish to the
 * external broker, the node's shared subscription takes their telemetry into the application's
 * ingest. The node is built here on the shared test context (whose own broker stays the embedded
 * one); that {@code CIVICGRID_MQTT_URL} swaps the embedded broker for it is checked on the
 * configuration alone. Test nodes end their sessions when they disconnect (expiry 0): a session left
 * behind would keep receiving its share of the group's messages.
 */
@EnabledIfEnvironmentVariable(named = "CIVICGRID_TEST_MQTT_URL", matches = ".+")
class ExternalBrokerTest extends IntegrationTest {

    private static final String URL = System.getenv("CIVICGRID_TEST_MQTT_URL");

    @Autowired
    MeterRegistry meters;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;
    @Autowired
    civicgrid.sensing.app.TelemetryIngest ingest;
    @Autowired
    civicgrid.sensing.app.Commands commands;

    private ExternalBroker node;

    @org.junit.jupiter.api.BeforeEach
    void startNode() {
        node = new ExternalBroker(new MqttProperties(URL, null, null, "civicgrid-test-node", null, null, Duration.ZERO), ingest, commands);
        node.start();
    }

    @org.junit.jupiter.api.AfterEach
    void stopNode() {
        node.stop();
    }

    private static Mqtt5BlockingClient device(String name) {
        URI uri = URI.create(URL);
        Mqtt5BlockingClient c = MqttClient.builder().useMqttVersion5().identifier(name + "-" + UUID.randomUUID().toString().substring(0, 6))
                .serverHost(uri.getHost()).serverPort(uri.getPort()).buildBlocking();
        c.connect();
        return c;
    }

    private static void publish(Mqtt5BlockingClient c, String deviceId, String json) {
        c.publishWith().topic(Topics.telemetry(deviceId)).qos(MqttQos.AT_LEAST_ONCE).payload(json.getBytes(StandardCharsets.UTF_8)).send();
    }

    private String register(String profile) {
        JsonNode place = get("/api/v1/devices/demo-door-1", "admin").json().get("place");
        String id = "x-" + profile.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Response r = postJson("/api/v1/devices", "admin", "{\"id\":\"" + id + "\",\"name\":\"external\",\"profile\":\"" + profile
                + "\",\"lon\":" + place.get("lon").asDouble() + ",\"lat\":" + place.get("lat").asDouble()
                + ",\"owner\":\"test\",\"token\":\"" + id + "-secret-token\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }

    private boolean activeAlarm(String deviceId, String type) {
        for (JsonNode a : get("/api/v1/alarms?deviceId=" + deviceId, "admin").json().get("items")) {
            if (a.get("type").asString().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private double refused(String reason) {
        Counter c = meters.find("civicgrid.telemetry.refused").tags("reason", reason, "transport", "mqtt").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void theUrlReplacesTheEmbeddedBrokerWithAConnectedClient() {
        new org.springframework.boot.test.context.runner.ApplicationContextRunner().withUserConfiguration(MqttConfiguration.class)
                .withBean(civicgrid.sensing.app.TelemetryIngest.class, () -> ingest).withBean(civicgrid.sensing.app.Commands.class, () -> commands)
                .withPropertyValues("civicgrid.mqtt.url=" + URL, "civicgrid.mqtt.client-id=civicgrid-test-wiring",
                        "civicgrid.mqtt.session-expiry=PT0S")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedBroker.class).hasSingleBean(ExternalBroker.class);
                    assertThat(context.getBean(ExternalBroker.class).connected()).isTrue();
                });
        new org.springframework.boot.test.context.runner.ApplicationContextRunner().withUserConfiguration(MqttConfiguration.class)
                .withBean(civicgrid.sensing.app.TelemetryIngest.class, () -> ingest).withBean(civicgrid.sensing.app.Commands.class, () -> commands)
                .withPropertyValues("civicgrid.mqtt.url=", "civicgrid.mqtt.embedded-port=0", "civicgrid.mqtt.embedded-host=127.0.0.1")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ExternalBroker.class).hasSingleBean(EmbeddedBroker.class));
    }

    @Test
    void smokeAndADoorNotOpenedForADayRaiseAlarms() {
        String smoke = register("SMOKE");
        String door = register("DOOR_MAGNET");
        Mqtt5BlockingClient c = device("devices");
        try {
            publish(c, smoke, "{\"values\":{\"smoke\":true}}");
            publish(c, door, "{\"ts\":" + (System.currentTimeMillis() - Duration.ofHours(25).toMillis()) + ",\"values\":{\"open\":true}}");
            await().atMost(Duration.ofSeconds(20)).until(() -> activeAlarm(smoke, "SMOKE") && activeAlarm(door, "DOOR_NOT_OPENED"));
        } finally {
            c.disconnect();
        }
    }

    @Test
    void malformedPayloadsAndUnknownDevicesAreCountedAndCreateNothing() {
        String smoke = register("SMOKE");
        double malformed = refused("malformed");
        double unknown = refused("unknown_device");
        Mqtt5BlockingClient c = device("devices");
        try {
            publish(c, smoke, "{\"values\":{\"smoke\":");
            publish(c, smoke, "{\"values\":{}}");
            publish(c, "no-such-device-" + UUID.randomUUID().toString().substring(0, 6), "{\"values\":{\"smoke\":true}}");
            await().atMost(Duration.ofSeconds(20)).until(() -> refused("malformed") >= malformed + 2 && refused("unknown_device") >= unknown + 1);
            assertThat(get("/api/v1/devices/" + smoke, "admin").json().get("latest").isEmpty()).isTrue();
            assertThat(activeAlarm(smoke, "SMOKE")).isFalse();
            // the consumer goes on
            publish(c, smoke, "{\"values\":{\"smoke\":true}}");
            await().atMost(Duration.ofSeconds(20)).until(() -> activeAlarm(smoke, "SMOKE"));
        } finally {
            c.disconnect();
        }
    }

    @Test
    void commandsGoOutThroughTheSameClient() throws Exception {
        String tank = register("METHANE_FAN");
        Mqtt5BlockingClient c = device(tank);
        try (Mqtt5BlockingClient.Mqtt5Publishes commands = c.publishes(MqttGlobalPublishFilter.ALL)) {
            c.subscribeWith().topicFilter(Topics.commands(tank)).qos(MqttQos.AT_LEAST_ONCE).send();
            assertThat(node.publish(tank, "{\"id\":\"c-1\",\"command\":\"fan_on\"}")).isTrue();
            Optional<Mqtt5Publish> command = commands.receive(20, TimeUnit.SECONDS);
            assertThat(command).isPresent();
            JsonNode json = JSON.readTree(new String(command.get().getPayloadAsBytes(), StandardCharsets.UTF_8));
            assertThat(json.get("command").asString()).isEqualTo("fan_on");
        } finally {
            c.disconnect();
        }
    }

    /** Acknowledgements of commands take a thread of their own (a database transaction each), not the client's network thread. */
    @Test
    void acknowledgementsOfCommandsAreHandled() {
        String tank = register("METHANE_FAN");
        double malformed = acks("malformed");
        Mqtt5BlockingClient c = device(tank);
        try {
            c.publishWith().topic(Topics.acks(tank)).qos(MqttQos.AT_LEAST_ONCE).payload("{\"id\":\"not-a-command\"}".getBytes(StandardCharsets.UTF_8))
                    .send();
            await().atMost(Duration.ofSeconds(20)).until(() -> acks("malformed") >= malformed + 1);
        } finally {
            c.disconnect();
        }
    }

    private double acks(String result) {
        Counter c = meters.find("civicgrid.sensing.commands.acks").tags("result", result).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void twoNodesSplitTheDevicesMessages() {
        String smoke = register("SMOKE");
        AtomicInteger atSecondNode = new AtomicInteger();
        Inbound counting = new Inbound(ingest, commands, "mqtt") {
            @Override
            void handle(String topic, String login, byte[] payload, Runnable done) {
                if (smoke.equals(Topics.telemetryDevice(topic))) {
                    atSecondNode.incrementAndGet();
                }
                super.handle(topic, login, payload, done);
            }
        };
        ExternalBroker second = new ExternalBroker(new MqttProperties(URL, null, null, "civicgrid-test-node-2", null, null,
                Duration.ZERO), counting);
        second.start();
        Mqtt5BlockingClient c = device("devices");
        try {
            int n = 20;
            for (int i = 0; i < n; i++) {
                publish(c, smoke, "{\"values\":{\"smoke\":" + (i % 2 == 0) + "}}");
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> history(smoke) == n);
            assertThat(atSecondNode.get()).as("the second node's share").isBetween(1, n - 1);
        } finally {
            c.disconnect();
            second.stop();
        }
    }

    /**
     * A burst far beyond what Mosquitto queues for a session by default (20 in flight, 1,000 queued,
     * the rest dropped) all arrives: the node opens a receive window of its own and takes the burst in
     * by batches, acknowledging each message after its batch's commit.
     */
    @Test
    void aBurstBeyondTheBrokersSessionQueueIsNotDropped() {
        String smoke = register("SMOKE");
        int n = 3000;
        Mqtt5AsyncClient c = MqttClient.builder().useMqttVersion5().identifier("burst-" + UUID.randomUUID().toString().substring(0, 6))
                .serverHost(URI.create(URL).getHost()).serverPort(URI.create(URL).getPort()).buildAsync();
        c.connect().join();
        try {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            byte[] payload = "{\"values\":{\"smoke\":false}}".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < n; i++) {
                sent.add(c.publishWith().topic(Topics.telemetry(smoke)).qos(MqttQos.AT_LEAST_ONCE).payload(payload).send());
            }
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
            await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.queryForObject("select count(*) from sensing.telemetry where device_id = ?",
                    Long.class, smoke) == n);
        } finally {
            c.disconnect().join();
        }
    }

    /** Readings of the device stored by either node. */
    private int history(String deviceId) {
        return get("/api/v1/devices/" + deviceId + "/telemetry?key=smoke", "admin").json().get("items").size();
    }
}
