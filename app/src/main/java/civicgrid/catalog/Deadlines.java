package civicgrid.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * Deadline arithmetic on the three clocks over a {@link WorkCalendar}. Pure and immutable.
 *
 * <ul>
 * <li>URGENT_HOURS: natural hours.</li>
 * <li>WORK_HOURS: only time inside working periods of working days counts; a limit that starts
 * outside working time starts at the next working period; a limit that uses up a period exactly
 * ends at that period's end.</li>
 * <li>WORK_DAYS: whole working days ending at the same time of day; a start outside working hours
 * counts from the next working period; a fraction of a day is that share of a working day's
 * hours, added on the WORK_HOURS clock.</li>
 * </ul>
 *
 * Hung cases stop their clock: {@link #elapsed} measures what was used before the hang, and the
 * remainder runs again from the resumption ({@link #remaining}).
 */
public final class Deadlines {

    private static final int MAX_DAYS_SEARCHED = 800;
    private final WorkCalendar calendar;

    public Deadlines(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    public WorkCalendar calendar() {
        return calendar;
    }

    /** The moment a limit starting at {@code start} runs out. */
    public Instant deadline(Instant start, TimeLimit limit) {
        return switch (limit.clock()) {
            case URGENT_HOURS -> start.plusSeconds(seconds(limit.amount(), 3600));
            case WORK_HOURS -> addWorkingSeconds(start, seconds(limit.amount(), 3600));
            case WORK_DAYS -> addWorkingDays(start, limit.amount());
        };
    }

    /** The moment {@code fraction} of the limit is used (0.8: the yellow light). */
    public Instant fractionReached(Instant start, TimeLimit limit, double fraction) {
        return deadline(start, limit.times(fraction));
    }

    /** How much of a clock ran between two moments, in the clock's unit (hours or working days). */
    public BigDecimal elapsed(Instant from, Instant to, ClockType clock) {
        if (!to.isAfter(from)) {
            return BigDecimal.ZERO;
        }
        return switch (clock) {
            case URGENT_HOURS -> BigDecimal.valueOf(Duration.between(from, to).getSeconds())
                    .divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP);
            case WORK_HOURS -> BigDecimal.valueOf(workingSecondsBetween(from, to))
                    .divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP);
            case WORK_DAYS -> BigDecimal.valueOf(workingSecondsBetween(from, to))
                    .divide(BigDecimal.valueOf(calendar.workingMinutesPerDay() * 60), 6, RoundingMode.HALF_UP);
        };
    }

    /** What is left of a limit after running from {@code start} to {@code pausedAt} (never negative). */
    public TimeLimit remaining(TimeLimit limit, Instant start, Instant pausedAt) {
        BigDecimal left = limit.amount().subtract(elapsed(start, pausedAt, limit.clock()));
        return new TimeLimit(limit.clock(), left.max(BigDecimal.ZERO));
    }

    /** Working seconds between two moments (both clocks that skip non-working time use this). */
    public long workingSecondsBetween(Instant from, Instant to) {
        long total = 0;
        ZonedDateTime t = from.atZone(calendar.zone());
        ZonedDateTime end = to.atZone(calendar.zone());
        LocalDate day = t.toLocalDate();
        for (int guard = 0; !day.isAfter(end.toLocalDate()); guard++, day = day.plusDays(1)) {
            if (guard > MAX_DAYS_SEARCHED * 20) {
                throw new IllegalArgumentException("interval too long");
            }
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            for (WorkCalendar.Period p : calendar.periods()) {
                ZonedDateTime ps = day.atTime(p.start()).atZone(calendar.zone());
                ZonedDateTime pe = day.atTime(p.end()).atZone(calendar.zone());
                ZonedDateTime a = ps.isBefore(t) ? t : ps;
                ZonedDateTime b = pe.isAfter(end) ? end : pe;
                if (b.isAfter(a)) {
                    total += Duration.between(a, b).getSeconds();
                }
            }
        }
        return total;
    }

    private Instant addWorkingSeconds(Instant start, long seconds) {
        if (seconds == 0) {
            return start;
        }
        long remaining = seconds;
        ZonedDateTime t = start.atZone(calendar.zone());
        LocalDate day = t.toLocalDate();
        for (int guard = 0; guard < MAX_DAYS_SEARCHED * 20; guard++, day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            for (WorkCalendar.Period p : calendar.periods()) {
                ZonedDateTime ps = day.atTime(p.start()).atZone(calendar.zone());
                ZonedDateTime pe = day.atTime(p.end()).atZone(calendar.zone());
                if (!pe.isAfter(t)) {
                    continue;
                }
                ZonedDateTime from = ps.isBefore(t) ? t : ps;
                long available = Duration.between(from, pe).getSeconds();
                if (remaining <= available) {
                    return from.plusSeconds(remaining).toInstant();
                }
                remaining -= available;
            }
        }
        throw new IllegalStateException("no working time in the calendar for " + MAX_DAYS_SEARCHED + " days");
    }

    private Instant addWorkingDays(Instant start, BigDecimal amount) {
        ZonedDateTime t = firstWorkingMoment(start.atZone(calendar.zone()));
        int whole = amount.intValue();
        BigDecimal fraction = amount.subtract(BigDecimal.valueOf(whole));
        LocalTime timeOfDay = t.toLocalTime();
        LocalDate day = t.toLocalDate();
        int counted = 0;
        int guard = 0;
        while (counted < whole) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
            if (++guard > MAX_DAYS_SEARCHED) {
                throw new IllegalStateException("no working days in the calendar for " + MAX_DAYS_SEARCHED + " days");
            }
        }
        Instant afterWholeDays = day.atTime(timeOfDay).atZone(calendar.zone()).toInstant();
        long fractionSeconds = fraction.multiply(BigDecimal.valueOf(calendar.workingMinutesPerDay() * 60))
                .setScale(0, RoundingMode.HALF_UP).longValue();
        return addWorkingSeconds(afterWholeDays, fractionSeconds);
    }

    /** The start itself on a working day between the first and last period; otherwise the next period start. */
    private ZonedDateTime firstWorkingMoment(ZonedDateTime t) {
        LocalTime first = calendar.periods().get(0).start();
        LocalTime last = calendar.periods().get(calendar.periods().size() - 1).end();
        LocalDate day = t.toLocalDate();
        if (calendar.isWorkingDay(day) && !t.toLocalTime().isBefore(first) && t.toLocalTime().isBefore(last)) {
            return t;
        }
        if (!calendar.isWorkingDay(day) || !t.toLocalTime().isBefore(last)) {
            day = day.plusDays(1);
            for (int guard = 0; !calendar.isWorkingDay(day); guard++) {
                if (guard > MAX_DAYS_SEARCHED) {
                    throw new IllegalStateException("no working days in the calendar");
                }
                day = day.plusDays(1);
            }
        }
        return day.atTime(first).atZone(calendar.zone());
    }

    private static long seconds(BigDecimal amount, long unit) {
        return amount.multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.HALF_UP).longValue();
    }
}
