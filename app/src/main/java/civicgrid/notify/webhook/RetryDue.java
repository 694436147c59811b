package civicgrid.notify.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.springframework.modulith.events.EventPublication;

/**
 * Which incomplete publications a retry round submits again. A failed one, once it is older than the
 * retry interval. Any other (published, processing, resubmitted) may still be in a listener's hands, on
 * this node or another: it is submitted again only when its last attempt began longer ago than one call
 * can take plus a round, which is when the node that held it must have died. Without this a slow receiver
 * got the same delivery twice, once from its first attempt and once from the round that overtook it.
 */
final class RetryDue implements Predicate<EventPublication> {

    private final Instant now;
    private final Duration retryInterval;
    private final Duration callTimeout;

    RetryDue(Instant now, Duration retryInterval, Duration callTimeout) {
        this.now = now;
        this.retryInterval = retryInterval;
        this.callTimeout = callTimeout;
    }

    @Override
    public boolean test(EventPublication p) {
        if (p.isCompleted()) {
            return false;
        }
        if (p.getStatus() == EventPublication.Status.FAILED) {
            return olderThan(p.getPublicationDate(), retryInterval);
        }
        Instant lastAttempt = p.getLastResubmissionDate() != null ? p.getLastResubmissionDate() : p.getPublicationDate();
        return olderThan(lastAttempt, callTimeout.plus(retryInterval));
    }

    private boolean olderThan(Instant when, Duration age) {
        return when.plus(age).isBefore(now);
    }
}
