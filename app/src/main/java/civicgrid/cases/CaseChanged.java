package civicgrid.cases;

import java.time.Instant;

/**
 * Published (through the transactional event publication registry) whenever a case is reported or
 * moves: pages, webhooks and evaluation listen to it. {@code roadSegmentCode}: the road segment the
 * case lies on (null off-road), whose chief's live view hears of it too.
 */
public record CaseChanged(CaseId caseId, String number, CaseAction action, CaseState from, CaseState to, String districtCode,
                          String streetCode, String gridCode, boolean urgent, boolean overdue, Instant at, String roadSegmentCode) {
}
