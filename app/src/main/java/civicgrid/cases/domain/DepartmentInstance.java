package civicgrid.cases.domain;

/**
 * One department serving one unit, written {@code 500104:SANITATION} (a district's department),
 * {@code 500104001:STREET_SERVICE} (a street's sector), {@code 500104001001:COMMUNITY} (a community)
 * or {@code CITY:WATER_SUPPLY} (a city-wide utility). The unit's code says the level.
 */
public record DepartmentInstance(String unit, String departmentCode) {

    public static final String CITY = "CITY";

    public DepartmentInstance {
        if (unit == null || unit.isEmpty() || departmentCode == null || departmentCode.isEmpty() || unit.indexOf(':') >= 0
                || departmentCode.indexOf(':') >= 0) {
            throw new IllegalArgumentException("a department instance needs a unit and a department code");
        }
    }

    /** Reads {@code unit:CODE}; anything else is an {@link IllegalArgumentException}. */
    public static DepartmentInstance parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a department instance: " + text);
        }
        return new DepartmentInstance(text.substring(0, colon), text.substring(colon + 1));
    }

    /** CITY, STREET (9-digit unit), COMMUNITY (12 digits) or DISTRICT (6 digits), as the catalog names department levels. */
    public String level() {
        if (unit.equals(CITY)) {
            return "CITY";
        }
        return switch (unit.length()) {
            case 9 -> "STREET";
            case 12 -> "COMMUNITY";
            default -> "DISTRICT";
        };
    }

    /** Handling a case by this instance. */
    public Assignment assignment() {
        return new Assignment(toString(), departmentCode, level());
    }

    @Override
    public String toString() {
        return unit + ":" + departmentCode;
    }
}
