package civicgrid.sensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import civicgrid.support.IntegrationTest;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt3.Mqtt3BlockingClient;
import com.hivemq.client.mqtt.mqtt3.message.publish.Mqtt3Publish;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Commands to actuators over the embedded broker with a real device client: acknowledged on the
 * device's acks topic → ACKED and not sent again; never acknowledged → sent again with the same id
 * (the suite waits 1 s, then 2 s, 3 sends at most: ApplicationTest) and then FAILED with a
 * COMMAND_FAILED alarm on the device.
 */
class CommandDeliveryMqttTest extends IntegrationTest {

    @Autowired
    SensingApi sensing;

    private Mqtt3BlockingClient device(String id) {
        Mqtt3BlockingClient c = MqttClient.builder().useMqttVersion3().identifier(id + "-" + UUID.randomUUID().toString().substring(0, 6))
                .serverHost("127.0.0.1").serverPort(sensing.embeddedMqttPort().orElseThrow()).buildBlocking();
        c.connectWith().simpleAuth().username(id).password((id + "-secret-token").getBytes(StandardCharsets.UTF_8)).applySimpleAuth().send();
        return c;
    }

    private static void send(Mqtt3BlockingClient c, String topic, String json) {
        c.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(json.getBytes(StandardCharsets.UTF_8)).send();
    }

    private String register() {
        JsonNode place = get("/api/v1/devices/demo-door-1", "admin").json().get("place");
        String id = "c-fan-" + UUID.randomUUID().toString().substring(0, 8);
        Response r = postJson("/api/v1/devices", "admin", "{\"id\":\"" + id + "\",\"name\":\"fan\",\"profile\":\"METHANE_FAN\",\"lon\":"
                + place.get("lon").asDouble() + ",\"lat\":" + place.get("lat").asDouble() + ",\"owner\":\"test\",\"token\":\"" + id
                + "-secret-token\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }

    private JsonNode command(String deviceId, String commandId) {
        for (JsonNode c : get("/api/v1/devices/" + deviceId, "admin").json().get("commands")) {
            if (c.get("id").asString().equals(commandId)) {
                return c;
            }
        }
        return null;
    }

    private static String id(Mqtt3Publish p) {
        return JSON.readTree(new String(p.getPayloadAsBytes(), StandardCharsets.UTF_8)).get("id").asString();
    }

    @Test
    void anAcknowledgedCommandIsAckedAndNotSentAgain() throws Exception {
        String tank = register();
        String other = register();
        Mqtt3BlockingClient c = device(tank);
        Mqtt3BlockingClient intruder = device(other);
        try (Mqtt3BlockingClient.Mqtt3Publishes commands = c.publishes(MqttGlobalPublishFilter.ALL)) {
            c.subscribeWith().topicFilter("civicgrid/v1/devices/" + tank + "/commands").qos(MqttQos.AT_LEAST_ONCE).send();
            send(c, "civicgrid/v1/devices/" + tank + "/telemetry", "{\"values\":{\"methane\":66.0}}");
            String id = id(commands.receive(20, TimeUnit.SECONDS).orElseThrow());
            assertThat(command(tank, id).get("command").asString()).isEqualTo("fan_on");

            // another device cannot acknowledge it for the fan
            send(intruder, "civicgrid/v1/devices/" + other + "/acks", "{\"id\":\"" + id + "\"}");
            send(c, "civicgrid/v1/devices/" + tank + "/acks", "{\"id\":\"" + id + "\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> command(tank, id).get("state").asString().equals("ACKED"));

            // whatever went out before the acknowledgement arrived, nothing goes out after it
            while (commands.receive(100, TimeUnit.MILLISECONDS).isPresent()) {
                // drained
            }
            int attempts = command(tank, id).get("attempts").asInt();
            assertThat(commands.receive(4, TimeUnit.SECONDS)).isEmpty();
            assertThat(command(tank, id).get("attempts").asInt()).isEqualTo(attempts);
            assertThat(command(tank, id).hasNonNull("failedAt")).isFalse();
        } finally {
            c.disconnect();
            intruder.disconnect();
        }
    }

    @Test
    void anUnacknowledgedCommandIsSentAgainThenFailsWithAnAlarm() throws Exception {
        String tank = register();
        Mqtt3BlockingClient c = device(tank);
        try (Mqtt3BlockingClient.Mqtt3Publishes commands = c.publishes(MqttGlobalPublishFilter.ALL)) {
            c.subscribeWith().topicFilter("civicgrid/v1/devices/" + tank + "/commands").qos(MqttQos.AT_LEAST_ONCE).send();
            send(c, "civicgrid/v1/devices/" + tank + "/telemetry", "{\"values\":{\"methane\":66.0}}");
            // a malformed acknowledgement changes nothing
            send(c, "civicgrid/v1/devices/" + tank + "/acks", "{\"id\":\"not-a-command\"}");

            List<String> received = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Optional<Mqtt3Publish> p = commands.receive(20, TimeUnit.SECONDS);
                assertThat(p).as("send %d", i + 1).isPresent();
                received.add(id(p.get()));
            }
            assertThat(received).as("the same command each time").containsOnly(received.get(0));
            String id = received.get(0);

            await().atMost(Duration.ofSeconds(30)).until(() -> command(tank, id).get("state").asString().equals("FAILED"));
            assertThat(command(tank, id).get("attempts").asInt()).isEqualTo(3);
            JsonNode failed = null;
            for (JsonNode a : get("/api/v1/alarms?deviceId=" + tank, "admin").json().get("items")) {
                if (a.get("type").asString().equals("COMMAND_FAILED")) {
                    failed = a;
                }
            }
            assertThat(failed).as("a COMMAND_FAILED alarm").isNotNull();
            assertThat(failed.get("status").asString()).isEqualTo("ACTIVE_UNACK");
            assertThat(failed.get("detail").asString()).contains("fan_on").contains("METHANE_HIGH").contains(id);
            // given up: nothing more goes out
            assertThat(commands.receive(3, TimeUnit.SECONDS)).isEmpty();
        } finally {
            c.disconnect();
        }
    }
}
