package civicgrid.cases;

/** An open case as a map dot: where, how late (GREEN, YELLOW, RED, NONE), how urgent, what. */
public record CasePoint(String id, String number, double lon, double lat, String light, boolean urgent, CaseState state,
                        String category) {
}
