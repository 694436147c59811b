package civicgrid.sensing.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import civicgrid.sensing.domain.Action;
import civicgrid.sensing.domain.ActiveHours;
import civicgrid.sensing.domain.Outcome;
import civicgrid.sensing.domain.Outcome.AlarmCleared;
import civicgrid.sensing.domain.Outcome.AlarmEscalated;
import civicgrid.sensing.domain.Outcome.AlarmRaised;
import civicgrid.sensing.domain.Outcome.CallWebhook;
import civicgrid.sensing.domain.Outcome.OpenCase;
import civicgrid.sensing.domain.Outcome.SendCommand;
import civicgrid.sensing.domain.Profile;
import civicgrid.sensing.domain.Severity;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Kafka Streams topology running the rule core, driven by {@code TopologyTestDriver} and its wall clock. */
class RulesTopologyTest {

    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;

    private final TopologyHarness t = new TopologyHarness(
            ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, ActiveHours.CHONGQING).toInstant().toEpochMilli());

    @AfterEach
    void close() {
        t.close();
    }

    private static <T> List<T> only(List<Outcome> outcomes, Class<T> type) {
        return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void thresholdHeartRateFortyRaisesOneCriticalAlarmWithAnUrgentCaseAndTheEscortWebhook() {
        t.send("band-1", Profile.WRISTBAND, "hr", 72);
        assertThat(t.outcomes()).isEmpty();

        t.send("band-1", Profile.WRISTBAND, "hr", 40);
        List<Outcome> out = t.outcomes();

        assertThat(only(out, AlarmRaised.class)).extracting(AlarmRaised::deviceId, AlarmRaised::alarmType, AlarmRaised::severity, AlarmRaised::ts)
                .containsExactly(tuple("band-1", "HEART_RATE_ABNORMAL", Severity.CRITICAL, t.now()));
        assertThat(only(out, OpenCase.class)).extracting(OpenCase::categoryCode, OpenCase::urgent, OpenCase::routeTo)
                .containsExactly(tuple("E1104", true, Action.RouteTo.GRID));
        assertThat(only(out, CallWebhook.class)).extracting(CallWebhook::target).containsExactly("ambulance-escort");
        assertThat(out.get(0)).as("the alarm first, then what it sets off").isInstanceOf(AlarmRaised.class);

        t.send("band-1", Profile.WRISTBAND, "hr", 41);
        assertThat(t.outcomes()).as("one alarm while it lasts").isEmpty();
        t.send("band-1", Profile.WRISTBAND, "hr", 70);
        assertThat(t.outcomes()).containsExactly(new AlarmCleared("band-1", "HEART_RATE_ABNORMAL", t.now()));
    }

    @Test
    void durationWaterAboveFiftyForTenMinutesRaisesFromThePunctuatorWithoutAFurtherReading() {
        long start = t.now();
        t.send("gauge-1", Profile.WATER_LEVEL, "level", 55);
        t.passTime(9 * MINUTE);
        assertThat(t.outcomes()).isEmpty();

        t.passTime(2 * MINUTE);
        List<Outcome> out = t.outcomes();

        assertThat(only(out, AlarmRaised.class)).extracting(AlarmRaised::alarmType, AlarmRaised::ts)
                .containsExactly(tuple("WATER_LEVEL_HIGH", start + 10 * MINUTE));
        assertThat(only(out, OpenCase.class)).extracting(OpenCase::categoryCode).containsExactly("E1106");
    }

    @Test
    void durationStartsOverWhenTheConditionBreaks() {
        t.send("gauge-1", Profile.WATER_LEVEL, "level", 55);
        t.passTime(5 * MINUTE);
        t.send("gauge-1", Profile.WATER_LEVEL, "level", 35);
        t.send("gauge-1", Profile.WATER_LEVEL, "level", 52);
        t.passTime(9 * MINUTE);
        assertThat(only(t.outcomes(), AlarmRaised.class)).extracting(AlarmRaised::alarmType)
                .as("a fast fall of 4 per minute, but not ten minutes above 50").containsExactly("WATER_RISING_FAST");
        t.passTime(2 * MINUTE);
        assertThat(only(t.outcomes(), AlarmRaised.class)).extracting(AlarmRaised::alarmType).containsExactly("WATER_LEVEL_HIGH");
    }

    @Test
    void absenceDoorNotOpenedFor24HoursRaisesOnTheWallClockAndTheNextOpeningClearsIt() {
        t.send("door-1", Profile.DOOR_MAGNET, "open", true);
        long opened = t.now();
        t.passTime(23 * HOUR);
        t.send("door-1", Profile.DOOR_MAGNET, "open", false); // closing is not opening
        t.passTime(59 * MINUTE);
        assertThat(t.outcomes()).isEmpty();

        t.passTime(2 * MINUTE);
        List<Outcome> out = t.outcomes();

        assertThat(only(out, AlarmRaised.class)).extracting(AlarmRaised::deviceId, AlarmRaised::alarmType, AlarmRaised::severity, AlarmRaised::ts)
                .containsExactly(tuple("door-1", "DOOR_NOT_OPENED", Severity.MAJOR, opened + 24 * HOUR));
        assertThat(only(out, OpenCase.class)).extracting(OpenCase::categoryCode, OpenCase::routeTo)
                .containsExactly(tuple("E1102", Action.RouteTo.GRID));
        t.passTime(24 * HOUR);
        assertThat(only(t.outcomes(), AlarmRaised.class)).as("one alarm, not one a day").isEmpty();

        t.send("door-1", Profile.DOOR_MAGNET, "open", true);
        assertThat(only(t.outcomes(), AlarmCleared.class)).extracting(AlarmCleared::alarmType).containsExactly("DOOR_NOT_OPENED");
    }

    @Test
    void absenceOfADoorNeverOpenedCountsFromItsRegistration() {
        long registered = t.now();
        t.pipe("door-2", new DeviceEvent.Registered(Profile.DOOR_MAGNET, registered));
        t.passTime(24 * HOUR + MINUTE);
        assertThat(only(t.outcomes(), AlarmRaised.class)).extracting(AlarmRaised::ts).containsExactly(registered + 24 * HOUR);
    }

    @Test
    void aSecondRegistrationKeepsTheDeviceState() {
        t.send("door-1", Profile.DOOR_MAGNET, "open", true);
        t.passTime(20 * HOUR);
        t.pipe("door-1", new DeviceEvent.Registered(Profile.DOOR_MAGNET, t.now())); // every node announces its devices at start
        t.passTime(4 * HOUR + MINUTE);
        assertThat(only(t.outcomes(), AlarmRaised.class)).as("the day still runs from the opening").hasSize(1);
        t.pipe("door-2", new DeviceEvent.Registered(Profile.DOOR_MAGNET, t.now()));
        assertThat(t.watched()).isEqualTo(2);
    }

    @Test
    void methaneChainFanOnThenStillAboveSixtyAnHourLaterWarnsTheDistrictCenter() {
        t.send("tank-1", Profile.METHANE_FAN, "methane", 45.0);
        assertThat(t.outcomes()).isEmpty();

        t.send("tank-1", Profile.METHANE_FAN, "methane", 63.5);
        long raised = t.now();
        List<Outcome> high = t.outcomes();
        assertThat(only(high, AlarmRaised.class)).extracting(AlarmRaised::alarmType, AlarmRaised::severity)
                .containsExactly(tuple("METHANE_HIGH", Severity.MINOR));
        assertThat(only(high, SendCommand.class)).containsExactly(new SendCommand("tank-1", "fan_on", "METHANE_HIGH", raised));
        assertThat(only(high, Outcome.FollowUpScheduled.class)).extracting(Outcome.FollowUpScheduled::due).containsExactly(raised + HOUR);

        t.passTime(30 * MINUTE);
        t.send("tank-1", Profile.METHANE_FAN, "methane", 62.0);
        t.passTime(29 * MINUTE);
        assertThat(t.outcomes()).isEmpty();
        t.passTime(2 * MINUTE);
        List<Outcome> later = t.outcomes();

        assertThat(only(later, AlarmRaised.class)).extracting(AlarmRaised::alarmType, AlarmRaised::severity, AlarmRaised::ts)
                .containsExactly(tuple("METHANE_PERSISTS", Severity.MAJOR, raised + HOUR));
        assertThat(only(later, OpenCase.class)).extracting(OpenCase::categoryCode, OpenCase::routeTo)
                .containsExactly(tuple("E1103", Action.RouteTo.DISTRICT));

        t.send("tank-1", Profile.METHANE_FAN, "methane", 20.0);
        assertThat(only(t.outcomes(), AlarmCleared.class)).extracting(AlarmCleared::alarmType)
                .containsExactly("METHANE_HIGH", "METHANE_PERSISTS");
    }

    @Test
    void theFanThatWorksEndsTheChain() {
        t.send("tank-1", Profile.METHANE_FAN, "methane", 70.0);
        t.passTime(20 * MINUTE);
        t.send("tank-1", Profile.METHANE_FAN, "methane", 40.0);
        t.passTime(2 * HOUR);
        assertThat(only(t.outcomes(), AlarmRaised.class)).extracting(AlarmRaised::alarmType).containsExactly("METHANE_HIGH");
    }

    @Test
    void anAcknowledgementOnTheTopicStopsTheEscalation() {
        t.send("smoke-1", Profile.SMOKE, "smoke", true);
        t.send("smoke-2", Profile.SMOKE, "smoke", true);
        t.pipe("smoke-1", new DeviceEvent.Acknowledged("SMOKE"));
        t.outcomes();
        t.passTime(6 * MINUTE);

        assertThat(only(t.outcomes(), AlarmEscalated.class)).extracting(AlarmEscalated::deviceId, AlarmEscalated::level)
                .containsExactly(tuple("smoke-2", 1));
    }

    @Test
    void aClearByHandOnTheTopicLetsTheNextSmokeRaiseANewAlarm() {
        t.send("smoke-1", Profile.SMOKE, "smoke", true);
        t.pipe("smoke-1", new DeviceEvent.ClearedByHand("SMOKE", t.now()));
        t.outcomes();
        t.passTime(MINUTE);
        t.send("smoke-1", Profile.SMOKE, "smoke", true);
        assertThat(only(t.outcomes(), AlarmRaised.class)).hasSize(1);
    }

    @Test
    void aMalformedMessageIsSkippedAndTheDeviceGoesOn() {
        t.pipeRaw("band-1", "{not json".getBytes(StandardCharsets.UTF_8));
        t.pipeRaw("band-1", "{\"kind\":\"reading\",\"profile\":\"NO_SUCH\",\"since\":1,\"ts\":1,\"values\":{}}".getBytes(StandardCharsets.UTF_8));
        t.send("band-1", Profile.WRISTBAND, "hr", 40);
        assertThat(only(t.outcomes(), AlarmRaised.class)).hasSize(1);
    }
}
