package civicgrid.geo;

/** One unit of the territory tree, without its geometry. */
public record TerritoryUnit(String code, String name, TerritoryLevel level, String parentCode, int childCount,
                            double centroidLon, double centroidLat, double areaKm2) {
}
