package civicgrid.geo;

import civicgrid.platform.CivicGridException;
import java.util.regex.Pattern;

/**
 * The code of a territorial unit. Codes nest by prefix (street 500104001 lies in district 500104),
 * and the city code {@value #CITY_CODE} contains every other code.
 */
public record UnitCode(String value) implements Comparable<UnitCode> {

    public static final String CITY_CODE = "500000";
    private static final Pattern DIGITS = Pattern.compile("\\d{6}|\\d{9}|\\d{12}|\\d{15}|\\d{17}");

    public UnitCode {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw CivicGridException.badRequest("INVALID_UNIT_CODE",
                    "'" + value + "' is not a territory code (6, 9, 12, 15 or 17 digits).");
        }
    }

    public static UnitCode of(String value) {
        return new UnitCode(value);
    }

    public static boolean isValid(String value) {
        return value != null && DIGITS.matcher(value).matches();
    }

    public static UnitCode city() {
        return new UnitCode(CITY_CODE);
    }

    public boolean isCity() {
        return value.equals(CITY_CODE);
    }

    public TerritoryLevel level() {
        if (isCity()) {
            return TerritoryLevel.CITY;
        }
        return switch (value.length()) {
            case 6 -> TerritoryLevel.DISTRICT;
            case 9 -> TerritoryLevel.STREET;
            case 12 -> TerritoryLevel.COMMUNITY;
            case 15 -> TerritoryLevel.GRID;
            default -> TerritoryLevel.MICRO_GRID;
        };
    }

    /** True when this unit is {@code other} or lies inside it. */
    public boolean isWithin(UnitCode other) {
        return other.isCity() || value.startsWith(other.value);
    }

    /** The code of the enclosing unit, the city for a district, null for the city. */
    public UnitCode parent() {
        return switch (level()) {
            case CITY -> null;
            case DISTRICT -> city();
            case STREET -> new UnitCode(value.substring(0, 6));
            case COMMUNITY -> new UnitCode(value.substring(0, 9));
            case GRID -> new UnitCode(value.substring(0, 12));
            case MICRO_GRID -> new UnitCode(value.substring(0, 15));
        };
    }

    @Override
    public int compareTo(UnitCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
