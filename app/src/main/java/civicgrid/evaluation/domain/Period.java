package civicgrid.evaluation.domain;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A period of whole days (city time), [first, last]: a day {@code 2026-12-06}, an ISO week
 * {@code 2026-W49}, a month {@code 2026-12}, a quarter {@code 2026-Q4}
 * or a year {@code 2026}.
 */
public record Period(String text, LocalDate first, LocalDate last) {

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Period parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("period is required: YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY-Qn.");
        }
        String t = text.strip();
        try {
            Matcher m;
            if ((m = DAY.matcher(t)).matches()) {
                LocalDate day = LocalDate.of(year(m), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                return new Period(t, day, day);
            }
            if ((m = WEEK.matcher(t)).matches()) {
                int year = year(m);
                int week = Integer.parseInt(m.group(2));
                LocalDate anyDay = LocalDate.of(year, 6, 1);
                if (week < 1 || week > anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                    throw new IllegalArgumentException("Week " + week + " does not exist in " + year + ".");
                }
                LocalDate monday = anyDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return new Period(t, monday, monday.plusDays(6));
            }
            if ((m = MONTH.matcher(t)).matches()) {
                YearMonth month = YearMonth.of(year(m), Integer.parseInt(m.group(2)));
                return new Period(t, month.atDay(1), month.atEndOfMonth());
            }
            if ((m = YEAR.matcher(t)).matches()) {
                LocalDate first = LocalDate.of(year(m), 1, 1);
                return new Period(t, first, first.plusYears(1).minusDays(1));
            }
            if ((m = QUARTER.matcher(t)).matches()) {
                int q = Integer.parseInt(m.group(2));
                LocalDate first = LocalDate.of(year(m), 3 * q - 2, 1);
                return new Period(t, first, first.plusMonths(3).minusDays(1));
            }
        } catch (DateTimeException impossible) {
            throw new IllegalArgumentException("'" + t + "' is not a date that exists.");
        }
        throw new IllegalArgumentException("'" + t + "' is not a period: use YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY-Qn or YYYY.");
    }

    private static int year(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2999) {
            throw new IllegalArgumentException("Year " + year + " is out of range.");
        }
        return year;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /**
     * The period as whole calendar months (their first days, in order) and the days outside them, as
     * [first, last] pairs: a year is twelve months and no days, a week or a day only days.
     */
    public record Split(java.util.List<LocalDate> months, java.util.List<LocalDate> dayRanges) {
    }

    public Split split() {
        LocalDate firstMonth = first.getDayOfMonth() == 1 ? first : first.withDayOfMonth(1).plusMonths(1);
        LocalDate end = last.plusDays(1);
        LocalDate afterMonths = end.withDayOfMonth(1);
        if (!firstMonth.isBefore(afterMonths)) {
            return new Split(java.util.List.of(), java.util.List.of(first, last));
        }
        java.util.List<LocalDate> months = new java.util.ArrayList<>();
        for (LocalDate m = firstMonth; m.isBefore(afterMonths); m = m.plusMonths(1)) {
            months.add(m);
        }
        java.util.List<LocalDate> days = new java.util.ArrayList<>();
        if (first.isBefore(firstMonth)) {
            days.add(first);
            days.add(firstMonth.minusDays(1));
        }
        if (afterMonths.isBefore(end)) {
            days.add(afterMonths);
            days.add(last);
        }
        return new Split(java.util.List.copyOf(months), java.util.List.copyOf(days));
    }
}
