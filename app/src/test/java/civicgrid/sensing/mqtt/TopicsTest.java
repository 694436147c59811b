package civicgrid.sensing.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Topic names are read by plain string comparison on every message: the same answers as the contract's patterns. */
class TopicsTest {

    @Test
    void theDeviceIsTheOneLevelBetweenThePrefixAndTheKind() {
        assertThat(Topics.telemetryDevice("civicgrid/v1/devices/smoke-1/telemetry")).isEqualTo("smoke-1");
        assertThat(Topics.ackDevice("civicgrid/v1/devices/fan.2:a/acks")).isEqualTo("fan.2:a");
        assertThat(Topics.telemetryDevice(Topics.telemetry("x"))).isEqualTo("x");
        assertThat(Topics.ackDevice(Topics.acks("x"))).isEqualTo("x");
    }

    @Test
    void anythingElseIsNoDevice() {
        for (String topic : new String[] {"civicgrid/v1/devices//telemetry", "civicgrid/v1/devices/telemetry", "civicgrid/v1/devices/a/b/telemetry",
            "civicgrid/v1/devices/a/telemetry/", "civicgrid/v1/devices/a/telemetryx", "xcivicgrid/v1/devices/a/telemetry",
            "civicgrid/v2/devices/a/telemetry", "civicgrid/v1/devices/a/acks", "civicgrid/v1/devices/a/commands", "", "/telemetry"}) {
            assertThat(Topics.telemetryDevice(topic)).as(topic).isNull();
        }
        assertThat(Topics.ackDevice("civicgrid/v1/devices/a/telemetry")).isNull();
        assertThat(Topics.ackDevice("civicgrid/v1/devices//acks")).isNull();
        assertThat(Topics.ackDevice("civicgrid/v1/devices/acks")).isNull();
    }
}
