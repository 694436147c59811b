package civicgrid.sensing.domain;

import java.util.Map;

/**
 * One telemetry message of a device: when it was measured and its values (a number, a boolean or
 * a short string per key), as the MQTT and HTTP contracts carry them.
 */
public record Reading(long ts, Map<String, Object> values) {

    public Reading {
        values = Map.copyOf(values);
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
