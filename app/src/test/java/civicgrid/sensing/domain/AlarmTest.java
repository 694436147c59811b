package civicgrid.sensing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AlarmTest {

    private final Instant t0 = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void activeAndAcknowledgedAreIndependent() {
        Alarm a = Alarm.raised("door", "DOOR_NOT_OPENED", Severity.MAJOR, t0, "no open=true for PT24H");
        assertThat(a.status()).isEqualTo(Alarm.Status.ACTIVE_UNACK);
        assertThat(a.acknowledge("gridworker", t0.plusSeconds(60)).status()).isEqualTo(Alarm.Status.ACTIVE_ACK);
        assertThat(a.clear(t0.plusSeconds(60)).status()).isEqualTo(Alarm.Status.CLEARED_UNACK);
        assertThat(a.clear(t0.plusSeconds(60)).acknowledge("gridworker", t0.plusSeconds(90)).status()).isEqualTo(Alarm.Status.CLEARED_ACK);
    }

    @Test
    void twiceIsRefused() {
        Alarm a = Alarm.raised("door", "DOOR_NOT_OPENED", Severity.MAJOR, t0, null).acknowledge("gridworker", t0);
        assertThatThrownBy(() -> a.acknowledge("xinshancun", t0)).isInstanceOf(IllegalStateException.class).hasMessageContaining("gridworker");
        assertThatThrownBy(() -> a.clear(t0).clear(t0)).isInstanceOf(IllegalStateException.class);
    }
}
