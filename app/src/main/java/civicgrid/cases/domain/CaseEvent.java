package civicgrid.cases.domain;

import civicgrid.cases.CaseAction;
import civicgrid.cases.CaseState;
import java.time.Instant;
import java.util.Map;

/** One entry of a case's history: every action, by whom, when, why, and what changed. */
public record CaseEvent(CaseAction action, CaseState from, CaseState to, String actor, String actorRole, String reason,
                        Instant at, Map<String, Object> details) {
}
