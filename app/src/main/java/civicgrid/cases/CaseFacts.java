package civicgrid.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a case is and everything that happened to it, for modules that keep their own figures of
 * cases (evaluation). Read without an actor: such a module must scope what it shows itself.
 *
 * @param departmentInstance the department instance it is (or was last) assigned to, null if none
 * @param figures the on-time flags the loop measured at each step (null where the step was not taken)
 * @param steps the history, oldest first
 */
public record CaseFacts(CaseId id, String number, String categoryCode, Channel channel, boolean urgent, double lon, double lat,
                        String gridCode, String communityCode, String streetCode, String districtCode, String roadSegmentCode,
                        String reporter, Instant reportedAt, CaseState state, String departmentInstance, Boolean verifiedOnTime,
                        Boolean registeredOnTime, Boolean dispatchedOnTime, Boolean handledOnTime, Integer rating, List<Step> steps) {

    /** One entry of the history: the action, the states around it, who did it (system: the platform), when. */
    public record Step(CaseAction action, CaseState from, CaseState to, String actor, String actorRole, Instant at,
                       Map<String, Object> details) {

        /** Done by the platform (timers, automatic dispatch), not by a person. */
        public boolean bySystem() {
            return "system".equals(actor) && actorRole == null;
        }
    }
}
