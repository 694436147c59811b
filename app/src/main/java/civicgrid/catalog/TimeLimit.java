package civicgrid.catalog;

import java.math.BigDecimal;

/** A limit on one clock, e.g. 8 WORK_HOURS or 0.25 URGENT_HOURS. */
public record TimeLimit(ClockType clock, BigDecimal amount) {

    public TimeLimit {
        if (clock == null || amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("a time limit needs a clock and a non-negative amount");
        }
    }

    public static TimeLimit of(ClockType clock, double amount) {
        return new TimeLimit(clock, BigDecimal.valueOf(amount));
    }

    public TimeLimit plus(TimeLimit extension) {
        if (extension.clock != clock) {
            throw new IllegalArgumentException("cannot add " + extension.clock + " to " + clock);
        }
        return new TimeLimit(clock, amount.add(extension.amount));
    }

    public TimeLimit times(double factor) {
        return new TimeLimit(clock, amount.multiply(BigDecimal.valueOf(factor)));
    }

    @Override
    public String toString() {
        return amount.stripTrailingZeros().toPlainString() + " " + clock;
    }
}
