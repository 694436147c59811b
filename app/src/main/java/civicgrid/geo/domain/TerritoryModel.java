package civicgrid.geo.domain;

import civicgrid.geo.Distances;

import civicgrid.geo.TerritoryLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.distance.DistanceOp;

/**
 * The whole territory in memory: the tree, the polygons, the grid locator and the road segments.
 * Immutable once built; read by any number of threads.
 */
public final class TerritoryModel {

    /** One unit of the tree. */
    public record Node(String code, String name, TerritoryLevel level, String parentCode, Geometry geometry,
                       double centroidLon, double centroidLat, double areaKm2, List<Node> children) {
    }

    /** One road segment. */
    public record Road(String code, String roadName, int sequence, String streetCode, LineString line, double lengthMeters,
                       String chiefName, String chiefPhone) {
    }

    /** A located point: the grid node, the micro-grid node if the grid has any, and the nearest road within reach. */
    public record Hit(Node grid, Node microGrid, Road road, double roadDistanceMeters) {
    }

    private final Map<String, Node> byCode;
    private final Node city;
    private final Node[] grids;
    private final GridLocator gridLocator;
    private final Map<String, List<Road>> roadsByStreet;
    private final STRtree roadIndex;
    private final GeometryFactory factory;

    private TerritoryModel(Map<String, Node> byCode, Node city, Node[] grids, GridLocator gridLocator,
                           Map<String, List<Road>> roadsByStreet, STRtree roadIndex, GeometryFactory factory) {
        this.byCode = byCode;
        this.city = city;
        this.grids = grids;
        this.gridLocator = gridLocator;
        this.roadsByStreet = roadsByStreet;
        this.roadIndex = roadIndex;
        this.factory = factory;
    }

    /** Builds the model from nodes (any order; children are linked by parent code) and road segments. */
    public static TerritoryModel build(List<Node> nodes, List<Road> roads, GeometryFactory factory) {
        Map<String, Node> byCode = new HashMap<>(nodes.size() * 2);
        List<Node> sorted = new ArrayList<>(nodes);
        sorted.sort((a, b) -> a.code().compareTo(b.code()));
        Node city = null;
        List<Node> gridList = new ArrayList<>();
        for (Node node : sorted) {
            byCode.put(node.code(), node);
            if (node.level() == TerritoryLevel.CITY) {
                city = node;
            }
            if (node.level() == TerritoryLevel.GRID) {
                gridList.add(node);
            }
        }
        for (Node node : sorted) {
            if (node.parentCode() != null) {
                Node parent = byCode.get(node.parentCode());
                if (parent == null) {
                    throw new IllegalStateException("unit " + node.code() + " has unknown parent " + node.parentCode());
                }
                parent.children().add(node);
            }
        }
        if (city == null) {
            throw new IllegalStateException("the territory has no city unit");
        }
        Node[] grids = gridList.toArray(Node[]::new);
        GridLocator locator = GridLocator.build(gridList.stream().map(Node::geometry).toList());
        Map<String, List<Road>> roadsByStreet = new HashMap<>();
        STRtree roadIndex = new STRtree();
        for (Road road : roads) {
            roadsByStreet.computeIfAbsent(road.streetCode(), k -> new ArrayList<>()).add(road);
            roadIndex.insert(road.line().getEnvelopeInternal(), road);
        }
        roadIndex.build();
        return new TerritoryModel(byCode, city, grids, locator, roadsByStreet, roadIndex, factory);
    }

    public Node city() {
        return city;
    }

    public Optional<Node> node(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public int size() {
        return byCode.size();
    }

    public int gridCount() {
        return grids.length;
    }

    public GridLocator gridLocator() {
        return gridLocator;
    }

    public Node gridAt(int index) {
        return grids[index];
    }

    public List<Road> roadsOfStreet(String streetCode) {
        return roadsByStreet.getOrDefault(streetCode, Collections.emptyList());
    }

    public int roadCount() {
        return roadIndex.size();
    }

    /** The grid (and micro-grid) covering the point, with the nearest road segment within {@code roadReachMeters}. */
    public Optional<Hit> locate(double lon, double lat, double roadReachMeters) {
        int index = gridLocator.locate(lon, lat);
        if (index < 0) {
            return Optional.empty();
        }
        Node grid = grids[index];
        Node micro = null;
        if (!grid.children().isEmpty()) {
            var point = factory.createPoint(new Coordinate(lon, lat));
            for (Node child : grid.children()) {
                if (child.geometry().covers(point)) {
                    micro = child;
                    break;
                }
            }
        }
        Road road = null;
        double best = Double.MAX_VALUE;
        if (roadReachMeters > 0) {
            double reach = Distances.degreesLon(roadReachMeters, lat);
            var point = factory.createPoint(new Coordinate(lon, lat));
            for (Object o : roadIndex.query(new Envelope(lon - reach, lon + reach, lat - reach, lat + reach))) {
                Road candidate = (Road) o;
                Coordinate[] nearest = DistanceOp.nearestPoints(candidate.line(), point);
                double meters = Distances.meters(lon, lat, nearest[0].x, nearest[0].y);
                if (meters <= roadReachMeters && meters < best) {
                    best = meters;
                    road = candidate;
                }
            }
        }
        return Optional.of(new Hit(grid, micro, road, road == null ? Double.NaN : best));
    }

    /** Units whose name contains the text, in code order, at most {@code limit}. */
    public List<Node> search(String text, TerritoryLevel level, java.util.function.Predicate<String> visible, int limit) {
        List<Node> found = new ArrayList<>();
        for (Node node : byCode.values()) {
            if ((level == null || node.level() == level) && node.name().contains(text) && visible.test(node.code())) {
                found.add(node);
            }
        }
        found.sort((a, b) -> a.code().compareTo(b.code()));
        return found.size() > limit ? found.subList(0, limit) : found;
    }
}
