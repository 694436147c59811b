package civicgrid.geo.domain;

import civicgrid.geo.TerritoryLevel;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/** The generated territory, ready to be stored: every unit with its polygon, and the road segments. */
public record GeneratedTerritory(List<Unit> units, List<RoadSegment> roadSegments) {

    public record Unit(String code, String name, TerritoryLevel level, String parentCode, Geometry geometry) {
    }

    public record RoadSegment(String code, String roadName, int sequence, String streetCode, LineString line,
                              String chiefName, String chiefPhone) {
    }

    public long count(TerritoryLevel level) {
        return units.stream().filter(u -> u.level() == level).count();
    }
}
