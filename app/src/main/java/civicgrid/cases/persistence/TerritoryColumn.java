package civicgrid.cases.persistence;

/** Which column of {@code cases.case_file} holds a territory code of a given length (each has its index). */
final class TerritoryColumn {

    private TerritoryColumn() {
    }

    static String of(String code) {
        return switch (code.length()) {
            case 6 -> "district_code";
            case 9 -> "street_code";
            case 12 -> "community_code";
            default -> "grid_code";
        };
    }
}
