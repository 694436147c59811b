package civicgrid.evaluation.reports;

import civicgrid.evaluation.domain.Period;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/** The two reports: the daily stand-up sheet (one day, {@code YYYY-MM-DD}) and the weekly analysis (an ISO week, {@code YYYY-Www}). */
public enum ReportKind {
    DAILY, WEEKLY;

    /** The period of this kind named by its text; throws IllegalArgumentException when it is not of this kind. */
    public Period period(String text) {
        Period p = Period.parse(text);
        boolean fits = this == DAILY ? p.first().equals(p.last()) : p.text().contains("-W");
        if (!fits) {
            throw new IllegalArgumentException("A " + name().toLowerCase(java.util.Locale.ROOT) + " report covers "
                    + (this == DAILY ? "one day (YYYY-MM-DD)" : "one ISO week (YYYY-Www)") + ", not '" + text + "'.");
        }
        return p;
    }

    /** The last complete period before {@code today}: yesterday, or the week before this one. */
    public String lastCompleted(LocalDate today) {
        if (this == DAILY) {
            return today.minusDays(1).toString();
        }
        LocalDate lastWeek = today.with(DayOfWeek.MONDAY).minusWeeks(1);
        return String.format("%d-W%02d", lastWeek.get(IsoFields.WEEK_BASED_YEAR), lastWeek.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
