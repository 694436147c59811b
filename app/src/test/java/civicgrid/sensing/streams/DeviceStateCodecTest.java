package civicgrid.sensing.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import civicgrid.sensing.domain.DeviceSnapshot;
import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.domain.Outcome.AlarmCleared;
import civicgrid.sensing.domain.Outcome.AlarmEscalated;
import civicgrid.sensing.domain.Outcome.AlarmRaised;
import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.Reading;
import civicgrid.sensing.domain.RuleEngine;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A device's state written to the store and read back on another node (a new engine) carries on as
 * if nothing happened: deadlines, active alarms, acknowledgements, rate memory.
 */
class DeviceStateCodecTest {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;
    private final long t0 = 1_772_416_800_000L;
    private final RuleEngine before = new RuleEngine(Duration.ofSeconds(1));
    private final RuleEngine after = new RuleEngine(Duration.ofSeconds(1));

    private void move(String device, Profile profile) {
        byte[] bytes = DeviceStateCodec.encode(profile, before.snapshot(device));
        DeviceStateCodec.Stored s = DeviceStateCodec.decode(bytes);
        assertThat(s.profile()).isEqualTo(profile);
        assertThat(s.snapshot()).isEqualTo(before.snapshot(device));
        after.restore(device, s.profile().defaultRules(), s.snapshot());
    }

    private static <T> List<T> only(List<Outcome> outcomes, Class<T> type) {
        return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void theDoorsDayRunsOnFromItsOpeningOnTheNewNode() {
        before.register("door", Profile.DOOR_MAGNET.defaultRules(), t0);
        before.accept("door", Reading.of(t0 + HOUR, "open", true));
        move("door", Profile.DOOR_MAGNET);

        assertThat(after.advance(t0 + 24 * HOUR)).isEmpty();
        assertThat(only(after.advance(t0 + 25 * HOUR + 1000), AlarmRaised.class)).extracting(AlarmRaised::ts).containsExactly(t0 + 25 * HOUR);
    }

    @Test
    void aDoorMagnetTakesAFewDozenBytes() {
        before.register("door", Profile.DOOR_MAGNET.defaultRules(), t0);
        before.accept("door", Reading.of(t0, "open", true));
        assertThat(DeviceStateCodec.encode(Profile.DOOR_MAGNET, before.snapshot("door"))).hasSizeLessThan(80);
    }

    @Test
    void theMethaneChainHalfwayThroughGoesOnAndClearsBothAlarms() {
        before.register("tank", Profile.METHANE_FAN.defaultRules(), t0);
        before.accept("tank", Reading.of(t0, "methane", 70.0));
        before.accept("tank", Reading.of(t0 + 30 * MINUTE, "methane", 65.0));
        move("tank", Profile.METHANE_FAN);

        assertThat(after.activeAlarms("tank")).containsExactly("METHANE_HIGH");
        assertThat(only(after.advance(t0 + HOUR + 1000), AlarmRaised.class)).extracting(AlarmRaised::alarmType)
                .containsExactly("METHANE_PERSISTS");
        assertThat(only(after.accept("tank", Reading.of(t0 + 2 * HOUR, "methane", 10.0)), AlarmCleared.class))
                .extracting(AlarmCleared::alarmType).containsExactly("METHANE_HIGH", "METHANE_PERSISTS");
    }

    @Test
    void escalationLevelsAndAcknowledgementsTravel() {
        before.register("smoke", Profile.SMOKE.defaultRules(), t0);
        before.register("smoke-acked", Profile.SMOKE.defaultRules(), t0);
        before.accept("smoke", Reading.of(t0, "smoke", true));
        before.accept("smoke-acked", Reading.of(t0, "smoke", true));
        before.acknowledge("smoke-acked", "SMOKE");
        before.advance(t0 + 6 * MINUTE);
        move("smoke", Profile.SMOKE);
        move("smoke-acked", Profile.SMOKE);

        assertThat(only(after.advance(t0 + 11 * MINUTE), AlarmEscalated.class)).extracting(AlarmEscalated::deviceId, AlarmEscalated::level)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("smoke", 2));
    }

    @Test
    void rateMemoryTravels() {
        before.register("gauge", Profile.WATER_LEVEL.defaultRules(), t0);
        before.accept("gauge", Reading.of(t0, "level", 20));
        move("gauge", Profile.WATER_LEVEL);
        assertThat(only(after.accept("gauge", Reading.of(t0 + MINUTE, "level", 33)), AlarmRaised.class)).extracting(AlarmRaised::alarmType)
                .containsExactly("WATER_RISING_FAST");
    }

    @Test
    void aSnapshotOfOtherRulesIsRefused() {
        before.register("door", Profile.DOOR_MAGNET.defaultRules(), t0);
        DeviceSnapshot s = before.snapshot("door");
        assertThatThrownBy(() -> after.restore("door", Profile.WATER_LEVEL.defaultRules(), s)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytesOfAnotherVersionAreRefused() {
        assertThatThrownBy(() -> DeviceStateCodec.decode(new byte[] {9, 0})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceStateCodec.decode(new byte[] {1, 0})).isInstanceOf(IllegalArgumentException.class);
    }
}
