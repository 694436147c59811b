package civicgrid.catalog;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which days are working days and which hours of them are working periods. Weekends are off
 * unless listed as make-up working days (调休); listed public holidays are off. Pure data: the
 * administrator maintains the lists per year, the clocks read them.
 */
public final class WorkCalendar {

    /** A working period of a day, e.g. 09:00-12:00. */
    public record Period(LocalTime start, LocalTime end) {
        public Period {
            if (!end.isAfter(start)) {
                throw new IllegalArgumentException("a period must end after it starts");
            }
        }

        long minutes() {
            return java.time.Duration.between(start, end).toMinutes();
        }
    }

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final List<Period> DEFAULT_PERIODS = List.of(
            new Period(LocalTime.of(9, 0), LocalTime.of(12, 0)), new Period(LocalTime.of(14, 0), LocalTime.of(18, 0)));

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> makeUpWorkdays;
    private final List<Period> periods;
    private final ZoneId zone;

    public WorkCalendar(Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays, List<Period> periods, ZoneId zone) {
        this.holidays = Set.copyOf(holidays);
        this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
        this.periods = List.copyOf(periods);
        this.zone = zone;
        for (int i = 1; i < periods.size(); i++) {
            if (periods.get(i).start().isBefore(periods.get(i - 1).end())) {
                throw new IllegalArgumentException("working periods must be in order and not overlap");
            }
        }
    }

    /** China's official 2026 calendar (国办发明电〔2025〕7号), default periods, Asia/Shanghai. */
    public static WorkCalendar china2026() {
        Map<String, String[]> days = OfficialCalendars.CHINA_2026;
        return new WorkCalendar(OfficialCalendars.dates(days.get("holidays")), OfficialCalendars.dates(days.get("workdays")),
                DEFAULT_PERIODS, CHINA);
    }

    public boolean isWorkingDay(LocalDate day) {
        if (makeUpWorkdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    public List<Period> periods() {
        return periods;
    }

    public ZoneId zone() {
        return zone;
    }

    public long workingMinutesPerDay() {
        return periods.stream().mapToLong(Period::minutes).sum();
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    public Set<LocalDate> makeUpWorkdays() {
        return makeUpWorkdays;
    }
}
