package civicgrid.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Dashboard figures for a territory and period. */
public record Stats(Map<String, Long> byState, List<Count> byCategory, Map<String, Long> byChannel, List<Day> byDay,
                    List<Count> hotspots, String hotspotCategory, List<Overdue> overdue, Rates rates) {

    public record Count(String code, String name, long count) {
    }

    public record Day(LocalDate day, long reported, long closed) {
    }

    public record Overdue(String id, String number, String categoryCode, String gridCode, Instant deadline, boolean urgent) {
    }
}
