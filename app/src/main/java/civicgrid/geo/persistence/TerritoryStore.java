package civicgrid.geo.persistence;

import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.Distances;
import civicgrid.geo.domain.GeneratedTerritory;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stores the generated territory once and reads it back at every start. */
@Repository
public class TerritoryStore {

    private static final int BATCH = 2000;
    private final JdbcTemplate jdbc;

    public TerritoryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Instant> importedAt(String dataset) {
        return jdbc.query("select imported_at from geo.territory_import where dataset = ?",
                (rs, i) -> rs.getTimestamp(1).toInstant(), dataset).stream().findFirst();
    }

    /** All or nothing: the marker row is written in the same transaction as the data. */
    @Transactional
    public void save(String dataset, GeneratedTerritory territory, long millis) {
        WKBWriter wkb = new WKBWriter();
        List<Object[]> rows = new ArrayList<>(BATCH);
        for (GeneratedTerritory.Unit unit : territory.units()) {
            Point centroid = unit.geometry().getInteriorPoint();
            rows.add(new Object[] {unit.code(), unit.level().name(), unit.name(), unit.parentCode(), wkb.write(unit.geometry()),
                    centroid.getX(), centroid.getY(), Distances.areaKm2(unit.geometry())});
            if (rows.size() == BATCH) {
                insertUnits(rows);
            }
        }
        insertUnits(rows);
        for (GeneratedTerritory.RoadSegment road : territory.roadSegments()) {
            rows.add(new Object[] {road.code(), road.roadName(), road.sequence(), road.streetCode(), wkb.write(road.line()),
                    Distances.lengthMeters(road.line()), road.chiefName(), road.chiefPhone()});
            if (rows.size() == BATCH) {
                insertRoads(rows);
            }
        }
        insertRoads(rows);
        jdbc.update("insert into geo.territory_import (dataset, imported_at, units, road_segments, millis) values (?, ?, ?, ?, ?)",
                dataset, Timestamp.from(Instant.now()), territory.units().size(), territory.roadSegments().size(), millis);
    }

    private void insertUnits(List<Object[]> rows) {
        jdbc.batchUpdate("insert into geo.territory_unit (code, level, name, parent_code, geometry, centroid_lon, centroid_lat, area_km2)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        rows.clear();
    }

    private void insertRoads(List<Object[]> rows) {
        jdbc.batchUpdate("insert into geo.road_segment (code, road_name, sequence, street_code, geometry, length_m, chief_name, chief_phone)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", rows);
        rows.clear();
    }

    /** Stored units in code order; the WKB is decoded on all cores (it is most of the start-up time). */
    public List<StoredUnit> loadUnits(GeometryFactory factory) {
        record Raw(String code, String level, String name, String parent, byte[] wkb, double lon, double lat, double area) {
        }
        List<Raw> raw = jdbc.query("select code, level, name, parent_code, geometry, centroid_lon, centroid_lat, area_km2"
                + " from geo.territory_unit order by code", (rs, i) -> new Raw(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getBytes(5), rs.getDouble(6), rs.getDouble(7), rs.getDouble(8)));
        return raw.parallelStream().map(r -> new StoredUnit(r.code(), TerritoryLevel.valueOf(r.level()), r.name(), r.parent(),
                read(new WKBReader(factory), r.wkb()), r.lon(), r.lat(), r.area())).toList();
    }

    public List<StoredRoadSegment> loadRoadSegments(GeometryFactory factory) {
        WKBReader reader = new WKBReader(factory);
        return jdbc.query("select code, road_name, sequence, street_code, geometry, length_m, chief_name, chief_phone"
                + " from geo.road_segment order by code", (rs, i) -> new StoredRoadSegment(rs.getString(1), rs.getString(2),
                rs.getInt(3), rs.getString(4), (LineString) read(reader, rs.getBytes(5)), rs.getDouble(6), rs.getString(7),
                rs.getString(8)));
    }

    private static Geometry read(WKBReader reader, byte[] bytes) {
        try {
            return reader.read(bytes);
        } catch (ParseException e) {
            throw new IllegalStateException("unreadable geometry in geo tables", e);
        }
    }


    public record StoredUnit(String code, TerritoryLevel level, String name, String parentCode, Geometry geometry,
                             double centroidLon, double centroidLat, double areaKm2) {
    }

    public record StoredRoadSegment(String code, String roadName, int sequence, String streetCode, LineString line,
                                    double lengthMeters, String chiefName, String chiefPhone) {
    }
}
