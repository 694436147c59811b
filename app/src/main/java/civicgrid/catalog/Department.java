package civicgrid.catalog;

/**
 * A responsible department. District-level departments exist once per district (their instance
 * code is {@code <district>:<code>}, e.g. {@code 500104:SANITATION}); city-wide utilities once
 * ({@code CITY:WATER_SUPPLY}).
 */
public record Department(String code, String nameZh, String nameEn, String level) {

    public boolean cityWide() {
        return level.equals("CITY");
    }

    /** The instance responsible in a district. */
    public String instanceFor(String districtCode) {
        return (cityWide() ? "CITY" : districtCode) + ":" + code;
    }
}
