package civicgrid.sensing.app;

import civicgrid.platform.CivicGridException;
import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.domain.Reading;
import civicgrid.sensing.persistence.DeviceStore;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Telemetry as the contract carries it, over MQTT or HTTP: {@code {"ts": <epoch millis, optional>,
 * "values": {"<key>": <number|boolean|string>}}}. An unknown device, a wrong token and a malformed
 * payload are refused and counted ({@code civicgrid_telemetry_refused_total{reason, transport}}) and
 * never create anything; an accepted reading is stored and evaluated.
 *
 * <p>Over HTTP one request is one reading, taken in before the answer. Brokers hand messages to
 * {@link #takeIn}: they are taken in by batches (one database transaction for all the readings of
 * a batch, then each evaluated in arrival order) and each message's {@code takenIn} callback runs
 * after that, which is when the external broker's message is acknowledged.
 */
@Service
public class TelemetryIngest {

    public static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,60}");
    static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,59}");
    private static final int MAX_VALUES = 100;
    private static final int MAX_TEXT = 200;
    private static final int MAX_BYTES = 16 * 1024;
    private static final Duration FUTURE_SLACK = Duration.ofMinutes(5);
    private static final Duration OLDEST = Duration.ofDays(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Why a message was refused; the tag of the refusal counter. */
    public enum Reason {
        UNKNOWN_DEVICE, BAD_TOKEN, MALFORMED, NOT_ALLOWED
    }

    /** A refused message: the reason (for the counter) and what to tell the sender. */
    public static final class Refused extends CivicGridException {
        private final Reason reason;

        Refused(Reason reason, HttpStatus status, String code, String message) {
            super(status, code, message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }

    /** What became of an accepted message. */
    public record Accepted(String deviceId, long ts, int values, List<Outcome> outcomes) {
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TelemetryIngest.class);

    private final DeviceStore devices;
    private final SensingEngine engine;
    private final MeterRegistry meters;
    private final Clock clock;
    private final TelemetryBatches batches = new TelemetryBatches(this::takeInBatch);

    TelemetryIngest(DeviceStore devices, SensingEngine engine, MeterRegistry meters, Clock clock) {
        this.devices = devices;
        this.engine = engine;
        this.meters = meters;
        this.clock = clock;
    }

    /** What the brokers handed over is taken in before the database closes (the embedded broker has acknowledged it already). */
    @jakarta.annotation.PreDestroy
    void close() {
        batches.close(10_000);
    }

    /**
     * Checks the device's token. An unknown device and a wrong token get the same answer (401
     * {@code DEVICE_AUTH_FAILED}), so the API does not tell which device ids exist; the counter tells
     * the operators which it was.
     */
    public DeviceStore.Device authenticate(String deviceId, String token, String transport) {
        if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
            throw refused(Reason.UNKNOWN_DEVICE, transport);
        }
        Optional<byte[]> stored = devices.tokenHash(deviceId);
        if (stored.isEmpty()) {
            throw refused(Reason.UNKNOWN_DEVICE, transport);
        }
        if (!DeviceTokens.matches(token, stored.get())) {
            throw refused(Reason.BAD_TOKEN, transport);
        }
        return devices.find(deviceId).orElseThrow(() -> refused(Reason.UNKNOWN_DEVICE, transport));
    }

    /** Authenticates, then accepts. */
    public Accepted receive(String deviceId, String token, byte[] payload, String transport) {
        return accept(authenticate(deviceId, token, transport), payload, transport);
    }

    /**
     * Queues a message of a device the broker vouches for (an MQTT session, an external broker's ACL)
     * to be taken in with the others that arrive meanwhile; waits while the queue is full.
     * {@code takenIn} runs once the message is stored and evaluated, or refused (counted); it never
     * runs when CivicGrid failed on it (the database away), so such a message stays unacknowledged.
     * False when the caller was interrupted while waiting for room (the message was not taken); a
     * message arriving after a close starts the worker again.
     */
    public boolean takeIn(String deviceId, byte[] payload, String transport, Runnable takenIn) {
        return batches.put(new TelemetryBatches.Incoming(deviceId, payload, transport, takenIn));
    }

    /**
     * One batch: its devices in one query, its accepted readings stored in one transaction, then each
     * evaluated in arrival order (alarms, commands and cases commit durably, one by one, as they
     * follow), then the callbacks of the messages taken in, in arrival order.
     */
    void takeInBatch(List<TelemetryBatches.Incoming> batch) {
        int n = batch.size();
        Map<String, DeviceStore.Device> known = devices.findAll(batch.stream().map(TelemetryBatches.Incoming::deviceId)
                .filter(id -> id != null && DEVICE_ID.matcher(id).matches()).collect(java.util.stream.Collectors.toSet()));
        boolean[] takenIn = new boolean[n];
        Reading[] readings = new Reading[n];
        List<DeviceStore.Received> toStore = new java.util.ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TelemetryBatches.Incoming m = batch.get(i);
            try {
                if (!known.containsKey(m.deviceId())) {
                    throw refused(Reason.UNKNOWN_DEVICE, m.transport());
                }
                readings[i] = parse(m.payload(), m.transport());
                toStore.add(new DeviceStore.Received(m.deviceId(), readings[i]));
            } catch (Refused refused) {
                log.debug("Refused {} telemetry of {}: {}", m.transport(), m.deviceId(), refused.getMessage());
                takenIn[i] = true;
            }
        }
        try {
            devices.recordAll(toStore);
        } catch (RuntimeException e) {
            log.error("{} readings could not be stored; they stay unacknowledged", toStore.size(), e);
            java.util.Arrays.fill(readings, null);
        }
        Map<String, Integer> acceptedBy = new java.util.HashMap<>(4);
        for (int i = 0; i < n; i++) {
            if (readings[i] == null) {
                continue;
            }
            TelemetryBatches.Incoming m = batch.get(i);
            try {
                engine.evaluate(known.get(m.deviceId()), readings[i]);
                acceptedBy.merge(m.transport(), 1, Integer::sum);
                takenIn[i] = true;
            } catch (RuntimeException e) {
                log.error("{} telemetry of {} was stored but its evaluation failed; it stays unacknowledged", m.transport(), m.deviceId(), e);
            }
        }
        // counted once a batch: finding the counter in the registry costs more than the increment
        acceptedBy.forEach((transport, count) -> meters.counter("civicgrid.telemetry.accepted", "transport", transport).increment(count));
        for (int i = 0; i < n; i++) {
            if (takenIn[i]) {
                try {
                    batch.get(i).takenIn().run();
                } catch (RuntimeException e) {
                    log.warn("Acknowledging {} telemetry of {} failed: {}", batch.get(i).transport(), batch.get(i).deviceId(), e.toString());
                }
            }
        }
    }

    /** Counts a message refused before it reached the ingest (e.g. a publish to another device's topic). */
    public void countRefused(Reason reason, String transport) {
        meters.counter("civicgrid.telemetry.refused", "reason", reason.name().toLowerCase(java.util.Locale.ROOT), "transport", transport)
                .increment();
    }

    private Accepted accept(DeviceStore.Device device, byte[] payload, String transport) {
        Reading reading = parse(payload, transport);
        devices.record(device.id(), reading);
        List<Outcome> outcomes = engine.evaluate(device, reading);
        meters.counter("civicgrid.telemetry.accepted", "transport", transport).increment();
        return new Accepted(device.id(), reading.ts(), reading.values().size(), outcomes);
    }

    Reading parse(byte[] payload, String transport) {
        if (payload == null || payload.length == 0 || payload.length > MAX_BYTES) {
            throw malformed(transport, "The payload must be a JSON object of at most 16 KB.");
        }
        JsonNode root;
        try {
            root = JSON.readTree(payload);
        } catch (JacksonException e) {
            throw malformed(transport, "The payload is not valid JSON.");
        }
        if (root == null || !root.isObject()) {
            throw malformed(transport, "The payload must be a JSON object with \"values\".");
        }
        long now = clock.millis();
        long ts = now;
        JsonNode tsNode = root.get("ts");
        if (tsNode != null && !tsNode.isNull()) {
            if (!tsNode.isIntegralNumber() || !tsNode.canConvertToLong()) {
                throw malformed(transport, "\"ts\" must be epoch milliseconds (an integer).");
            }
            ts = tsNode.longValue();
            if (ts > now + FUTURE_SLACK.toMillis() || ts < now - OLDEST.toMillis()) {
                throw malformed(transport, "\"ts\" must lie within the last 30 days and not in the future.");
            }
        }
        JsonNode values = root.get("values");
        if (values == null || !values.isObject() || values.isEmpty() || values.size() > MAX_VALUES) {
            throw malformed(transport, "\"values\" must be an object with 1 to " + MAX_VALUES + " keys.");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : values.properties()) {
            if (!KEY.matcher(e.getKey()).matches()) {
                throw malformed(transport, "A key is a letter followed by up to 59 letters, digits, '_', '.' or '-'.");
            }
            JsonNode v = e.getValue();
            if (v.isNumber()) {
                double d = v.doubleValue();
                if (!Double.isFinite(d)) {
                    throw malformed(transport, "Value of " + e.getKey() + " is not a finite number.");
                }
                out.put(e.getKey(), d);
            } else if (v.isBoolean()) {
                out.put(e.getKey(), v.booleanValue());
            } else if (v.isString() && v.stringValue().length() <= MAX_TEXT) {
                out.put(e.getKey(), v.stringValue());
            } else {
                throw malformed(transport, "Value of " + e.getKey() + " must be a number, a boolean or a string of at most " + MAX_TEXT
                        + " characters.");
            }
        }
        return new Reading(ts, out);
    }

    private Refused malformed(String transport, String detail) {
        countRefused(Reason.MALFORMED, transport);
        return new Refused(Reason.MALFORMED, HttpStatus.BAD_REQUEST, "MALFORMED_TELEMETRY", detail);
    }

    private Refused refused(Reason reason, String transport) {
        countRefused(reason, transport);
        return new Refused(reason, HttpStatus.UNAUTHORIZED, "DEVICE_AUTH_FAILED", "Unknown device or wrong device token.");
    }
}
