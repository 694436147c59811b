package civicgrid.geo;

import civicgrid.geo.domain.TerritoryModel;
import civicgrid.geo.persistence.TerritoryImporter;
import civicgrid.geo.persistence.TerritoryStore;
import civicgrid.platform.CivicGridException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.locationtech.jts.geom.GeometryFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The territory as other modules use it: locate a point, walk the tree, find road segments. The
 * whole territory lives in memory (loaded once at start); nothing here touches the database on a
 * request.
 */
@Service
public class GeoApi {

    private static final Logger log = LoggerFactory.getLogger(GeoApi.class);
    private final TerritoryModel model;
    private final double roadReachMeters;

    GeoApi(TerritoryImporter importer, TerritoryStore store, GeoProperties properties) {
        GeometryFactory factory = new GeometryFactory();
        importer.importIfMissing(factory, properties.microGridStreets());
        long started = System.nanoTime();
        List<TerritoryModel.Node> nodes = new ArrayList<>();
        for (TerritoryStore.StoredUnit u : store.loadUnits(factory)) {
            nodes.add(new TerritoryModel.Node(u.code(), u.name(), u.level(), u.parentCode(), u.geometry(), u.centroidLon(),
                    u.centroidLat(), u.areaKm2(), new ArrayList<>()));
        }
        List<TerritoryModel.Road> roads = store.loadRoadSegments(factory).stream()
                .map(r -> new TerritoryModel.Road(r.code(), r.roadName(), r.sequence(), r.streetCode(), r.line(),
                        r.lengthMeters(), r.chiefName(), r.chiefPhone())).toList();
        this.model = TerritoryModel.build(nodes, roads, factory);
        this.roadReachMeters = properties.roadReachMeters();
        log.info("Territory loaded: {} units, {} grids, {} road segments in {} ms", model.size(), model.gridCount(),
                model.roadCount(), (System.nanoTime() - started) / 1_000_000);
    }

    /** The units containing the point; empty outside the city. Coordinates are WGS84 degrees. */
    public Optional<Location> locate(double lon, double lat) {
        requireValidCoordinates(lon, lat);
        return model.locate(lon, lat, roadReachMeters).map(hit -> {
            TerritoryModel.Node grid = hit.grid();
            TerritoryModel.Node community = model.node(grid.parentCode()).orElseThrow();
            TerritoryModel.Node street = model.node(community.parentCode()).orElseThrow();
            TerritoryModel.Node district = model.node(street.parentCode()).orElseThrow();
            return new Location(lon, lat, ref(grid), hit.microGrid() == null ? null : ref(hit.microGrid()), ref(community),
                    ref(street), ref(district), hit.road() == null ? null : road(hit.road(), hit.roadDistanceMeters()));
        });
    }

    public static void requireValidCoordinates(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw CivicGridException.badRequest("INVALID_COORDINATES",
                    "lon must be within -180..180 and lat within -90..90 (WGS84 degrees); got lon=" + lon + ", lat=" + lat + ".");
        }
    }

    public Optional<TerritoryUnit> unit(UnitCode code) {
        return model.node(code.value()).map(GeoApi::unit);
    }

    public TerritoryUnit requireUnit(UnitCode code) {
        return unit(code).orElseThrow(() -> CivicGridException.notFound("UNKNOWN_UNIT", "No territorial unit " + code + "."));
    }

    public List<TerritoryUnit> children(UnitCode code) {
        return node(code).children().stream().map(GeoApi::unit).toList();
    }

    public List<TerritoryUnit> search(String text, TerritoryLevel level, Predicate<String> visible, int limit) {
        return model.search(text, level, visible, limit).stream().map(GeoApi::unit).toList();
    }

    public List<RoadSegmentRef> roadSegments(UnitCode street) {
        return model.roadsOfStreet(street.value()).stream().map(r -> road(r, null)).toList();
    }

    /** Counts per level, for health checks and the import tests. */
    public long count(TerritoryLevel level) {
        return switch (level) {
            case CITY -> 1;
            case GRID -> model.gridCount();
            default -> countBelow(model.city(), level);
        };
    }

    public int roadSegmentCount() {
        return model.roadCount();
    }

    /** The in-memory model, for the map module's GeoJSON and for benchmarks. */
    public TerritoryModel model() {
        return model;
    }

    private long countBelow(TerritoryModel.Node node, TerritoryLevel level) {
        if (node.level() == level) {
            return 1;
        }
        if (node.level().ordinal() > level.ordinal()) {
            return 0;
        }
        long n = 0;
        for (TerritoryModel.Node child : node.children()) {
            n += countBelow(child, level);
        }
        return n;
    }

    TerritoryModel.Node node(UnitCode code) {
        return model.node(code.value())
                .orElseThrow(() -> CivicGridException.notFound("UNKNOWN_UNIT", "No territorial unit " + code + "."));
    }

    private static UnitRef ref(TerritoryModel.Node node) {
        return new UnitRef(node.code(), node.name());
    }

    private static TerritoryUnit unit(TerritoryModel.Node n) {
        return new TerritoryUnit(n.code(), n.name(), n.level(), n.parentCode(), n.children().size(), n.centroidLon(),
                n.centroidLat(), Math.round(n.areaKm2() * 1000) / 1000.0);
    }

    private static RoadSegmentRef road(TerritoryModel.Road r, Double distance) {
        return new RoadSegmentRef(r.code(), r.roadName(), r.sequence(), r.streetCode(), Math.round(r.lengthMeters()),
                r.chiefName(), r.chiefPhone(), distance == null ? null : Math.round(distance * 10) / 10.0);
    }
}
