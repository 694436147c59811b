package civicgrid.evaluation.domain;

import java.time.Instant;
import java.util.UUID;

/** A case as class discovery sees it: what, where (point, grid, road segment) and when. */
public record CasePoint(UUID caseId, String categoryCode, String gridCode, String roadSegmentCode, double lon, double lat,
                        Instant reportedAt) {

    /** Related categories share their major class (C01 public utilities: every kind of manhole cover). */
    public String categoryGroup() {
        return categoryCode.length() > 3 ? categoryCode.substring(0, 3) : categoryCode;
    }
}
