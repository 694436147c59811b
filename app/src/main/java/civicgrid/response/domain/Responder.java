package civicgrid.response.domain;

import java.time.Instant;

/**
 * A member of a minimum response unit proposed for an incident, with their walking estimate and
 * ring (1, 3 or 5 minutes: self-rescue, mutual aid, reinforcement) and when they confirmed and arrived.
 */
public record Responder(String memberId, String unitCode, double walkingMinutes, int ring, ResponderState state,
                        Instant proposedAt, Instant confirmedAt, Instant arrivedAt) {

    public enum ResponderState { PROPOSED, CONFIRMED, ARRIVED }

    Responder confirmed(Instant at) {
        return new Responder(memberId, unitCode, walkingMinutes, ring, ResponderState.CONFIRMED, proposedAt, at, arrivedAt);
    }

    Responder arrived(Instant at) {
        return new Responder(memberId, unitCode, walkingMinutes, ring, ResponderState.ARRIVED, proposedAt,
                confirmedAt == null ? at : confirmedAt, at);
    }
}
