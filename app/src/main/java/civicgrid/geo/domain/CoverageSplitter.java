package civicgrid.geo.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * Splits a polygonal area into one cell per seed (the seed's Voronoi cell clipped to the area) so
 * that the cells tile the area exactly: the Voronoi edges and the area's boundary are noded once
 * and polygonized, so neighbouring cells share the very same edge coordinates (no gaps, no
 * overlaps, and a valid coverage that can be unioned exactly).
 */
public final class CoverageSplitter {

    private CoverageSplitter() {
    }

    /** Cells in seed order; every seed must lie inside the area and seeds must be distinct. */
    public static List<Geometry> split(Geometry area, List<Coordinate> seeds, GeometryFactory factory) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds");
        }
        if (seeds.size() == 1) {
            return List.of(area);
        }
        Map<Coordinate, Integer> seedIndex = new HashMap<>();
        for (int i = 0; i < seeds.size(); i++) {
            if (seedIndex.put(seeds.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate seed " + seeds.get(i));
            }
        }
        Envelope clip = new Envelope(area.getEnvelopeInternal());
        clip.expandBy(Math.max(clip.getWidth(), clip.getHeight()) * 0.1 + 1e-6);
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(seeds);
        voronoi.setClipEnvelope(clip);
        Geometry diagram = voronoi.getDiagram(factory);

        STRtree cellIndex = new STRtree();
        List<Geometry> lines = new ArrayList<>(diagram.getNumGeometries() + 1);
        lines.add(area.getBoundary());
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            Integer owner = seedIndex.get((Coordinate) cell.getUserData());
            if (owner == null) {
                continue;
            }
            cell.setUserData(owner);
            cellIndex.insert(cell.getEnvelopeInternal(), cell);
            lines.add(cell.getBoundary());
        }
        Geometry noded = UnaryUnionOp.union(lines, factory);
        Polygonizer polygonizer = new Polygonizer();
        polygonizer.add(noded);

        PreparedGeometry preparedArea = PreparedGeometryFactory.prepare(area);
        List<List<Polygon>> facesBySeed = new ArrayList<>(seeds.size());
        for (int i = 0; i < seeds.size(); i++) {
            facesBySeed.add(new ArrayList<>(1));
        }
        for (Object o : polygonizer.getPolygons()) {
            Polygon face = (Polygon) o;
            Point inside = face.getInteriorPoint();
            if (!preparedArea.contains(inside)) {
                continue;
            }
            int owner = ownerOf(inside, cellIndex);
            facesBySeed.get(owner).add(face);
        }
        List<Geometry> cells = new ArrayList<>(seeds.size());
        for (int i = 0; i < seeds.size(); i++) {
            List<Polygon> faces = facesBySeed.get(i);
            if (faces.isEmpty()) {
                throw new IllegalStateException("seed " + seeds.get(i) + " got no cell");
            }
            // normalized: ring start points and orders would otherwise depend on hash order, not on the data
            cells.add((faces.size() == 1 ? faces.get(0) : factory.createMultiPolygon(faces.toArray(Polygon[]::new))).norm());
        }
        return cells;
    }

    private static int ownerOf(Point point, STRtree cellIndex) {
        for (Object candidate : cellIndex.query(point.getEnvelopeInternal())) {
            Geometry cell = (Geometry) candidate;
            if (cell.covers(point)) {
                return (Integer) cell.getUserData();
            }
        }
        throw new IllegalStateException("face at " + point + " lies in no Voronoi cell");
    }
}
