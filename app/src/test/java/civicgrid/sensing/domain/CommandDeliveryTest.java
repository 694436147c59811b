package civicgrid.sensing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommandDeliveryTest {

    private final CommandDelivery delivery = new CommandDelivery(3, Duration.ofSeconds(30));

    @Test
    void theWaitDoublesAfterEachSendUpToAnHour() {
        assertThat(delivery.waitAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(delivery.waitAfter(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(delivery.waitAfter(3)).isEqualTo(Duration.ofSeconds(120));
        assertThat(new CommandDelivery(20, Duration.ofMinutes(20)).waitAfter(5)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void sendsAgainUntilTheLastAttempt() {
        assertThat(delivery.sendAgainAfter(1)).isTrue();
        assertThat(delivery.sendAgainAfter(2)).isTrue();
        assertThat(delivery.sendAgainAfter(3)).isFalse();
        assertThat(new CommandDelivery(1, Duration.ofSeconds(1)).sendAgainAfter(1)).isFalse();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new CommandDelivery(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CommandDelivery(3, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStateFollowsWhatHappenedAndALateAcknowledgementWins() {
        Instant t = Instant.parse("2026-12-06T00:00:00Z");
        assertThat(CommandDelivery.State.of(null, null, null)).isEqualTo(CommandDelivery.State.PENDING);
        assertThat(CommandDelivery.State.of(t, null, null)).isEqualTo(CommandDelivery.State.SENT);
        assertThat(CommandDelivery.State.of(t, null, t)).isEqualTo(CommandDelivery.State.FAILED);
        assertThat(CommandDelivery.State.of(t, t, t)).isEqualTo(CommandDelivery.State.ACKED);
    }
}
