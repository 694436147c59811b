package civicgrid.evaluation;

import java.time.Instant;
import java.util.List;

/**
 * A class of problems found by discovery in a district: its category (the most frequent of its
 * cases; related categories share the group), its cases, how many hotspots they form, and its
 * state: PROPOSED to the district center, ACCEPTED (a project case opened for it) or DISMISSED.
 */
public record ProblemClass(String id, String districtCode, String categoryGroup, String categoryCode, String categoryName,
                           String categoryNameEn, List<String> caseIds, int hotspots, String state, Instant windowFrom, Instant windowTo,
                           Instant proposedAt, String decidedBy, Instant decidedAt, String projectCaseId) {
}
