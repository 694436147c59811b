package civicgrid.evaluation.persistence;

import civicgrid.geo.UnitCode;

/** The codes inside a unit as a range of a {@code collate "C"} column: its code and those it prefixes; the city holds them all. */
record UnitRange(String from, String to) {

    static UnitRange of(String unit) {
        return UnitCode.CITY_CODE.equals(unit) ? new UnitRange("", "~") : new UnitRange(unit, unit + ":");
    }
}
