package civicgrid.cases.domain;

import civicgrid.catalog.Deadlines;
import civicgrid.catalog.TimeLimit;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The clock of a case's current stage: its full limit, what is left of it to run from
 * {@code startedAt} ({@code limit}: less than the full limit after a hang), the yellow and red
 * moments, and which lights came on. {@code seq} numbers every change of the clock, so a timer set
 * for an older clock finds nothing to do. Lights that came on stay on while the stage is hung and
 * resumed; {@code escalated} remembers that an overdue in this stage escalated the case already,
 * so that happens once per stage even when a postponement moves the deadline and it runs out again.
 * A clock without a deadline is stopped (hung, or the case is over).
 */
public record StageClock(int seq, TimeLimit fullLimit, TimeLimit limit, Instant startedAt, Instant warningAt, Instant deadline,
                         boolean warned, boolean overdue, boolean escalated) {

    /**
     * The clock of a new stage, numbered after {@code previous} (null for a case's first stage).
     *
     * @param warningFraction share of the full limit at which the yellow light comes on (0.8)
     */
    public static StageClock start(StageClock previous, TimeLimit limit, Instant now, Deadlines deadlines, double warningFraction) {
        int seq = previous == null ? 1 : previous.seq + 1;
        return timed(seq, limit, limit, now, false, false, false, deadlines, warningFraction);
    }

    /** Whether the clock runs (has a deadline). */
    public boolean running() {
        return deadline != null;
    }

    /** Whether a step taken at {@code now} is on time: before the deadline, or with no running clock. */
    public boolean onTime(Instant now) {
        return deadline == null || !now.isAfter(deadline);
    }

    /** Stopped at {@code now}: what is left of the limit is kept for the resumption; the lights stay as they are. */
    public StageClock hang(Instant now, Deadlines deadlines) {
        TimeLimit left = running() ? deadlines.remaining(limit, startedAt, now) : limit;
        return new StageClock(seq + 1, fullLimit, left, null, null, null, warned, overdue, escalated);
    }

    /** Runs again from {@code now} with what was left; a light that already came on in this stage does not come again. */
    public StageClock resume(Instant now, Deadlines deadlines, double warningFraction) {
        return timed(seq + 1, fullLimit, limit, now, warned, overdue, escalated, deadlines, warningFraction);
    }

    /**
     * An approved postponement: the limit grows, from the same start. A light already on stays on only
     * while it is still due under the longer limit (then it may come again, at the new moment).
     */
    public StageClock extend(TimeLimit extension, Instant now, Deadlines deadlines, double warningFraction) {
        StageClock longer = timed(seq + 1, fullLimit.plus(extension), limit.plus(extension), startedAt, false, false, escalated,
                deadlines, warningFraction);
        boolean stillWarned = warned && longer.running() && !longer.warningAt.isAfter(now);
        boolean stillOverdue = overdue && longer.running() && !longer.deadline.isAfter(now);
        return new StageClock(longer.seq, longer.fullLimit, longer.limit, longer.startedAt, longer.warningAt, longer.deadline,
                stillWarned, stillOverdue, escalated);
    }

    /** The case left the loop (closed, invalid, merged): no more lights. */
    public StageClock stop() {
        return new StageClock(seq + 1, fullLimit, limit, null, null, null, warned, overdue, escalated);
    }

    /** The yellow light came on. */
    public StageClock warn() {
        return new StageClock(seq, fullLimit, limit, startedAt, warningAt, deadline, true, overdue, escalated);
    }

    /** The red light came on (and the yellow with it); {@code escalating}: the overdue escalated the case. */
    public StageClock overdue(boolean escalating) {
        return new StageClock(seq, fullLimit, limit, startedAt, warningAt, deadline, true, true, escalated || escalating);
    }

    /**
     * Red when the limit runs out; yellow when {@code warningFraction} of the full limit is used,
     * that is when (1 - fraction) of the full limit is left of what runs from {@code start}.
     */
    private static StageClock timed(int seq, TimeLimit full, TimeLimit limit, Instant start, boolean warned, boolean overdue,
                                    boolean escalated, Deadlines deadlines, double warningFraction) {
        Instant deadline = deadlines.deadline(start, limit);
        BigDecimal leftAtWarning = full.amount().multiply(BigDecimal.ONE.subtract(BigDecimal.valueOf(warningFraction)));
        TimeLimit beforeWarning = new TimeLimit(limit.clock(), limit.amount().subtract(leftAtWarning).max(BigDecimal.ZERO));
        Instant warningAt = deadlines.deadline(start, beforeWarning);
        return new StageClock(seq, full, limit, start, warningAt, deadline, warned, overdue, escalated);
    }
}
