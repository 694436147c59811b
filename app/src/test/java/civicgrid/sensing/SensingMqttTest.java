package civicgrid.sensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import civicgrid.support.IntegrationTest;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.connect.connack.Mqtt3ConnAckReturnCode;
import com.hivemq.client.mqtt.mqtt3.exceptions.Mqtt3ConnAckException;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Devices over MQTT with a real client against the embedded broker. */
class SensingMqttTest extends IntegrationTest {

    @Autowired
    SensingApi sensing;

    private Mqtt3BlockingClient device(String id, String token) {
        Mqtt3BlockingClient c = MqttClient.builder().useMqttVersion3().identifier(id + "-" + UUID.randomUUID().toString().substring(0, 6))
                .serverHost("127.0.0.1").serverPort(sensing.embeddedMqttPort().orElseThrow()).buildBlocking();
        c.connectWith().simpleAuth().username(id).password(token.getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
        return c;
    }

    private void publish(Mqtt3BlockingClient c, String deviceId, String json) {
        c.publishWith().topic("civicgrid/v1/devices/" + deviceId + "/telemetry").qos(MqttQos.AT_LEAST_ONCE)
                .payload(json.getBytes(StandardCharsets.UTF_8)).send();
    }

    private String register(String profile) {
        JsonNode place = get("/api/v1/devices/demo-door-1", "admin").json().get("place");
        String id = "m-" + profile.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        Response r = postJson("/api/v1/devices", "admin", "{\"id\":\"" + id + "\",\"name\":\"mqtt\",\"profile\":\"" + profile + "\",\"lon\":"
                + place.get("lon").asDouble() + ",\"lat\":" + place.get("lat").asDouble() + ",\"owner\":\"test\",\"token\":\"" + id
                + "-secret-token\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
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
    void theMethaneSensorsFanReceivesFanOnWithAnId() throws Exception {
        String id = register("METHANE_FAN");
        Mqtt3BlockingClient tank = device(id, id + "-secret-token");
        try (Mqtt3BlockingClient.Mqtt3Publishes commands = tank.publishes(MqttGlobalPublishFilter.ALL)) {
            tank.subscribeWith().topicFilter("civicgrid/v1/devices/" + id + "/commands").qos(MqttQos.AT_LEAST_ONCE).send();

            publish(tank, id, "{\"values\":{\"methane\":66.0}}");

            Optional<Mqtt3Publish> command = commands.receive(20, TimeUnit.SECONDS);
            assertThat(command).isPresent();
            JsonNode json = JSON.readTree(new String(command.get().getPayloadAsBytes(), StandardCharsets.UTF_8));
            assertThat(json.get("command").asString()).isEqualTo("fan_on");
            assertThat(UUID.fromString(json.get("id").asString())).isNotNull();
            assertThat(activeAlarm(id, "METHANE_HIGH")).isNotNull();
        } finally {
            tank.disconnect();
        }
    }

    @Test
    void aDoorMagnetOverMqttRaisesTheAlarmADayAfterTheLastOpening() {
        String id = register("DOOR_MAGNET");
        Mqtt3BlockingClient door = device(id, id + "-secret-token");
        try {
            publish(door, id, "{\"ts\":" + (System.currentTimeMillis() - Duration.ofHours(25).toMillis()) + ",\"values\":{\"open\":true}}");
            await().atMost(Duration.ofSeconds(20)).until(() -> activeAlarm(id, "DOOR_NOT_OPENED") != null);

            publish(door, id, "{\"values\":{\"open\":true}}");
            await().atMost(Duration.ofSeconds(20)).until(() -> activeAlarm(id, "DOOR_NOT_OPENED") == null);
        } finally {
            door.disconnect();
        }
    }

    @Test
    void aWrongTokenIsRefusedAtLoginAndAnotherDevicesTopicIsNotWritten() {
        String id = register("SMOKE");
        assertThatThrownBy(() -> device(id, "wrong-token")).isInstanceOfSatisfying(Mqtt3ConnAckException.class,
                e -> assertThat(e.getMqttMessage().getReturnCode()).isIn(Mqtt3ConnAckReturnCode.BAD_USER_NAME_OR_PASSWORD,
                        Mqtt3ConnAckReturnCode.NOT_AUTHORIZED));
        assertThatThrownBy(() -> device("no-such-device", "demo-token")).isInstanceOf(Mqtt3ConnAckException.class);

        String other = register("SMOKE");
        Mqtt3BlockingClient intruder = device(id, id + "-secret-token");
        try {
            // QoS 0: Moquette drops a publish its policy forbids (QoS 1 would cost the session); nothing reaches the other device
            intruder.publishWith().topic("civicgrid/v1/devices/" + other + "/telemetry").qos(MqttQos.AT_MOST_ONCE)
                    .payload("{\"values\":{\"smoke\":true}}".getBytes(StandardCharsets.UTF_8)).send();
            publish(intruder, id, "{\"values\":{\"smoke\":true}}");
            await().atMost(Duration.ofSeconds(20)).until(() -> activeAlarm(id, "SMOKE") != null);
            assertThat(activeAlarm(other, "SMOKE")).isNull();
            assertThat(get("/api/v1/devices/" + other, "admin").json().get("latest").isEmpty()).isTrue();
        } finally {
            intruder.disconnect();
        }
    }

    @Test
    void aMalformedPayloadIsDroppedAndTheSessionGoesOn() {
        String id = register("SMOKE");
        Mqtt3BlockingClient smoke = device(id, id + "-secret-token");
        try {
            publish(smoke, id, "not json");
            publish(smoke, id, "{\"values\":{\"smoke\":true}}");
            await().atMost(Duration.ofSeconds(20)).until(() -> activeAlarm(id, "SMOKE") != null);
            assertThat(get("/api/v1/devices/" + id, "admin").json().get("latest").size()).isEqualTo(1);
        } finally {
            smoke.disconnect();
        }
    }
}
