package civicgrid.sensing.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One telemetry message of a device: when it was measured and its values (a number, a boolean or
 * a short string per key), as the MQTT and HTTP contracts carry them.
 */
public record Reading(long ts, Map<String, Object> values) {

    /**
     * Keeps the values in the order the device sent them (an immutable copy), so that an alarm's
     * detail reads the same wherever the reading is evaluated, in-process or in the Kafka Streams
     * topology after a round trip through JSON; {@code Map.copyOf} would order them by a per-JVM salt.
     */
    public Reading {
        if (values.size() <= 1) {
            values = Map.copyOf(values); // one value has one order (and Map.of(k, v) is not copied at all)
        } else {
            Map<String, Object> copy = new LinkedHashMap<>(values.size() * 2);
            values.forEach((k, v) -> copy.put(Objects.requireNonNull(k), Objects.requireNonNull(v, k)));
            values = Collections.unmodifiableMap(copy);
        }
    }

    public static Reading of(long ts, String key, Object value) {
        return new Reading(ts, Map.of(key, value));
    }

    /** The value as a number (a boolean counts as 1 or 0), or NaN when absent or not numeric. */
    public double number(String key) {
        Object v = values.get(key);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return Double.NaN;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }
}
