package civicgrid.sensing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import civicgrid.sensing.domain.Outcome.AlarmCleared;
import civicgrid.sensing.domain.Outcome.AlarmEscalated;
import civicgrid.sensing.domain.Outcome.AlarmRaised;
import civicgrid.sensing.domain.Outcome.CallWebhook;
import civicgrid.sensing.domain.Outcome.OpenCase;
import civicgrid.sensing.domain.Outcome.SendCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule core on a clock the test turns by hand. */
class RuleEngineTest {

    private static final long HOUR = 3_600_000L;
    private static final long MINUTE = 60_000L;

    /** Monday 2026-03-02 10:00 in Chongqing. */
    private long now = ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, ActiveHours.CHONGQING).toInstant().toEpochMilli();
    private final RuleEngine engine = new RuleEngine(Duration.ofMinutes(1));

    private List<Outcome> send(String device, String key, Object value) {
        return engine.accept(device, Reading.of(now, key, value));
    }

    private List<Outcome> passTime(long millis) {
        List<Outcome> out = new ArrayList<>();
        long end = now + millis;
        // step in minutes, as a scheduler polling every minute would
        while (now < end) {
            now = Math.min(end, now + MINUTE);
            out.addAll(engine.advance(now));
        }
        return out;
    }

    private static <T> List<T> only(List<Outcome> outcomes, Class<T> type) {
        return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
    }

    // ---- absence: the lone elderly resident's door

    @Test
    void doorNotOpenedForADayRaisesAnAlarmAndOpensAnUrgentCaseForTheGridWorker() {
        engine.register("door", Profile.DOOR_MAGNET.defaultRules(), now);
        send("door", "open", true);
        long opened = now;
        assertThat(passTime(23 * HOUR + 58 * MINUTE)).isEmpty();

        List<Outcome> out = passTime(3 * MINUTE);

        AlarmRaised alarm = only(out, AlarmRaised.class).get(0);
        assertThat(alarm.alarmType()).isEqualTo("DOOR_NOT_OPENED");
        assertThat(alarm.severity()).isEqualTo(Severity.MAJOR);
        assertThat(alarm.ts()).isEqualTo(opened + 24 * HOUR); // the deadline itself, not when the wheel noticed
        OpenCase c = only(out, OpenCase.class).get(0);
        assertThat(c.categoryCode()).isEqualTo("E1102");
        assertThat(c.urgent()).isTrue();
        assertThat(c.routeTo()).isEqualTo(Action.RouteTo.GRID);
        assertThat(engine.activeAlarms("door")).containsExactly("DOOR_NOT_OPENED");
        assertThat(passTime(24 * HOUR).stream().filter(o -> o instanceof AlarmRaised)).as("one alarm, not one a day").isEmpty();
    }

    @Test
    void openingTheDoorResetsTheDayAndClearsAnActiveAlarm() {
        engine.register("door", Profile.DOOR_MAGNET.defaultRules(), now);
        passTime(20 * HOUR);
        send("door", "open", false); // closing is not opening
        send("door", "battery", 80);
        passTime(2 * HOUR);
        assertThat(send("door", "open", true)).isEmpty();
        assertThat(passTime(23 * HOUR)).as("the day runs again from the opening").isEmpty();
        assertThat(only(passTime(2 * HOUR), AlarmRaised.class)).hasSize(1);

        List<Outcome> opened = send("door", "open", true);

        assertThat(opened).containsExactly(new AlarmCleared("door", "DOOR_NOT_OPENED", now));
        assertThat(engine.activeAlarms("door")).isEmpty();
    }

    @Test
    void aBufferedOpeningReportedLateCountsFromWhenItHappened() {
        engine.register("door", Profile.DOOR_MAGNET.defaultRules(), now);
        engine.accept("door", Reading.of(now - 25 * HOUR, "open", true));

        assertThat(only(engine.advance(now), AlarmRaised.class)).as("the first real opening replaces the registration's stand-in")
                .extracting(AlarmRaised::ts).containsExactly(now - HOUR);
    }

    @Test
    void anOlderOpeningArrivingAfterANewerOneDoesNotBringTheDeadlineForward() {
        engine.register("door", Profile.DOOR_MAGNET.defaultRules(), now);
        send("door", "open", true);
        engine.accept("door", Reading.of(now - 10 * HOUR, "open", true));
        assertThat(passTime(23 * HOUR)).isEmpty();
        assertThat(only(passTime(2 * HOUR), AlarmRaised.class)).hasSize(1);
    }

    @Test
    void aDoorNeverOpenedSinceRegistrationCountsFromRegistration() {
        engine.register("door", Profile.DOOR_MAGNET.defaultRules(), now);
        assertThat(only(passTime(24 * HOUR + MINUTE), AlarmRaised.class)).hasSize(1);
    }

    @Test
    void thousandsOfQuietDevicesCostNothingUntilTheirDeadline() {
        for (int i = 0; i < 10_000; i++) {
            engine.register("door-" + i, Profile.DOOR_MAGNET.defaultRules(), now + i * 1000L);
        }
        assertThat(engine.advance(now + 23 * HOUR)).isEmpty();
        assertThat(only(engine.advance(now + 24 * HOUR + 5_000), AlarmRaised.class)).hasSize(6);
    }

    // ---- follow-up chain: the septic tank

    @Test
    void methaneAboveSixtyStartsTheFanAndStillAboveAnHourLaterWarnsTheDistrictCenter() {
        engine.register("tank", Profile.METHANE_FAN.defaultRules(), now);
        assertThat(send("tank", "methane", 45.0)).isEmpty();

        List<Outcome> high = send("tank", "methane", 63.5);

        assertThat(only(high, AlarmRaised.class)).extracting(AlarmRaised::alarmType).containsExactly("METHANE_HIGH");
        assertThat(only(high, SendCommand.class)).containsExactly(new SendCommand("tank", "fan_on", "METHANE_HIGH", now));
        assertThat(only(high, Outcome.FollowUpScheduled.class).get(0).due()).isEqualTo(now + HOUR);
        passTime(30 * MINUTE);
        send("tank", "methane", 62.0);
        List<Outcome> later = passTime(31 * MINUTE);

        assertThat(only(later, AlarmRaised.class)).extracting(AlarmRaised::alarmType, AlarmRaised::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("METHANE_PERSISTS", Severity.MAJOR));
        OpenCase c = only(later, OpenCase.class).get(0);
        assertThat(c.routeTo()).isEqualTo(Action.RouteTo.DISTRICT);
        assertThat(c.categoryCode()).isEqualTo("E1103");

        List<Outcome> down = send("tank", "methane", 20.0);
        assertThat(only(down, AlarmCleared.class)).extracting(AlarmCleared::alarmType)
                .containsExactly("METHANE_HIGH", "METHANE_PERSISTS");
    }

    @Test
    void theFanThatWorksEndsTheChain() {
        engine.register("tank", Profile.METHANE_FAN.defaultRules(), now);
        send("tank", "methane", 70.0);
        passTime(20 * MINUTE);
        send("tank", "methane", 40.0);
        assertThat(only(passTime(2 * HOUR), AlarmRaised.class)).isEmpty();
    }

    @Test
    void methaneHeldOnlyByHysteresisAnHourLaterIsNotStillAboveSixty() {
        engine.register("tank", Profile.METHANE_FAN.defaultRules(), now);
        send("tank", "methane", 70.0);
        passTime(10 * MINUTE);
        assertThat(send("tank", "methane", 55.0)).as("55 is above the clear level 50: the alarm holds").isEmpty();
        assertThat(engine.activeAlarms("tank")).containsExactly("METHANE_HIGH");
        assertThat(only(passTime(HOUR), AlarmRaised.class)).isEmpty();
    }

    // ---- the wristband

    @Test
    void heartRateFortyOpensARedUrgentCaseAndCallsTheEscort() {
        engine.register("band", Profile.WRISTBAND.defaultRules(), now);
        assertThat(send("band", "hr", 72)).isEmpty();

        List<Outcome> out = send("band", "hr", 40);

        assertThat(only(out, AlarmRaised.class).get(0).severity()).isEqualTo(Severity.CRITICAL);
        OpenCase c = only(out, OpenCase.class).get(0);
        assertThat(c.urgent()).isTrue();
        assertThat(c.categoryCode()).isEqualTo("E1104");
        assertThat(c.routeTo()).isEqualTo(Action.RouteTo.GRID);
        assertThat(only(out, CallWebhook.class)).extracting(CallWebhook::target).containsExactly("ambulance-escort");
        assertThat(send("band", "hr", 41)).as("one alarm while it lasts").isEmpty();
    }

    // ---- hysteresis, duration, schedule, composite, rate

    @Test
    void hysteresisHoldsTheAlarmUntilTheClearLevel() {
        engine.register("tank", RuleSet.of(Rule.when("HIGH", Severity.MINOR, Condition.Threshold.above("methane", 60, 50))), now);
        assertThat(only(send("tank", "methane", 61), AlarmRaised.class)).hasSize(1);
        assertThat(send("tank", "methane", 59)).isEmpty();
        assertThat(send("tank", "methane", 62)).isEmpty();
        assertThat(send("tank", "methane", 51)).isEmpty();
        assertThat(only(send("tank", "methane", 49), AlarmCleared.class)).hasSize(1);
        assertThat(send("tank", "methane", 59)).as("below the raise level again after clearing").isEmpty();
        assertThat(only(send("tank", "methane", 60.5), AlarmRaised.class)).hasSize(1);
    }

    @Test
    void aClearLevelOnTheWrongSideIsRefused() {
        assertThatThrownBy(() -> Condition.Threshold.above("methane", 60, 70)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void durationRaisesOnlyWhenTheConditionHeldLongEnoughEvenWithoutAFurtherReading() {
        engine.register("gauge", Profile.WATER_LEVEL.defaultRules(), now);
        send("gauge", "level", 55);
        passTime(5 * MINUTE);
        send("gauge", "level", 35); // dropped: the ten minutes start over
        send("gauge", "level", 52);
        assertThat(only(passTime(9 * MINUTE), AlarmRaised.class)).isEmpty();

        List<Outcome> out = passTime(2 * MINUTE);

        assertThat(only(out, AlarmRaised.class)).extracting(AlarmRaised::alarmType).containsExactly("WATER_LEVEL_HIGH");
        assertThat(only(out, OpenCase.class)).hasSize(1);
    }

    @Test
    void aNightsOnlyRuleStaysQuietByDayAndRaisesAtNight() {
        engine.register("hall", RuleSet.of(Rule.when("MOTION_AT_NIGHT", Severity.MINOR, new Condition.Equals("motion", true))
                .during(ActiveHours.nights())), now);
        assertThat(send("hall", "motion", true)).as("10:00").isEmpty();
        send("hall", "motion", false);
        passTime(13 * HOUR); // 23:00

        assertThat(only(send("hall", "motion", true), AlarmRaised.class)).hasSize(1);
    }

    @Test
    void aNightsOnlyAbsenceDueByDayWaitsForTheNight() {
        engine.register("door", RuleSet.of(Rule.absence("NO_EVENING_ROUND", Severity.MINOR, "open", true, Duration.ofHours(2))
                .during(ActiveHours.nights())), now);
        assertThat(passTime(11 * HOUR + 30 * MINUTE)).as("due at 12:00, quiet until 22:00").isEmpty();

        List<Outcome> out = passTime(HOUR);

        assertThat(only(out, AlarmRaised.class)).hasSize(1);
        assertThat(Instant.ofEpochMilli(only(out, AlarmRaised.class).get(0).ts()).atZone(ActiveHours.CHONGQING).getHour()).isEqualTo(22);
    }

    @Test
    void compositeAndRateOfChange() {
        engine.register("gauge", Profile.WATER_LEVEL.defaultRules(), now);
        send("gauge", "level", 20);
        now += MINUTE;
        assertThat(send("gauge", "level", 28)).as("fast but low").isEmpty();
        now += MINUTE;
        assertThat(only(send("gauge", "level", 33), AlarmRaised.class)).extracting(AlarmRaised::alarmType)
                .containsExactly("WATER_RISING_FAST");
        now += 10 * MINUTE;
        assertThat(only(send("gauge", "level", 34), AlarmCleared.class)).as("high but slow").hasSize(1);
    }

    @Test
    void anyOfTwoConditions() {
        engine.register("cover", Profile.GEOMAGNETIC_MANHOLE.defaultRules(), now);
        assertThat(send("cover", "tilt", 3)).isEmpty();
        assertThat(only(send("cover", "displaced", true), AlarmRaised.class)).hasSize(1);
        assertThat(send("cover", "tilt", 2)).as("tilt alone says nothing of displacement").isEmpty();
        assertThat(only(engine.accept("cover", new Reading(now, Map.of("displaced", false, "tilt", 1))), AlarmCleared.class)).hasSize(1);
    }

    @Test
    void readingsWithoutTheKeyChangeNothing() {
        engine.register("band", Profile.WRISTBAND.defaultRules(), now);
        send("band", "hr", 40);
        assertThat(send("band", "battery", 5)).isEmpty();
        assertThat(engine.activeAlarms("band")).containsExactly("HEART_RATE_ABNORMAL");
    }

    // ---- alarm lifecycle: acknowledge, clear, escalate

    @Test
    void anUnacknowledgedAlarmEscalatesStepByStepUpToThreeLevels() {
        engine.register("smoke", Profile.SMOKE.defaultRules(), now);
        send("smoke", "smoke", true);
        assertThat(only(passTime(4 * MINUTE), AlarmEscalated.class)).isEmpty();
        assertThat(only(passTime(2 * MINUTE), AlarmEscalated.class)).extracting(AlarmEscalated::level).containsExactly(1);
        assertThat(only(passTime(HOUR), AlarmEscalated.class)).extracting(AlarmEscalated::level).containsExactly(2, 3);
    }

    @Test
    void acknowledgingStopsTheEscalationButKeepsTheAlarmActive() {
        engine.register("smoke", Profile.SMOKE.defaultRules(), now);
        send("smoke", "smoke", true);
        passTime(6 * MINUTE);
        engine.acknowledge("smoke", "SMOKE");
        assertThat(passTime(HOUR)).isEmpty();
        assertThat(engine.activeAlarms("smoke")).containsExactly("SMOKE");
        assertThat(only(send("smoke", "smoke", false), AlarmCleared.class)).hasSize(1);
    }

    @Test
    void clearedByHandTheAlarmComesBackOnlyWithANewRaise() {
        engine.register("smoke", Profile.SMOKE.defaultRules(), now);
        send("smoke", "smoke", true);
        assertThat(engine.clearByHand("smoke", "SMOKE", now)).containsExactly(new AlarmCleared("smoke", "SMOKE", now));
        assertThat(passTime(HOUR)).as("no escalation of a cleared alarm").isEmpty();
        assertThat(only(send("smoke", "smoke", true), AlarmRaised.class)).hasSize(1);
    }

    @Test
    void anAlarmRestoredAfterARestartClearsAndEscalatesAsBefore() {
        engine.register("smoke", Profile.SMOKE.defaultRules(), now);
        engine.restoreAlarm("smoke", "SMOKE", false, now);
        assertThat(only(passTime(6 * MINUTE), AlarmEscalated.class)).hasSize(1);
        assertThat(send("smoke", "smoke", true)).as("still the same alarm").isEmpty();
        assertThat(only(send("smoke", "smoke", false), AlarmCleared.class)).hasSize(1);
    }

    @Test
    void oneAlarmTypeOncePerRuleSet() {
        Rule r = Rule.when("X", Severity.MINOR, new Condition.Equals("a", true));
        assertThatThrownBy(() -> RuleSet.of(r, r)).isInstanceOf(IllegalArgumentException.class);
    }
}
