package civicgrid.geo.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Finds which of many polygons (the city's ~65,000 grids) contains a point, in well under a
 * microsecond. A coarse uniform raster over the extent, refined 8×8 where it is crowded, stores per
 * cell either the one polygon that properly contains the whole cell (answered without any
 * geometry test) or the few candidates that touch it (tested with an exact point-in-ring test).
 * A point on a border shared by several polygons belongs to the lowest index, as a brute-force scan
 * in index order with JTS {@code covers} would say.
 */
public final class GridLocator {

    public static final int NOT_FOUND = -1;
    private static final int EMPTY = -1;
    private static final int SUBGRID = -1;
    private static final int SUB = 8;
    private static final int CROWDED = 6;
    private static final double EPSILON = 1e-9;

    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    private final int nx;
    private final int ny;
    private final double invCellW;
    private final double invCellH;
    private final int[] cells;
    private final int[] pool;
    private final double[] bounds;
    private final double[][][] parts;
    private final int[][] holes;

    private GridLocator(Envelope extent, int nx, int ny, int[] cells, int[] pool, double[] bounds, double[][][] parts,
                        int[][] holes) {
        this.minX = extent.getMinX();
        this.minY = extent.getMinY();
        this.maxX = extent.getMaxX();
        this.maxY = extent.getMaxY();
        this.nx = nx;
        this.ny = ny;
        this.invCellW = nx / extent.getWidth();
        this.invCellH = ny / extent.getHeight();
        this.cells = cells;
        this.pool = pool;
        this.bounds = bounds;
        this.parts = parts;
        this.holes = holes;
    }

    /** The index of the polygon covering (x, y), or {@link #NOT_FOUND}. */
    public int locate(double x, double y) {
        if (!(x >= minX && x < maxX && y >= minY && y < maxY)) {
            return NOT_FOUND;
        }
        double fx = (x - minX) * invCellW;
        double fy = (y - minY) * invCellH;
        int cx = Math.min((int) fx, nx - 1);
        int cy = Math.min((int) fy, ny - 1);
        int v = cells[cy * nx + cx];
        if (v >= 0) {
            return v;
        }
        if (v == EMPTY) {
            return NOT_FOUND;
        }
        int offset = -(v + 2);
        if (pool[offset] == SUBGRID) {
            int sx = Math.min((int) ((fx - cx) * SUB), SUB - 1);
            int sy = Math.min((int) ((fy - cy) * SUB), SUB - 1);
            int sv = pool[offset + 1 + sy * SUB + sx];
            if (sv >= 0) {
                return sv;
            }
            if (sv == EMPTY) {
                return NOT_FOUND;
            }
            offset = -(sv + 2);
        }
        int count = pool[offset];
        for (int i = 1; i <= count; i++) {
            int id = pool[offset + i];
            if (covers(id, x, y)) {
                return id;
            }
        }
        return NOT_FOUND;
    }

    public int size() {
        return parts.length;
    }

    /** Approximate bytes held by the index itself (not the source geometries). */
    public long footprintBytes() {
        long rings = 0;
        for (int[] h : holes) {
            rings += 16 + h.length * 4L;
        }
        for (double[][] polygon : parts) {
            for (double[] ring : polygon) {
                rings += 16 + (long) ring.length * 8;
            }
            rings += 16 + polygon.length * 4L;
        }
        return cells.length * 4L + pool.length * 4L + bounds.length * 8L + rings;
    }

    private boolean covers(int id, double x, double y) {
        int b = id * 4;
        if (x < bounds[b] || x > bounds[b + 2] || y < bounds[b + 1] || y > bounds[b + 3]) {
            return false;
        }
        double[][] rings = parts[id];
        int[] holeCounts = holes[id];
        int ring = 0;
        for (int holesOfShell : holeCounts) {
            int shellLocation = RingLocation.locate(x, y, rings[ring]);
            if (shellLocation == RingLocation.BOUNDARY) {
                return true;
            }
            if (shellLocation == RingLocation.INTERIOR && !inAHole(x, y, rings, ring + 1, holesOfShell)) {
                return true;
            }
            ring += 1 + holesOfShell;
        }
        return false;
    }

    /** Inside one of the holes, not on its edge (the edge still belongs to the polygon). */
    private static boolean inAHole(double x, double y, double[][] rings, int first, int count) {
        for (int h = first; h < first + count; h++) {
            if (RingLocation.locate(x, y, rings[h]) == RingLocation.INTERIOR) {
                return true;
            }
        }
        return false;
    }

    /** Builds the index over polygons given in the order whose indexes {@link #locate} returns. */
    public static GridLocator build(List<? extends Geometry> polygons) {
        Envelope extent = new Envelope();
        for (Geometry g : polygons) {
            extent.expandToInclude(g.getEnvelopeInternal());
        }
        extent.expandBy(Math.max(extent.getWidth(), extent.getHeight()) * 1e-3 + 1e-6);
        // about four times as many coarse cells as polygons, square in degrees
        double cellSide = Math.sqrt(extent.getArea() / Math.max(1, polygons.size() * 4.0));
        int nx = Math.max(1, (int) Math.ceil(extent.getWidth() / cellSide));
        int ny = Math.max(1, (int) Math.ceil(extent.getHeight() / cellSide));
        Raster coarse = new Raster(extent.getMinX(), extent.getMinY(), extent.getWidth() / nx, extent.getHeight() / ny, nx, ny);

        int n = polygons.size();
        double[] bounds = new double[n * 4];
        double[][][] parts = new double[n][][];
        int[][] holes = new int[n][];
        java.util.stream.IntStream.range(0, n).parallel().forEach(id -> {
            Geometry polygon = polygons.get(id);
            Envelope env = polygon.getEnvelopeInternal();
            bounds[id * 4] = env.getMinX();
            bounds[id * 4 + 1] = env.getMinY();
            bounds[id * 4 + 2] = env.getMaxX();
            bounds[id * 4 + 3] = env.getMaxY();
            parts[id] = flatten(polygon);
            holes[id] = holeCounts(polygon);
        });
        GridLocator shape = new GridLocator(extent, nx, ny, new int[0], new int[0], bounds, parts, holes);

        // classify coarse cells in parallel chunks of polygons; merging in chunk order keeps lists ascending
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() * 2, n / 1000 + 1));
        Classification[] partial = new Classification[chunks];
        java.util.stream.IntStream.range(0, chunks).parallel().forEach(chunk -> {
            Classification mine = new Classification(nx * ny);
            for (int id = (int) ((long) n * chunk / chunks); id < (int) ((long) n * (chunk + 1) / chunks); id++) {
                shape.classify(id, coarse, mine);
            }
            partial[chunk] = mine;
        });
        Classification merged = Classification.merge(partial, nx * ny);

        List<Integer> crowded = new ArrayList<>();
        for (int c = 0; c < nx * ny; c++) {
            if (merged.candidates(c).size() > CROWDED) {
                crowded.add(c);
            }
        }
        java.util.Map<Integer, Classification> refined = new java.util.concurrent.ConcurrentHashMap<>();
        crowded.parallelStream().forEach(c -> {
            Raster sub = new Raster(coarse.x0 + (c % nx) * coarse.cw, coarse.y0 + (c / nx) * coarse.ch, coarse.cw / SUB,
                    coarse.ch / SUB, SUB, SUB);
            Classification mine = new Classification(SUB * SUB);
            for (int id : merged.candidates(c)) {
                shape.classify(id, sub, mine);
            }
            refined.put(c, mine);
        });

        IntPool pool = new IntPool();
        int[] cells = new int[nx * ny];
        for (int c = 0; c < cells.length; c++) {
            Classification sub = refined.get(c);
            cells[c] = sub != null ? pool.addSubgrid(sub) : pool.encode(merged, c);
        }
        return new GridLocator(extent, nx, ny, cells, pool.toArray(), bounds, parts, holes);
    }

    /**
     * Marks the raster cells the polygon touches: cells its boundary may cross become candidates,
     * cells wholly inside (no boundary nearby, centre inside) get the polygon as their answer. The
     * boundary test is conservative (segment boxes widened by an epsilon), so a cell is only ever
     * answered without a test when the polygon properly contains it.
     */
    private void classify(int id, Raster raster, Classification into) {
        int b = id * 4;
        int x0 = raster.col(bounds[b] - EPSILON);
        int x1 = raster.col(bounds[b + 2] + EPSILON);
        int y0 = raster.row(bounds[b + 1] - EPSILON);
        int y1 = raster.row(bounds[b + 3] + EPSILON);
        if (x0 > x1 || y0 > y1 || bounds[b + 2] < raster.x0 || bounds[b] > raster.x0 + raster.cw * raster.nx
                || bounds[b + 3] < raster.y0 || bounds[b + 1] > raster.y0 + raster.ch * raster.ny) {
            return;
        }
        int w = x1 - x0 + 1;
        boolean[] touched = new boolean[w * (y1 - y0 + 1)];
        for (double[] ring : parts[id]) {
            for (int i = 2; i < ring.length; i += 2) {
                double ax = ring[i - 2], ay = ring[i - 1], bx = ring[i], by = ring[i + 1];
                int sx0 = Math.max(x0, raster.col(Math.min(ax, bx) - EPSILON));
                int sx1 = Math.min(x1, raster.col(Math.max(ax, bx) + EPSILON));
                int sy0 = Math.max(y0, raster.row(Math.min(ay, by) - EPSILON));
                int sy1 = Math.min(y1, raster.row(Math.max(ay, by) + EPSILON));
                for (int y = sy0; y <= sy1; y++) {
                    for (int x = sx0; x <= sx1; x++) {
                        touched[(y - y0) * w + (x - x0)] = true;
                    }
                }
            }
        }
        for (int y = y0; y <= y1; y++) {
            for (int x = x0; x <= x1; x++) {
                int cell = y * raster.nx + x;
                if (touched[(y - y0) * w + (x - x0)]) {
                    into.addCandidate(cell, id);
                } else if (covers(id, raster.x0 + (x + 0.5) * raster.cw, raster.y0 + (y + 0.5) * raster.ch)) {
                    into.setInside(cell, id);
                }
            }
        }
    }

    /** A regular raster of cells; col/row clamp to the raster (callers widen by an epsilon first). */
    private record Raster(double x0, double y0, double cw, double ch, int nx, int ny) {
        int col(double x) {
            return Math.max(0, Math.min(nx - 1, (int) Math.floor((x - x0) / cw)));
        }

        int row(double y) {
            return Math.max(0, Math.min(ny - 1, (int) Math.floor((y - y0) / ch)));
        }
    }

    /** Per cell: the polygon wholly containing it, and the candidates whose boundary may cross it. */
    private static final class Classification {
        final int[] inside;
        final List<List<Integer>> candidates;

        Classification(int cells) {
            inside = new int[cells];
            Arrays.fill(inside, EMPTY);
            candidates = new ArrayList<>(java.util.Collections.nCopies(cells, (List<Integer>) null));
        }

        void addCandidate(int cell, int id) {
            if (candidates.get(cell) == null) {
                candidates.set(cell, new ArrayList<>(4));
            }
            candidates.get(cell).add(id);
        }

        /** Two polygons both "containing" a cell can only be an overlap: keep both as candidates then. */
        void setInside(int cell, int id) {
            if (inside[cell] == EMPTY) {
                inside[cell] = id;
            } else {
                addCandidate(cell, id);
            }
        }

        /** The cell's answer list: every candidate plus the containing polygon, ascending. */
        List<Integer> candidates(int cell) {
            List<Integer> list = candidates.get(cell);
            if (list == null) {
                return List.of();
            }
            List<Integer> all = new ArrayList<>(list);
            if (inside[cell] >= 0) {
                all.add(inside[cell]);
            }
            all.sort(null);
            return all;
        }

        static Classification merge(Classification[] parts, int cells) {
            Classification merged = new Classification(cells);
            for (Classification part : parts) {
                for (int c = 0; c < cells; c++) {
                    if (part.inside[c] >= 0) {
                        merged.setInside(c, part.inside[c]);
                    }
                    if (part.candidates.get(c) != null) {
                        for (int id : part.candidates.get(c)) {
                            merged.addCandidate(c, id);
                        }
                    }
                }
            }
            return merged;
        }
    }

    /** Rings as flat {@code [x0, y0, x1, y1, ...]} arrays: each shell followed by its holes. */
    private static double[][] flatten(Geometry geometry) {
        List<double[]> rings = new ArrayList<>();
        for (int p = 0; p < geometry.getNumGeometries(); p++) {
            Polygon polygon = (Polygon) geometry.getGeometryN(p);
            rings.add(ring(polygon.getExteriorRing()));
            for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                rings.add(ring(polygon.getInteriorRingN(h)));
            }
        }
        return rings.toArray(double[][]::new);
    }

    private static int[] holeCounts(Geometry geometry) {
        int[] counts = new int[geometry.getNumGeometries()];
        for (int p = 0; p < counts.length; p++) {
            counts[p] = ((Polygon) geometry.getGeometryN(p)).getNumInteriorRing();
        }
        return counts;
    }

    private static double[] ring(LinearRing ring) {
        var seq = ring.getCoordinateSequence();
        double[] flat = new double[seq.size() * 2];
        for (int i = 0; i < seq.size(); i++) {
            flat[i * 2] = seq.getX(i);
            flat[i * 2 + 1] = seq.getY(i);
        }
        return flat;
    }

    /** Growable int storage for candidate lists and sub-grids, addressed by offsets. */
    private static final class IntPool {
        private int[] data = new int[1 << 16];
        private int size;

        /** A cell's entry: its containing polygon, EMPTY, or a reference to its candidate list. */
        int encode(Classification classification, int cell) {
            List<Integer> list = classification.candidates(cell);
            if (list.isEmpty()) {
                return classification.inside[cell];
            }
            int offset = size;
            ensure(list.size() + 1);
            data[size++] = list.size();
            for (int id : list) {
                data[size++] = id;
            }
            return -(offset + 2);
        }

        int addSubgrid(Classification sub) {
            int[] entries = new int[SUB * SUB];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = encode(sub, i);
            }
            int offset = size;
            ensure(entries.length + 1);
            data[size++] = SUBGRID;
            System.arraycopy(entries, 0, data, size, entries.length);
            size += entries.length;
            return -(offset + 2);
        }

        private void ensure(int extra) {
            if (size + extra > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + extra));
            }
        }

        int[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}
