package civicgrid.sensing.domain;

import java.util.Arrays;

/**
 * What the {@link RuleEngine} remembers of one device, as plain values, so that it can be kept
 * outside the engine (a Kafka Streams state store) and put back with
 * {@link RuleEngine#restore(String, RuleSet, DeviceSnapshot)}. Only meaningful together with the
 * rule set it was taken with: bit {@code a} of the flags is alarm index {@code a}, {@code due[t]}
 * timer {@code t} (see {@link RuleEngine}).
 *
 * @param lastContact  the last reading's time, or {@link #NONE}
 * @param active       alarm indexes with an active alarm
 * @param acknowledged alarm indexes whose active alarm was acknowledged
 * @param metRaise     rules whose last reading met the raise level
 * @param awaitedSeen  absence rules that have seen their awaited event
 * @param due          per timer its due time or {@link #NONE}; four per rule
 * @param escalations  per alarm index how often it was escalated, or null before the first escalation
 * @param rateValue    per rate key the previous value, or null for rule sets without rates
 * @param rateTs       per rate key the previous value's time, or null
 */
public record DeviceSnapshot(long lastContact, long active, long acknowledged, long metRaise, long awaitedSeen, long[] due,
                             byte[] escalations, double[] rateValue, long[] rateTs) {

    /** "No time": an unarmed timer, a device never heard from. */
    public static final long NONE = DeviceState.NONE;

    /** The snapshot fits the rule set: as many timers, escalation counters and rate keys as it needs. */
    public boolean fits(RuleSet rules) {
        int rates = rules.rateKeys().size();
        return due != null && due.length == 4 * rules.size()
                && (escalations == null || escalations.length == 2 * rules.size())
                && (rates == 0 ? rateValue == null && rateTs == null
                : rateValue != null && rateTs != null && rateValue.length == rates && rateTs.length == rates);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceSnapshot s && lastContact == s.lastContact && active == s.active && acknowledged == s.acknowledged
                && metRaise == s.metRaise && awaitedSeen == s.awaitedSeen && Arrays.equals(due, s.due)
                && Arrays.equals(escalations, s.escalations) && Arrays.equals(rateValue, s.rateValue) && Arrays.equals(rateTs, s.rateTs);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(active) * 31 + Arrays.hashCode(due);
    }

    @Override
    public String toString() {
        return "DeviceSnapshot[lastContact=" + lastContact + ", active=" + active + ", acknowledged=" + acknowledged + ", metRaise="
                + metRaise + ", awaitedSeen=" + awaitedSeen + ", due=" + Arrays.toString(due) + ", escalations="
                + Arrays.toString(escalations) + ", rateValue=" + Arrays.toString(rateValue) + ", rateTs=" + Arrays.toString(rateTs) + "]";
    }
}
