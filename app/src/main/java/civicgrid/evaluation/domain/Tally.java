package civicgrid.evaluation.domain;

import java.util.EnumMap;
import java.util.Map;

/** Counts of the measures for one subject over a period. */
public final class Tally {

    private final EnumMap<Measure, Long> counts = new EnumMap<>(Measure.class);

    public static Tally of(Map<Measure, Long> counts) {
        Tally t = new Tally();
        t.counts.putAll(counts);
        return t;
    }

    public long get(Measure measure) {
        return counts.getOrDefault(measure, 0L);
    }

    public void add(Measure measure, long n) {
        counts.merge(measure, n, Long::sum);
    }

    /** The rates of this subject's kind that have a denominator, keyed as in the API, in the kind's order. */
    public Map<Rate, Double> rates(SubjectKind kind) {
        Map<Rate, Double> out = new java.util.LinkedHashMap<>();
        for (Rate rate : kind.rates()) {
            Double value = rate.of(this);
            if (value != null) {
                out.put(rate, value);
            }
        }
        return out;
    }
}
