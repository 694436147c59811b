package civicgrid.sensing.domain;

import java.util.List;
import java.util.Objects;

/**
 * A test on one reading. The answer is three-valued: {@link #TRUE}, {@link #FALSE}, or
 * {@link #UNKNOWN} when the reading does not carry the key (a door magnet's battery report says
 * nothing about the door), and an unknown answer changes no alarm.
 */
public sealed interface Condition {

    int FALSE = 0;
    int TRUE = 1;
    int UNKNOWN = -1;

    /**
     * @param active the rule's alarm is active now: thresholds then hold until their clear level (hysteresis)
     * @param memory the previous value of each rate key of the rule set (may be null when the set has none)
     */
    int test(Reading reading, boolean active, RateMemory memory);

    /** The rate keys this condition needs remembered. */
    default void rateKeys(List<String> into) {
    }

    /** Above (or below) a level; once the alarm is active it holds until the value crosses {@code clear} back. */
    record Threshold(String key, boolean above, double raise, double clear) implements Condition {
        public Threshold {
            Objects.requireNonNull(key);
            if (above ? clear > raise : clear < raise) {
                throw new IllegalArgumentException("the clear level of " + key + " must lie on the safe side of the raise level");
            }
        }

        public static Threshold above(String key, double raise, double clear) {
            return new Threshold(key, true, raise, clear);
        }

        public static Threshold below(String key, double raise, double clear) {
            return new Threshold(key, false, raise, clear);
        }

        @Override
        public int test(Reading reading, boolean active, RateMemory memory) {
            double v = reading.number(key);
            if (Double.isNaN(v)) {
                return UNKNOWN;
            }
            double level = active ? clear : raise;
            return (above ? v > level : v < level) ? TRUE : FALSE;
        }
    }

    /** A key carries exactly this value (a boolean, a number or a string). */
    record Equals(String key, Object value) implements Condition {
        public Equals {
            Objects.requireNonNull(key);
            Objects.requireNonNull(value);
        }

        @Override
        public int test(Reading reading, boolean active, RateMemory memory) {
            Object v = reading.values().get(key);
            if (v == null) {
                return UNKNOWN;
            }
            if (v instanceof Number n && value instanceof Number m) {
                return n.doubleValue() == m.doubleValue() ? TRUE : FALSE;
            }
            return value.equals(v) ? TRUE : FALSE;
        }
    }

    /** The value changes faster than {@code perMinute} (absolute) since the previous reading of the key. */
    record RateOfChange(String key, double perMinute) implements Condition {
        public RateOfChange {
            Objects.requireNonNull(key);
            if (!(perMinute > 0)) {
                throw new IllegalArgumentException("a rate of change needs a positive limit per minute");
            }
        }

        @Override
        public int test(Reading reading, boolean active, RateMemory memory) {
            double v = reading.number(key);
            if (Double.isNaN(v) || memory == null) {
                return UNKNOWN;
            }
            double rate = memory.ratePerMinute(key, v, reading.ts());
            return Double.isNaN(rate) ? UNKNOWN : Math.abs(rate) > perMinute ? TRUE : FALSE;
        }

        @Override
        public void rateKeys(List<String> into) {
            if (!into.contains(key)) {
                into.add(key);
            }
        }
    }

    /** Every part holds; false as soon as one part is false. */
    record All(List<Condition> parts) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public int test(Reading reading, boolean active, RateMemory memory) {
            return combine(parts, FALSE, TRUE, reading, active, memory);
        }

        @Override
        public void rateKeys(List<String> into) {
            parts.forEach(p -> p.rateKeys(into));
        }
    }

    /** One part holds; false only when every part is false. */
    record Any(List<Condition> parts) implements Condition {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public int test(Reading reading, boolean active, RateMemory memory) {
            return combine(parts, TRUE, FALSE, reading, active, memory);
        }

        @Override
        public void rateKeys(List<String> into) {
            parts.forEach(p -> p.rateKeys(into));
        }
    }

    /**
     * Three-valued and/or: the first part answering {@code decisive} decides; otherwise UNKNOWN if
     * any part could not tell, else {@code otherwise}.
     */
    private static int combine(List<Condition> parts, int decisive, int otherwise, Reading reading, boolean active, RateMemory memory) {
        int result = otherwise;
        for (Condition c : parts) {
            int r = c.test(reading, active, memory);
            if (r == decisive) {
                return decisive;
            }
            if (r == UNKNOWN) {
                result = UNKNOWN;
            }
        }
        return result;
    }

    static Condition all(Condition... parts) {
        return new All(List.of(parts));
    }

    static Condition any(Condition... parts) {
        return new Any(List.of(parts));
    }

    /** The previous value and time of each rate key of one device. */
    interface RateMemory {
        /** The change per minute since the previous reading of the key; NaN when there is none (or no time passed). */
        double ratePerMinute(String key, double value, long ts);
    }
}
