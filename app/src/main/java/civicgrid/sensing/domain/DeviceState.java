package civicgrid.sensing.domain;

import java.util.Arrays;
import java.util.List;

/**
 * What the engine remembers of one device, in primitive fields: flags are bits of an {@code int}
 * (bit {@code a} for alarm index {@code a}: at most 2 × {@link RuleSet#MAX_RULES} = 32 alarm
 * indexes), the timers' armed bits a {@code long} (4 × 16 timers), deadlines one {@code long[]}
 * allocated when a timer is first armed (most smoke detectors, manhole sensors and wristbands never
 * arm one), escalation levels and rate memory only when needed. The device's id is not kept here:
 * the engine's {@link DeviceIds} holds it compactly and names the device by its slot. 72 bytes an
 * object, so millions of devices fit in a few hundred megabytes (README, Benchmarks).
 */
final class DeviceState implements Condition.RateMemory {

    static final long NONE = Long.MIN_VALUE;

    final int slot;
    RuleSet rules;
    long lastContact = NONE;
    /** alarm indexes with an active alarm */
    int active;
    /** alarm indexes whose active alarm was acknowledged */
    int acknowledged;
    /** rules whose last reading met the raise level (not merely the hysteresis' hold level) */
    int metRaise;
    /** absence rules that have seen their awaited event (until then the deadline runs from registration) */
    int awaitedSeen;
    /** timers with an entry in the wheel */
    long filed;
    /** per timer: the due time, or NONE; null while no timer was ever armed */
    private long[] due;
    /** per alarm index: how often it was escalated (null until the first alarm) */
    byte[] escalations;
    double[] rateValue;
    long[] rateTs;

    DeviceState(int slot, RuleSet rules) {
        this.slot = slot;
        use(rules);
    }

    /** Takes new rules: alarms, timers and memory of the old ones are forgotten. */
    void use(RuleSet rules) {
        this.rules = rules;
        active = acknowledged = metRaise = awaitedSeen = 0;
        due = null;
        escalations = null;
        int rates = rules.rateKeys().size();
        rateValue = rates == 0 ? null : new double[rates];
        rateTs = rates == 0 ? null : new long[rates];
        if (rateTs != null) {
            Arrays.fill(rateTs, NONE);
        }
    }

    /** How many timers the rules have: four per rule. */
    int timers() {
        return 4 * rules.size();
    }

    long due(int timer) {
        return due == null ? NONE : due[timer];
    }

    void setDue(int timer, long when) {
        if (due == null) {
            if (when == NONE) {
                return;
            }
            due = new long[timers()];
            Arrays.fill(due, NONE);
        }
        due[timer] = when;
    }

    /** Every timer's due time (a copy; NONE for the unarmed). */
    long[] dueTimes() {
        if (due != null) {
            return due.clone();
        }
        long[] none = new long[timers()];
        Arrays.fill(none, NONE);
        return none;
    }

    boolean isActive(int alarm) {
        return (active & (1 << alarm)) != 0;
    }

    boolean isAcknowledged(int alarm) {
        return (acknowledged & (1 << alarm)) != 0;
    }

    boolean metRaise(int rule) {
        return (metRaise & (1 << rule)) != 0;
    }

    int escalation(int alarm) {
        return escalations == null ? 0 : escalations[alarm];
    }

    void setEscalation(int alarm, int level) {
        if (escalations == null) {
            escalations = new byte[2 * rules.size()];
        }
        escalations[alarm] = (byte) level;
    }

    @Override
    public double ratePerMinute(String key, double value, long ts) {
        int k = rules.rateKeys().indexOf(key);
        if (k < 0 || rateTs[k] == NONE || ts <= rateTs[k]) {
            return Double.NaN;
        }
        return (value - rateValue[k]) * 60_000.0 / (ts - rateTs[k]);
    }

    void remember(Reading reading) {
        if (rateTs == null) {
            return;
        }
        List<String> keys = rules.rateKeys();
        for (int k = 0; k < keys.size(); k++) {
            double v = reading.number(keys.get(k));
            if (!Double.isNaN(v) && reading.ts() > rateTs[k]) {
                rateValue[k] = v;
                rateTs[k] = reading.ts();
            }
        }
    }
}
