package civicgrid.identity;

import java.util.Set;
import java.util.TreeSet;

/**
 * The territorial units a user is assigned to. Territory codes nest by prefix (street 500104001 is
 * inside district 500104) and the city code 500000 holds everything, so "inside my scope" is a
 * prefix test on codes: no lookup, no database.
 */
public record TerritorialScope(Set<String> unitCodes) {

    public static final String CITY_CODE = "500000";

    public TerritorialScope {
        unitCodes = Set.copyOf(new TreeSet<>(unitCodes));
    }

    public static TerritorialScope of(String... codes) {
        return new TerritorialScope(Set.of(codes));
    }

    public static TerritorialScope none() {
        return new TerritorialScope(Set.of());
    }

    public boolean cityWide() {
        return unitCodes.contains(CITY_CODE);
    }

    /** True when the unit (or case location) with this code lies inside the scope. */
    public boolean includes(String code) {
        if (code == null) {
            return false;
        }
        for (String unit : unitCodes) {
            if (unit.equals(CITY_CODE) || code.startsWith(unit)) {
                return true;
            }
        }
        return false;
    }

    /** True when the unit encloses part of the scope: its name may be shown on a breadcrumb, not its data. */
    public boolean isAncestorOfScope(String code) {
        if (code == null) {
            return false;
        }
        for (String unit : unitCodes) {
            if (code.equals(CITY_CODE) || (unit.startsWith(code) && !unit.equals(code))) {
                return true;
            }
        }
        return false;
    }
}
