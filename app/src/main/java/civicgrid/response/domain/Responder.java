package civicgrid.response.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;

/**
 * A member of a minimum response unit proposed for an incident, with their walking estimate and
 * ring (1, 3 or 5 minutes: self-rescue, mutual aid, reinforcement) and when they confirmed, set off
 * and arrived (so arrival times are measured against the estimate).
 */
public record Responder(String memberId, String unitCode, double walkingMinutes, int ring, ResponderState state,
                        Instant proposedAt, Instant confirmedAt, Instant arrivedAt, Instant onTheWayAt) {

    /** Proposed → confirmed → on the way → arrived; a step may be skipped forward, never taken back. */
    public enum ResponderState { PROPOSED, CONFIRMED, ON_THE_WAY, ARRIVED }

    public static Responder proposed(String memberId, String unitCode, double walkingMinutes, int ring, Instant at) {
        return new Responder(memberId, unitCode, walkingMinutes, ring, ResponderState.PROPOSED, at, null, null, null);
    }

    Responder confirmed(Instant at) {
        return new Responder(memberId, unitCode, walkingMinutes, ring, ResponderState.CONFIRMED, proposedAt, at, arrivedAt, onTheWayAt);
    }

    Responder onTheWay(Instant at) {
        return new Responder(memberId, unitCode, walkingMinutes, ring, ResponderState.ON_THE_WAY, proposedAt,
                confirmedAt == null ? at : confirmedAt, arrivedAt, at);
    }

    Responder arrived(Instant at) {
        return new Responder(memberId, unitCode, walkingMinutes, ring, ResponderState.ARRIVED, proposedAt,
                confirmedAt == null ? at : confirmedAt, at, onTheWayAt == null ? at : onTheWayAt);
    }

    /** Seconds from being proposed to arriving on site (null until arrived): the measured response time. */
    @JsonProperty(value = "arrivalSeconds", access = JsonProperty.Access.READ_ONLY)
    public Long arrivalSeconds() {
        return arrivedAt == null ? null : Duration.between(proposedAt, arrivedAt).toSeconds();
    }
}
