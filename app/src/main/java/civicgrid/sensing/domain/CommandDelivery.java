package civicgrid.sensing.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How a command to an actuator is delivered: it goes out with its id; while the device has not
 * acknowledged that id, it goes out again (the same id: a device treats a repeat as one command)
 * after pauses that double ({@code retryAfter}, 2×, 4×..., at most an hour), up to
 * {@code maxAttempts} sends; when the wait after the last send runs out, the command has failed.
 */
public record CommandDelivery(int maxAttempts, Duration retryAfter) {

    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /** Where a command stands. */
    public enum State {
        PENDING, SENT, ACKED, FAILED;

        /** A late acknowledgement still counts: the device did carry the command out. */
        public static State of(Instant sentAt, Instant ackedAt, Instant failedAt) {
            return ackedAt != null ? ACKED : failedAt != null ? FAILED : sentAt != null ? SENT : PENDING;
        }
    }

    public CommandDelivery {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 20, not " + maxAttempts);
        }
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            throw new IllegalArgumentException("retryAfter must be positive");
        }
    }

    /** How long to wait for the acknowledgement after send number {@code attempt} (from 1). */
    public Duration waitAfter(int attempt) {
        Duration wait = retryAfter;
        for (int i = 1; i < attempt && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Whether send number {@code attempt}, left unacknowledged, is followed by another (else the command failed). */
    public boolean sendAgainAfter(int attempt) {
        return attempt < maxAttempts;
    }
}
