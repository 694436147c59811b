package civicgrid.sensing.domain;

import java.util.Arrays;
import java.util.List;

/**
 * What the engine remembers of one device, in primitive fields: flags are bits of a {@code long}
 * (bit {@code a} for alarm index {@code a}, bit {@code t} for timer {@code t}), deadlines one
 * {@code long[]}, rate memory two small arrays allocated only for rule sets with rates. Around 150
 * bytes for a door magnet, so millions fit in a few hundred megabytes.
 */
final class DeviceState implements Condition.RateMemory {

    static final long NONE = Long.MIN_VALUE;

    final String id;
    final int slot;
    RuleSet rules;
    long lastContact = NONE;
    /** alarm indexes with an active alarm */
    long active;
    /** alarm indexes whose active alarm was acknowledged */
    long acknowledged;
    /** rules whose last reading met the raise level (not merely the hysteresis' hold level) */
    long metRaise;
    /** absence rules that have seen their awaited event (until then the deadline runs from registration) */
    long awaitedSeen;
    /** timers with an entry in the wheel */
    long filed;
    /** per timer: the due time, or NONE */
    long[] due;
    /** per alarm index: how often it was escalated (null until the first escalation) */
    byte[] escalations;
    double[] rateValue;
    long[] rateTs;

    DeviceState(String id, int slot, RuleSet rules) {
        this.id = id;
        this.slot = slot;
        use(rules);
    }

    /** Takes new rules: alarms, timers and memory of the old ones are forgotten. */
    void use(RuleSet rules) {
        this.rules = rules;
        active = acknowledged = metRaise = awaitedSeen = 0;
        due = new long[4 * rules.size()];
        Arrays.fill(due, NONE);
        escalations = null;
        int rates = rules.rateKeys().size();
        rateValue = rates == 0 ? null : new double[rates];
        rateTs = rates == 0 ? null : new long[rates];
        if (rateTs != null) {
            Arrays.fill(rateTs, NONE);
        }
    }

    boolean isActive(int alarm) {
        return (active & (1L << alarm)) != 0;
    }

    boolean isAcknowledged(int alarm) {
        return (acknowledged & (1L << alarm)) != 0;
    }

    boolean metRaise(int rule) {
        return (metRaise & (1L << rule)) != 0;
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
