package civicgrid.catalog;

import static civicgrid.catalog.ClockType.URGENT_HOURS;
import static civicgrid.catalog.ClockType.WORK_DAYS;
import static civicgrid.catalog.ClockType.WORK_HOURS;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deadline arithmetic on the three clocks over China's official 2026 calendar (Asia/Shanghai). */
class DeadlinesTest {

    private final Deadlines deadlines = new Deadlines(WorkCalendar.china2026());

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(WorkCalendar.CHINA).toInstant();
    }

    private String deadline(String start, ClockType clock, double amount) {
        return LocalDateTime.ofInstant(deadlines.deadline(at(start), TimeLimit.of(clock, amount)), WorkCalendar.CHINA).toString();
    }

    @ParameterizedTest(name = "{0} + {1} {2} = {3}")
    @CsvSource({
        // natural hours run through nights, weekends and holidays
        "2026-09-30T20:00, URGENT_HOURS, 24, 2026-10-01T20:00",
        "2026-11-27T23:30, URGENT_HOURS, 0.25, 2026-11-27T23:45",
        "2026-11-27T23:55, URGENT_HOURS, 0.0833333333, 2026-11-28T00:00",
        // working hours: 09:00-12:00 and 14:00-18:00 on working days
        "2026-11-25T09:00, WORK_HOURS, 2, 2026-11-25T11:00",
        "2026-11-25T11:00, WORK_HOURS, 2, 2026-11-25T15:00",
        "2026-11-25T09:00, WORK_HOURS, 3, 2026-11-25T12:00",
        "2026-11-25T09:00, WORK_HOURS, 7, 2026-11-25T18:00",
        "2026-11-25T09:00, WORK_HOURS, 8, 2026-11-26T10:00",
        "2026-11-25T07:30, WORK_HOURS, 1, 2026-11-25T10:00",
        "2026-11-25T12:30, WORK_HOURS, 1, 2026-11-25T15:00",
        "2026-11-25T19:00, WORK_HOURS, 1, 2026-11-26T10:00",
        "2026-11-25T10:00, WORK_HOURS, 0.5, 2026-11-25T10:30",
        // weekends
        "2026-11-27T17:00, WORK_HOURS, 2, 2026-11-30T10:00",
        "2026-11-28T10:00, WORK_HOURS, 1, 2026-11-30T10:00",
        // month end
        "2026-11-30T17:30, WORK_HOURS, 1, 2026-12-01T09:30",
        // National Day: 10/1-10/7 off, Sunday 9/20 and Saturday 10/10 are make-up working days
        "2026-09-30T17:00, WORK_HOURS, 2, 2026-10-08T10:00",
        "2026-10-09T17:00, WORK_HOURS, 2, 2026-10-10T10:00",
        "2026-09-18T17:00, WORK_HOURS, 2, 2026-09-20T10:00",
        // Spring Festival: 2/15-2/23 off, Saturday 2/14 works
        "2026-02-13T17:00, WORK_HOURS, 2, 2026-02-14T10:00",
        "2026-02-14T17:00, WORK_HOURS, 2, 2026-02-24T10:00",
        // New Year: 1/1-1/3 off, Sunday 1/4 works
        "2025-12-31T17:00, WORK_HOURS, 2, 2026-01-04T10:00",
        // Labour Day 5/1-5/5 off, Saturday 5/9 works; Dragon Boat 6/19-6/21 off
        "2026-04-30T17:30, WORK_HOURS, 1, 2026-05-06T09:30",
        "2026-06-18T17:00, WORK_HOURS, 2, 2026-06-22T10:00",
        // working days keep the time of day
        "2026-11-25T10:30, WORK_DAYS, 2, 2026-11-27T10:30",
        "2026-11-27T10:30, WORK_DAYS, 2, 2026-12-01T10:30",
        "2026-11-30T15:00, WORK_DAYS, 3, 2026-12-03T15:00",
        "2026-11-25T19:00, WORK_DAYS, 1, 2026-11-27T09:00",
        "2026-11-28T11:00, WORK_DAYS, 1, 2026-12-01T09:00",
        "2026-11-25T07:00, WORK_DAYS, 1, 2026-11-26T09:00",
        "2026-11-25T09:00, WORK_DAYS, 0.5, 2026-11-25T14:30",
        "2026-09-30T10:00, WORK_DAYS, 1, 2026-10-08T10:00",
        "2026-09-29T10:00, WORK_DAYS, 3, 2026-10-09T10:00",
        "2026-10-09T10:00, WORK_DAYS, 1, 2026-10-10T10:00",
        "2026-02-13T10:00, WORK_DAYS, 2, 2026-02-24T10:00",
    })
    void deadlinesOnTheThreeClocks(String start, ClockType clock, double amount, String expected) {
        assertThat(deadline(start, clock, amount)).isEqualTo(expected);
    }

    @Test
    void aZeroLimitEndsAtOnce() {
        assertThat(deadlines.deadline(at("2026-11-28T03:00"), TimeLimit.of(WORK_HOURS, 0))).isEqualTo(at("2026-11-28T03:00"));
    }

    @Test
    void theYellowLightComesAtEightyPercent() {
        Instant warning = deadlines.fractionReached(at("2026-11-25T09:00"), TimeLimit.of(WORK_HOURS, 8), 0.8);
        assertThat(warning).isEqualTo(at("2026-11-25T17:24"));
        Instant urgent = deadlines.fractionReached(at("2026-11-25T09:00"), TimeLimit.of(URGENT_HOURS, 2), 0.8);
        assertThat(urgent).isEqualTo(at("2026-11-25T10:36"));
    }

    @Test
    void elapsedTimeCountsOnlyTheClocksOwnTime() {
        assertThat(deadlines.elapsed(at("2026-11-25T09:00"), at("2026-11-26T10:00"), WORK_HOURS)).isEqualByComparingTo("8");
        assertThat(deadlines.elapsed(at("2026-11-27T17:00"), at("2026-11-30T10:00"), WORK_HOURS)).isEqualByComparingTo("2");
        assertThat(deadlines.elapsed(at("2026-09-30T18:00"), at("2026-10-07T23:00"), WORK_HOURS)).isEqualByComparingTo("0");
        assertThat(deadlines.elapsed(at("2026-11-27T17:00"), at("2026-11-30T10:00"), URGENT_HOURS)).isEqualByComparingTo("65");
        assertThat(deadlines.elapsed(at("2026-11-25T09:00"), at("2026-11-26T09:00"), WORK_DAYS)).isEqualByComparingTo("1");
        assertThat(deadlines.elapsed(at("2026-11-26T09:00"), at("2026-11-25T09:00"), WORK_DAYS)).isEqualByComparingTo("0");
    }

    @Test
    void aHungCaseStopsItsClockAndResumesWithWhatWasLeft() {
        TimeLimit limit = TimeLimit.of(WORK_DAYS, 2);
        Instant start = at("2026-11-23T10:00");
        assertThat(deadlines.deadline(start, limit)).isEqualTo(at("2026-11-25T10:00"));
        // hung on Monday 15:00 after three working hours, resumed on Tuesday 10:00:
        // the four working hours in between do not count, the deadline moves by four working hours
        TimeLimit left = deadlines.remaining(limit, start, at("2026-11-23T15:00"));
        assertThat(left.amount()).isEqualByComparingTo(new BigDecimal("1.571429"));
        assertThat(deadlines.deadline(at("2026-11-24T10:00"), left)).isEqualTo(at("2026-11-25T16:00"));
        // hung beyond its deadline: nothing is left, and the resumed deadline is the resumption
        TimeLimit none = deadlines.remaining(TimeLimit.of(WORK_HOURS, 1), at("2026-11-25T09:00"), at("2026-11-25T15:00"));
        assertThat(none.amount()).isEqualByComparingTo("0");
    }

    @Test
    void anApprovedPostponementExtendsTheDeadline() {
        TimeLimit limit = TimeLimit.of(WORK_HOURS, 8).plus(TimeLimit.of(WORK_HOURS, 4));
        assertThat(deadlines.deadline(at("2026-11-25T09:00"), limit)).isEqualTo(at("2026-11-26T16:00"));
    }

    @Test
    void theCalendarIsData() {
        WorkCalendar calendar = WorkCalendar.china2026();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 10))).as("make-up Saturday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).as("ordinary Saturday").isFalse();
        assertThat(calendar.holidays()).hasSize(3 + 9 + 3 + 5 + 3 + 3 + 7);
        assertThat(calendar.makeUpWorkdays()).hasSize(6);
        assertThat(calendar.workingMinutesPerDay()).isEqualTo(7 * 60);
        WorkCalendar custom = new WorkCalendar(Set.of(LocalDate.of(2026, 11, 25)), Set.of(), WorkCalendar.DEFAULT_PERIODS,
                WorkCalendar.CHINA);
        assertThat(new Deadlines(custom).deadline(at("2026-11-24T17:00"), TimeLimit.of(WORK_HOURS, 2)))
                .as("an administrator's extra holiday is skipped").isEqualTo(at("2026-11-26T10:00"));
        assertThat(List.of(custom.periods().get(0).start().toString())).containsExactly("09:00");
    }
}
