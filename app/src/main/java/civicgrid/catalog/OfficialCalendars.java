package civicgrid.catalog;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Official public holidays and make-up working days as published by the State Council. */
final class OfficialCalendars {

    /**
     * 2026: 元旦 1/1-1/3 (1/4 works), 春节 2/15-2/23 (2/14 and 2/28 work), 清明 4/4-4/6,
     * 劳动节 5/1-5/5 (5/9 works), 端午 6/19-6/21, 中秋 9/25-9/27, 国庆 10/1-10/7 (9/20 and 10/10 work).
     */
    static final Map<String, String[]> CHINA_2026 = Map.of(
            "holidays", new String[] {"2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06",
                "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27", "2026-10-01..2026-10-07"},
            "workdays", new String[] {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"});

    private OfficialCalendars() {
    }

    static Set<LocalDate> dates(String[] ranges) {
        Set<LocalDate> out = new HashSet<>();
        for (String range : ranges) {
            String[] ends = range.split("\\.\\.");
            LocalDate from = LocalDate.parse(ends[0]);
            LocalDate to = ends.length > 1 ? LocalDate.parse(ends[1]) : from;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                out.add(d);
            }
        }
        return out;
    }
}
