package civicgrid.duty.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How often an item is due for one subject: every {@code everyDays} days, counted from the
 * subject's anchor date (the day it entered the register, or the duty list's start for a grid).
 * Anchoring per subject spreads the visits of a grid's lone elderly over the days of the cycle
 * instead of piling them on one day.
 */
public record Cadence(int everyDays) {

    public Cadence {
        if (everyDays < 1 || everyDays > 366) {
            throw new IllegalArgumentException("A cadence is 1 to 366 days, not " + everyDays + ".");
        }
    }

    public static Cadence daily() {
        return new Cadence(1);
    }

    public static Cadence weekly() {
        return new Cadence(7);
    }

    public static Cadence everyDays(int days) {
        return new Cadence(days);
    }

    /** True when a subject anchored on {@code anchor} is due on {@code date} (never before its anchor). */
    public boolean isDue(LocalDate anchor, LocalDate date) {
        long days = ChronoUnit.DAYS.between(anchor, date);
        return days >= 0 && days % everyDays == 0;
    }
}
