package civicgrid.geo;

/**
 * Where a point lies: the grid containing it and its enclosing units; the micro-grid where the
 * grid is split into micro-grids; the nearest road segment within reach, if any.
 */
public record Location(double lon, double lat, UnitRef grid, UnitRef microGrid, UnitRef community, UnitRef street,
                       UnitRef district, RoadSegmentRef roadSegment) {
}
