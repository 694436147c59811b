package civicgrid.cases;

import java.time.LocalDate;
import java.util.List;

/**
 * What a command center's wall shows of its territory: today's reports and closures, the cases open
 * now (overdue and urgent among them), the on-time disposal and closure rates of the last 30 days
 * (as on the dashboard), and the same per unit one level down (districts for the city, streets for a
 * district), busiest first.
 */
public record ScreenFigures(String territory, LocalDate day, long reportedToday, long closedToday, long open, long overdue,
                            long urgent, Double onTimeDisposalRate, Double closureRate, LocalDate ratesFrom,
                            List<UnitFigures> ranking) {

    /** One unit's line of the ranking. */
    public record UnitFigures(String code, String name, long reportedToday, long closedToday, long open, long overdue,
                              Double closureRate) {
    }
}
