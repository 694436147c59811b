package civicgrid.evaluation.domain;

import static civicgrid.evaluation.domain.Rate.ACCURATE_DISPATCH;
import static civicgrid.evaluation.domain.Rate.CLOSURE;
import static civicgrid.evaluation.domain.Rate.DISPOSAL;
import static civicgrid.evaluation.domain.Rate.ON_TIME_CHECK;
import static civicgrid.evaluation.domain.Rate.ON_TIME_DISPATCH;
import static civicgrid.evaluation.domain.Rate.ON_TIME_DISPOSAL;
import static civicgrid.evaluation.domain.Rate.ON_TIME_REGISTRATION;
import static civicgrid.evaluation.domain.Rate.ON_TIME_VERIFICATION;
import static civicgrid.evaluation.domain.Rate.OVERDUE;
import static civicgrid.evaluation.domain.Rate.REGISTRATION;
import static civicgrid.evaluation.domain.Rate.REWORK;
import static civicgrid.evaluation.domain.Rate.SATISFACTION;

import java.util.List;

/**
 * Who is scored: a territorial unit (every rate of the cases in it), a department instance (the
 * disposal it was given), or a person in one of the three roles of GB/T 30428.4 — the collector who
 * verified and checked on site, the dispatcher who registered and dispatched, the handler who
 * accepted the disposal.
 */
public enum SubjectKind {
    DISTRICT(Rate.values()), STREET(Rate.values()), COMMUNITY(Rate.values()), GRID(Rate.values()),
    DEPARTMENT(DISPOSAL, ON_TIME_DISPOSAL, OVERDUE, REWORK, SATISFACTION),
    COLLECTOR(REGISTRATION, ON_TIME_VERIFICATION, ON_TIME_CHECK),
    DISPATCHER(ON_TIME_REGISTRATION, ON_TIME_DISPATCH, ACCURATE_DISPATCH),
    HANDLER(DISPOSAL, ON_TIME_DISPOSAL, OVERDUE, REWORK),
    /** A road segment (its chief is scored): every rate of the cases on it, kept per grid of the case. */
    SEGMENT(Rate.values()),
    /** A trade: every instance of one department (sanitation everywhere), kept per grid of the case. */
    TRADE(DISPOSAL, ON_TIME_DISPOSAL, OVERDUE, REWORK, SATISFACTION);

    private final List<Rate> rates;

    SubjectKind(Rate... rates) {
        this.rates = List.of(rates);
    }

    public List<Rate> rates() {
        return rates;
    }

    /** Counted on the unit's own code (not on the grid of each case). */
    public boolean territorial() {
        return ordinal() <= GRID.ordinal();
    }

    /** A person's role. */
    public boolean person() {
        return this == COLLECTOR || this == DISPATCHER || this == HANDLER;
    }

    /** The codes of a grid's units at this (territorial) kind's level: 6, 9, 12 or 15 digits. */
    public String unitOf(String gridCode) {
        return switch (this) {
            case DISTRICT -> gridCode.substring(0, 6);
            case STREET -> gridCode.substring(0, 9);
            case COMMUNITY -> gridCode.substring(0, 12);
            default -> gridCode;
        };
    }

}
