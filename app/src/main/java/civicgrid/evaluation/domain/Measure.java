package civicgrid.evaluation.domain;

import java.util.Locale;

/**
 * The counts the rates are made of. Each is dated on the day (city time) of the step that decides
 * it, and both counts of a rate on the same day, so that a rate of any period stays within 0..1.
 */
public enum Measure {
    /** Cases reported (merged duplicates aside), on the report day. */
    REPORTED,
    /** Of those, the ones registered (立案) by now, on the report day. */
    REPORTED_REGISTERED,
    /** Verification stage ended (verified or found invalid on site), on that day. */
    VERIFIED,
    VERIFIED_ON_TIME,
    /** Registered, on the registration day. */
    REGISTERED,
    REGISTERED_ON_TIME,
    /** First dispatched, on that day. */
    DISPATCHED,
    DISPATCHED_ON_TIME,
    /** Dispatched and never returned by the department (accurate dispatch), on the first dispatch day. */
    DISPATCHED_ACCURATELY,
    /** Due for disposal (应处置): on the day its disposal ended or its disposal time ran out, whichever came first. */
    DUE,
    /** Of the due ones, handled (reported back) by now, on the due day. */
    HANDLED,
    /** Handled with no disposal round running out of time, on the due day. */
    HANDLED_ON_TIME,
    /** A disposal round ran out of time (超期), on the due day. */
    OVERDUE,
    /** Handled and sent back by a failed check (返工) at least once, on the due day. */
    REWORKED,
    /** The on-site check of the disposal done (passed or failed), on the first check day. */
    CHECKED,
    CHECKED_ON_TIME,
    /** Of the registered ones, closed by now, on the registration day. */
    CLOSED,
    /** Rated by the reporter, on the rating day. */
    RATED,
    /** Rated 4 or 5 stars. */
    SATISFIED;

    /** The column holding the count. */
    public String column() {
        return "n_" + name().toLowerCase(Locale.ROOT);
    }
}
