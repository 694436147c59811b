package civicgrid.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;

class RetryDueTest {

    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private final RetryDue due = new RetryDue(NOW, Duration.ofSeconds(30), Duration.ofSeconds(5));

    @Test
    void aFailedDeliveryIsTriedAgainOnceOlderThanTheInterval() {
        assertThat(due.test(publication(Status.FAILED, NOW.minusSeconds(31), null))).isTrue();
        assertThat(due.test(publication(Status.FAILED, NOW.minusSeconds(10), null))).isFalse();
    }

    @Test
    void oneThatMayStillBeInFlightIsLeftAloneUntilItsNodeMustHaveDied() {
        // a resubmission began 20 s ago: a call takes at most 5 s, but the round may have been slow to start it
        assertThat(due.test(publication(Status.RESUBMITTED, NOW.minusSeconds(600), NOW.minusSeconds(20)))).isFalse();
        assertThat(due.test(publication(Status.PROCESSING, NOW.minusSeconds(600), NOW.minusSeconds(20)))).isFalse();
        assertThat(due.test(publication(Status.PROCESSING, NOW.minusSeconds(600), NOW.minusSeconds(36)))).isTrue();
        // never resubmitted: the first attempt counts from the publication
        assertThat(due.test(publication(Status.PUBLISHED, NOW.minusSeconds(31), null))).isFalse();
        assertThat(due.test(publication(Status.PUBLISHED, NOW.minusSeconds(36), null))).isTrue();
    }

    @Test
    void aCompletedOneNever() {
        assertThat(due.test(publication(Status.COMPLETED, NOW.minusSeconds(3600), null))).isFalse();
    }

    private static EventPublication publication(Status status, Instant published, Instant lastResubmission) {
        return new EventPublication() {
            @Override
            public UUID getIdentifier() {
                return UUID.randomUUID();
            }

            @Override
            public Object getEvent() {
                return "event";
            }

            @Override
            public Instant getPublicationDate() {
                return published;
            }

            @Override
            public Optional<Instant> getCompletionDate() {
                return status == Status.COMPLETED ? Optional.of(published.plusSeconds(1)) : Optional.empty();
            }

            @Override
            public Status getStatus() {
                return status;
            }

            @Override
            public Instant getLastResubmissionDate() {
                return lastResubmission;
            }

            @Override
            public int getCompletionAttempts() {
                return lastResubmission == null ? 1 : 2;
            }
        };
    }
}
