package civicgrid.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A case as the API shows it, with the actions the viewer may take now. */
public record CaseView(String id, String number, long version, CaseState state, Channel channel, Category category,
                       String description, boolean urgent, Place place, HandlingLevel handlingLevel, String assignment,
                       Stage stage, String pendingPostponement, Map<String, Boolean> whistle, String mergedInto, Figures figures,
                       Instant reportedAt, Instant closedAt, List<CaseAction> allowedActions, List<Suggestion> duplicateSuggestions,
                       Suggestion routing) {

    public record Category(String code, int version, String nameZh, String nameEn) {
    }

    public record Place(double lon, double lat, String gridCode, String gridName, String communityCode, String streetCode,
                        String streetName, String districtCode, String districtName, String roadSegmentCode) {
    }

    /** The current stage's clock; light is GREEN, YELLOW (≥ 80%), RED (overdue) or NONE (no running clock). */
    public record Stage(int seq, String clock, BigDecimal limit, Instant startedAt, Instant warningAt, Instant deadline,
                        String light) {
    }

    public record Figures(Boolean verifiedOnTime, Boolean registeredOnTime, Boolean dispatchedOnTime, Boolean handledOnTime,
                          boolean everOverdue, int returns, int reworks, int supervisions, int escalations, int postponements,
                          Integer rating) {
    }

    /** A suggested duplicate (another case) or a routing suggestion (a department). */
    public record Suggestion(String id, String label, Double distanceMeters, Boolean automatic) {
    }
}
