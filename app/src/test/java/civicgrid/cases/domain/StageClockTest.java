package civicgrid.cases.domain;

import static civicgrid.cases.domain.CaseFixtures.DEADLINES;
import static civicgrid.cases.domain.CaseFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.catalog.ClockType;
import civicgrid.catalog.TimeLimit;
import org.junit.jupiter.api.Test;

/** The stage clock on its own: lights at the configured share, hang and resume, extension, stop. */
class StageClockTest {

    private static final TimeLimit FOUR_HOURS = TimeLimit.of(ClockType.WORK_HOURS, 4);

    @Test
    void aStageRunsFromItsStartWithTheYellowLightAtTheGivenShare() {
        StageClock clock = StageClock.start(null, FOUR_HOURS, at("2026-11-25T10:00"), DEADLINES, 0.8);
        assertThat(clock.seq()).isEqualTo(1);
        assertThat(clock.deadline()).as("4 working hours over lunch").isEqualTo(at("2026-11-25T16:00"));
        assertThat(clock.warningAt()).as("80% used: 48 minutes left").isEqualTo(at("2026-11-25T15:12"));
        assertThat(StageClock.start(null, FOUR_HOURS, at("2026-11-25T10:00"), DEADLINES, 0.5).warningAt())
                .isEqualTo(at("2026-11-25T12:00"));
        assertThat(StageClock.start(clock, FOUR_HOURS, at("2026-11-25T10:00"), DEADLINES, 0.8).seq()).as("numbered on").isEqualTo(2);
        assertThat(clock.onTime(at("2026-11-25T16:00"))).isTrue();
        assertThat(clock.onTime(at("2026-11-25T16:01"))).isFalse();
    }

    @Test
    void hangingKeepsWhatIsLeftAndTheLightsThatCameOn() {
        StageClock clock = StageClock.start(null, FOUR_HOURS, at("2026-11-25T10:00"), DEADLINES, 0.8).warn();
        StageClock hung = clock.hang(at("2026-11-25T11:00"), DEADLINES);
        assertThat(hung.running()).isFalse();
        assertThat(hung.limit().amount()).isEqualByComparingTo("3");
        assertThat(hung.fullLimit()).isEqualTo(FOUR_HOURS);
        assertThat(hung.warned()).isTrue();
        StageClock resumed = hung.resume(at("2026-11-30T09:00"), DEADLINES, 0.8);
        assertThat(resumed.seq()).isEqualTo(clock.seq() + 2);
        assertThat(resumed.deadline()).isEqualTo(at("2026-11-30T12:00"));
        assertThat(resumed.warningAt()).as("48 minutes of the full limit before the end").isEqualTo(at("2026-11-30T11:12"));
        assertThat(resumed.warned()).isTrue();
    }

    @Test
    void aRedLightThatCameOnStaysOnAcrossHangAndResume() {
        StageClock red = StageClock.start(null, FOUR_HOURS, at("2026-11-25T10:00"), DEADLINES, 0.8).overdue(true);
        StageClock resumed = red.hang(at("2026-11-25T17:00"), DEADLINES).resume(at("2026-11-26T09:00"), DEADLINES, 0.8);
        assertThat(resumed.overdue()).isTrue();
        assertThat(resumed.warned()).isTrue();
        assertThat(resumed.escalated()).isTrue();
        assertThat(resumed.limit().amount()).as("nothing left").isEqualByComparingTo("0");
    }

    @Test
    void anExtensionMovesTheDeadlineAndClearsLightsNoLongerDueButNotTheEscalation() {
        StageClock red = StageClock.start(null, FOUR_HOURS, at("2026-11-25T10:00"), DEADLINES, 0.8).overdue(true);
        StageClock longer = red.extend(TimeLimit.of(ClockType.WORK_HOURS, 4), at("2026-11-25T16:30"), DEADLINES, 0.8);
        assertThat(longer.deadline()).isEqualTo(at("2026-11-26T11:00"));
        assertThat(longer.fullLimit().amount()).isEqualByComparingTo("8");
        assertThat(longer.overdue()).isFalse();
        assertThat(longer.warned()).as("80% of 8 hours is tomorrow 09:24").isFalse();
        assertThat(longer.escalated()).isTrue();
        StageClock shortExtension = red.extend(TimeLimit.of(ClockType.WORK_HOURS, 0.5), at("2026-11-25T17:00"), DEADLINES, 0.8);
        assertThat(shortExtension.overdue()).as("still past the longer deadline").isTrue();
    }

    @Test
    void stoppingEndsTheTimersButKeepsTheRecord() {
        StageClock stopped = StageClock.start(null, FOUR_HOURS, at("2026-11-25T10:00"), DEADLINES, 0.8).warn().stop();
        assertThat(stopped.running()).isFalse();
        assertThat(stopped.seq()).isEqualTo(2);
        assertThat(stopped.warned()).isTrue();
        assertThat(stopped.onTime(at("2030-01-01T00:00"))).isTrue();
    }
}
