package civicgrid.sensing.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One alarm of a device as it is kept and shown (ThingsBoard's lifecycle): active until cleared (by
 * its rule or by hand), acknowledged or not independently of that; while active it is the only one
 * of its type for its device, and a raise of the same type updates it instead of opening another.
 */
public record Alarm(long id, String deviceId, String type, Severity severity, Instant startedAt, Instant clearedAt,
                    Instant acknowledgedAt, String acknowledgedBy, int escalations, String detail) {

    public enum Status {
        ACTIVE_UNACK, ACTIVE_ACK, CLEARED_UNACK, CLEARED_ACK
    }

    public Alarm {
        Objects.requireNonNull(deviceId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(severity);
        Objects.requireNonNull(startedAt);
    }

    public static Alarm raised(String deviceId, String type, Severity severity, Instant at, String detail) {
        return new Alarm(0, deviceId, type, severity, at, null, null, null, 0, detail);
    }

    public boolean active() {
        return clearedAt == null;
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    public Status status() {
        return active() ? (acknowledged() ? Status.ACTIVE_ACK : Status.ACTIVE_UNACK)
                : (acknowledged() ? Status.CLEARED_ACK : Status.CLEARED_UNACK);
    }

    /** Taken on by someone; acknowledging twice is refused (who did it first stays on record). */
    public Alarm acknowledge(String by, Instant at) {
        if (acknowledged()) {
            throw new IllegalStateException("already acknowledged by " + acknowledgedBy);
        }
        return new Alarm(id, deviceId, type, severity, startedAt, clearedAt, at, by, escalations, detail);
    }

    /** Over; clearing a cleared alarm is refused. */
    public Alarm clear(Instant at) {
        if (!active()) {
            throw new IllegalStateException("already cleared");
        }
        return new Alarm(id, deviceId, type, severity, startedAt, at, acknowledgedAt, acknowledgedBy, escalations, detail);
    }

    public Alarm escalated(int level) {
        return new Alarm(id, deviceId, type, severity, startedAt, clearedAt, acknowledgedAt, acknowledgedBy, level, detail);
    }
}
