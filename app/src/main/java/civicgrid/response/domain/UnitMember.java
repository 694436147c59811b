package civicgrid.response.domain;

import java.time.LocalTime;

/**
 * A member of a minimum response unit: where they usually are (home place), when they are on duty
 * ({@code dutyFrom == dutyTo}: round the clock; {@code dutyFrom > dutyTo}: over midnight) and the
 * account they sign in with, if any.
 */
public record UnitMember(String id, String unitCode, UnitClass unitClass, String nameZh, double lon, double lat,
                         LocalTime dutyFrom, LocalTime dutyTo, String account) {

    /** A: government, utilities, schools, hospitals, finance; B: malls, business districts, scenic areas; C: villages, compounds, parks. */
    public enum UnitClass { A, B, C }

    public boolean onDutyAt(LocalTime t) {
        if (dutyFrom.equals(dutyTo)) {
            return true;
        }
        if (dutyFrom.isBefore(dutyTo)) {
            return !t.isBefore(dutyFrom) && t.isBefore(dutyTo);
        }
        return !t.isBefore(dutyFrom) || t.isBefore(dutyTo);
    }
}
