package civicgrid.sensing.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import civicgrid.support.IntegrationTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Broker messages are taken in by batches: one transaction for the batch's readings, each evaluated
 * in arrival order, refusals counted one by one, and a message's callback (the external broker's
 * acknowledgement) only once its reading is committed.
 */
class TelemetryBatchesTest extends IntegrationTest {

    @Autowired
    TelemetryIngest ingest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    private String register() {
        JsonNode place = get("/api/v1/devices/demo-door-1", "admin").json().get("place");
        String id = "b-smoke-" + UUID.randomUUID().toString().substring(0, 8);
        Response r = postJson("/api/v1/devices", "admin", "{\"id\":\"" + id + "\",\"name\":\"batch\",\"profile\":\"SMOKE\",\"lon\":"
                + place.get("lon").asDouble() + ",\"lat\":" + place.get("lat").asDouble() + ",\"owner\":\"test\",\"token\":\"" + id
                + "-secret-token\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private double refused(String reason) {
        Counter c = meters.find("civicgrid.telemetry.refused").tags("reason", reason, "transport", "test").counter();
        return c == null ? 0 : c.count();
    }

    private double accepted() {
        Counter c = meters.find("civicgrid.telemetry.accepted").tags("transport", "test").counter();
        return c == null ? 0 : c.count();
    }

    private long history(String deviceId) {
        return jdbc.queryForObject("select count(*) from sensing.telemetry where device_id = ?", Long.class, deviceId);
    }

    @Test
    void aBatchIsStoredAtOnceEvaluatedInOrderAndAcknowledgedOnlyAfterItsCommit() {
        String smoke = register();
        long now = System.currentTimeMillis();
        double malformed = refused("malformed");
        double unknown = refused("unknown_device");
        double accepted = accepted();
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        List<Long> storedAtFirstAck = new ArrayList<>();
        String[] payloads = {
            "{\"ts\":" + (now - 2000) + ",\"values\":{\"smoke\":false,\"battery\":80}}",
            "{\"values\":{\"smoke\":",
            "{\"values\":{\"smoke\":true}}",
            "{\"ts\":" + (now - 5000) + ",\"values\":{\"battery\":70}}",
            "{\"ts\":" + (now - 1000) + ",\"values\":{\"smoke\":true}}"};
        List<TelemetryBatches.Incoming> batch = new ArrayList<>();
        for (int i = 0; i < payloads.length; i++) {
            int index = i;
            String device = i == 2 ? "no-such-device-" + UUID.randomUUID().toString().substring(0, 6) : smoke;
            batch.add(new TelemetryBatches.Incoming(device, json(payloads[i]), "test", () -> {
                if (acknowledged.isEmpty()) {
                    storedAtFirstAck.add(history(smoke)); // read on another connection: committed
                }
                acknowledged.add(index);
            }));
        }

        ingest.takeInBatch(batch);

        assertThat(acknowledged).as("every message is done with, in arrival order").containsExactly(0, 1, 2, 3, 4);
        assertThat(storedAtFirstAck).as("the whole batch was committed before the first acknowledgement").containsExactly(4L);
        assertThat(refused("malformed")).isEqualTo(malformed + 1);
        assertThat(refused("unknown_device")).isEqualTo(unknown + 1);
        assertThat(accepted()).as("the accepted ones, counted once for the batch").isEqualTo(accepted + 3);
        assertThat(jdbc.queryForObject("select num_value from sensing.latest_value where device_id = ? and key = 'battery'", Double.class,
                smoke)).as("the newest battery value, not the last to arrive").isEqualTo(80.0);
        assertThat(jdbc.queryForObject("select last_contact from sensing.device where id = ?", Timestamp.class, smoke).getTime())
                .isEqualTo(now - 1000);
        assertThat(jdbc.queryForObject("select count(*) from sensing.alarm where device_id = ? and type = 'SMOKE' and cleared_at is null",
                Long.class, smoke)).isEqualTo(1);
    }

    @Test
    void queuedReadingsOfADeviceAreEvaluatedInTheOrderTheyArrived() {
        String smoke = register();
        long now = System.currentTimeMillis();
        int n = 20;
        List<Integer> acknowledged = new CopyOnWriteArrayList<>();
        for (int i = 0; i < n; i++) {
            int index = i;
            // false, true, false, ... ending true: ten alarms raised, nine cleared again, if and only if the order is kept
            String payload = "{\"ts\":" + (now - (n - i) * 1000L) + ",\"values\":{\"smoke\":" + (i % 2 == 1) + "}}";
            assertThat(ingest.takeIn(smoke, json(payload), "test", () -> acknowledged.add(index))).isTrue();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> acknowledged.size() == n);
        assertThat(acknowledged).isSorted();
        assertThat(history(smoke)).isEqualTo(n);
        assertThat(jdbc.queryForObject("select count(*) from sensing.alarm where device_id = ?", Long.class, smoke)).isEqualTo(10);
        assertThat(jdbc.queryForObject("select count(*) from sensing.alarm where device_id = ? and cleared_at is null", Long.class, smoke))
                .isEqualTo(1);
    }
}
