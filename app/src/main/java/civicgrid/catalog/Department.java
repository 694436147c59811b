package civicgrid.catalog;

/**
 * A responsible department. Each has one instance per unit of its level: district departments one
 * per district ({@code 500104:SANITATION}), street sectors one per street
 * ({@code 500104001:STREET_SERVICE}), the community (its grid workers) one per community
 * ({@code 500104001001:COMMUNITY}), city-wide utilities one for the city ({@code CITY:WATER_SUPPLY}).
 */
public record Department(String code, String nameZh, String nameEn, String level) {

    public boolean cityWide() {
        return level.equals("CITY");
    }

    /** The instance responsible for a place, given the codes of its district, street and community. */
    /** The department code of an instance made by {@link #instanceFor} ({@code 500104:SANITATION} → {@code SANITATION}). */
    public static String codeOfInstance(String instance) {
        return instance.substring(instance.indexOf(':') + 1);
    }

    public String instanceFor(String districtCode, String streetCode, String communityCode) {
        return switch (level) {
            case "CITY" -> "CITY:" + code;
            case "STREET" -> streetCode + ":" + code;
            case "COMMUNITY" -> communityCode + ":" + code;
            default -> districtCode + ":" + code;
        };
    }
}
