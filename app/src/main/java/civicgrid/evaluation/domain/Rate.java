package civicgrid.evaluation.domain;

/** A GB/T 30428.4 rate: a count over another, and whether more is better. */
public enum Rate {
    REGISTRATION("registrationRate", Measure.REPORTED_REGISTERED, Measure.REPORTED, true),
    ON_TIME_VERIFICATION("onTimeVerificationRate", Measure.VERIFIED_ON_TIME, Measure.VERIFIED, true),
    ON_TIME_REGISTRATION("onTimeRegistrationRate", Measure.REGISTERED_ON_TIME, Measure.REGISTERED, true),
    ON_TIME_DISPATCH("onTimeDispatchRate", Measure.DISPATCHED_ON_TIME, Measure.DISPATCHED, true),
    ACCURATE_DISPATCH("accurateDispatchRate", Measure.DISPATCHED_ACCURATELY, Measure.DISPATCHED, true),
    DISPOSAL("disposalRate", Measure.HANDLED, Measure.DUE, true),
    ON_TIME_DISPOSAL("onTimeDisposalRate", Measure.HANDLED_ON_TIME, Measure.DUE, true),
    OVERDUE("overdueRate", Measure.OVERDUE, Measure.DUE, false),
    REWORK("reworkRate", Measure.REWORKED, Measure.HANDLED, false),
    ON_TIME_CHECK("onTimeCheckRate", Measure.CHECKED_ON_TIME, Measure.CHECKED, true),
    CLOSURE("closureRate", Measure.CLOSED, Measure.REGISTERED, true),
    SATISFACTION("satisfactionRate", Measure.SATISFIED, Measure.RATED, true);

    private final String key;
    private final Measure part;
    private final Measure whole;
    private final boolean higherIsBetter;

    Rate(String key, Measure part, Measure whole, boolean higherIsBetter) {
        this.key = key;
        this.part = part;
        this.whole = whole;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name in the API ({@code onTimeDisposalRate}). */
    public String key() {
        return key;
    }

    /** The count over the whole (the numerator). */
    public Measure part() {
        return part;
    }

    /** The count it is over (the denominator). */
    public Measure whole() {
        return whole;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The rate of these counts, to four decimals; null where nothing was counted in the denominator. */
    public Double of(Tally tally) {
        long w = tally.get(whole);
        return w == 0 ? null : Math.round(tally.get(part) * 10000.0 / w) / 10000.0;
    }

    /** The rate's contribution to a score: itself, or its complement when less is better. */
    public double merit(double value) {
        return higherIsBetter ? value : 1 - value;
    }

    public static Rate ofKey(String key) {
        for (Rate r : values()) {
            if (r.key.equals(key)) {
                return r;
            }
        }
        throw new IllegalArgumentException("No rate " + key);
    }
}
