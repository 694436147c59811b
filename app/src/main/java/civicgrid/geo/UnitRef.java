package civicgrid.geo;

/** A unit named by code and name, as other modules and the API show it. */
public record UnitRef(String code, String name) {
}
