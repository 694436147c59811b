package civicgrid.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which rows a period reads: whole months from the monthly figures, the other days from the daily ones. */
class PeriodSplitTest {

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void aYearIsTwelveMonthsAndNoDays() {
        Period.Split s = Period.parse("2025").split();
        assertThat(s.months()).hasSize(12).startsWith(d("2025-01-01")).endsWith(d("2025-12-01"));
        assertThat(s.dayRanges()).isEmpty();
    }

    @Test
    void aQuarterAndAMonthAreWholeMonths() {
        assertThat(Period.parse("2025-Q4").split().months()).containsExactly(d("2025-10-01"), d("2025-11-01"), d("2025-12-01"));
        assertThat(Period.parse("2024-02").split().months()).containsExactly(d("2024-02-01"));
        assertThat(Period.parse("2024-02").split().dayRanges()).isEmpty();
    }

    @Test
    void aWeekOrADayReadsDaysOnly() {
        // 2025-W01 runs from Monday 30 December 2024 to Sunday 5 January 2025: across two months, neither whole
        Period.Split week = Period.parse("2025-W01").split();
        assertThat(week.months()).isEmpty();
        assertThat(week.dayRanges()).containsExactly(d("2024-12-30"), d("2025-01-05"));
        assertThat(Period.parse("2025-06-03").split().dayRanges()).containsExactly(d("2025-06-03"), d("2025-06-03"));
    }

    @Test
    void daysAroundWholeMonthsAreReadAsDays() {
        Period odd = new Period("odd", d("2025-01-20"), d("2025-04-10"));
        Period.Split s = odd.split();
        assertThat(s.months()).containsExactly(d("2025-02-01"), d("2025-03-01"));
        assertThat(s.dayRanges()).containsExactly(d("2025-01-20"), d("2025-01-31"), d("2025-04-01"), d("2025-04-10"));
    }
}
