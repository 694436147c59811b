package civicgrid.geo.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Finds which of many polygons (the city's ~65,000 grids) contains a point, in well under a
 * microsecond. A coarse uniform raster over the extent, refined where several polygons meet,
 * stores per cell either the one polygon that properly contains the whole cell (answered without
 * any geometry test) or the few candidates that touch it, each with its bounding box inline, tested
 * with an exact point-in-ring test on one contiguous coordinate array. The layout keeps a lookup to
 * a handful of memory reads, which is what bounds the speed at this size.
 *
 * <p>A point on a border shared by several polygons belongs to the lowest index, as a brute-force
 * scan in index order with JTS {@code covers} would say.
 */
public final class GridLocator {

    public static final int NOT_FOUND = -1;
    private static final int EMPTY = -1;
    private static final int SUBGRID = -1;
    private static final int MAX_SIDE = 16;
    private static final int CELLS_PER_POLYGON = 4;
    private static final int CROWDED = 3;
    private static final double EPSILON = 1e-9;
    /** Ints per candidate in the pool: id and a float bounding box rounded outwards. */
    private static final int CANDIDATE_INTS = 5;

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
    private final Shapes shapes;

    private GridLocator(Envelope extent, int nx, int ny, int[] cells, int[] pool, Shapes shapes) {
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
        this.shapes = shapes;
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
        if (v >= EMPTY) {
            return v;
        }
        int offset = -(v + 2);
        if (pool[offset] == SUBGRID) {
            int side = pool[offset + 1];
            int sx = Math.min((int) ((fx - cx) * side), side - 1);
            int sy = Math.min((int) ((fy - cy) * side), side - 1);
            int sv = pool[offset + 2 + sy * side + sx];
            if (sv >= EMPTY) {
                return sv;
            }
            offset = -(sv + 2);
        }
        int end = offset + 1 + pool[offset] * CANDIDATE_INTS;
        float fxf = (float) x;
        float fyf = (float) y;
        for (int i = offset + 1; i < end; i += CANDIDATE_INTS) {
            if (fxf >= Float.intBitsToFloat(pool[i + 1]) && fyf >= Float.intBitsToFloat(pool[i + 2])
                    && fxf <= Float.intBitsToFloat(pool[i + 3]) && fyf <= Float.intBitsToFloat(pool[i + 4])
                    && shapes.covers(pool[i], x, y)) {
                return pool[i];
            }
        }
        return NOT_FOUND;
    }

    public int size() {
        return shapes.count();
    }

    /** Bytes held by the index (raster, pool and the flattened coordinates). */
    public long footprintBytes() {
        return cells.length * 4L + pool.length * 4L + shapes.footprintBytes();
    }

    /** Builds the index over polygons given in the order whose indexes {@link #locate} returns. */
    public static GridLocator build(List<? extends Geometry> polygons) {
        Envelope extent = new Envelope();
        for (Geometry g : polygons) {
            extent.expandToInclude(g.getEnvelopeInternal());
        }
        extent.expandBy(Math.max(extent.getWidth(), extent.getHeight()) * 1e-3 + 1e-6);
        double cellSide = Math.sqrt(extent.getArea() / Math.max(1, polygons.size() * (double) CELLS_PER_POLYGON));
        int nx = Math.max(1, (int) Math.ceil(extent.getWidth() / cellSide));
        int ny = Math.max(1, (int) Math.ceil(extent.getHeight() / cellSide));
        Raster coarse = new Raster(extent.getMinX(), extent.getMinY(), extent.getWidth() / nx, extent.getHeight() / ny, nx, ny);
        Shapes shapes = Shapes.of(polygons);
        int n = polygons.size();

        // classify coarse cells in parallel chunks of polygons; merging in chunk order keeps lists ascending
        int chunks = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors() * 2, n / 1000 + 1));
        Classification[] partial = new Classification[chunks];
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            Classification mine = new Classification(nx * ny);
            for (int id = (int) ((long) n * chunk / chunks); id < (int) ((long) n * (chunk + 1) / chunks); id++) {
                shapes.classify(id, coarse, mine);
            }
            partial[chunk] = mine;
        });
        Classification merged = Classification.merge(partial, nx * ny);

        // where many polygons meet, refine so that most sub-cells lie wholly inside one polygon
        List<Integer> shared = new ArrayList<>();
        for (int c = 0; c < nx * ny; c++) {
            if (merged.candidates(c).size() > CROWDED) {
                shared.add(c);
            }
        }
        Map<Integer, Classification> refined = new ConcurrentHashMap<>();
        shared.parallelStream().forEach(c -> {
            int side = subgridSide(merged.candidates(c).size());
            Raster sub = new Raster(coarse.x0 + (c % nx) * coarse.cw, coarse.y0 + (c / nx) * coarse.ch, coarse.cw / side,
                    coarse.ch / side, side, side);
            Classification mine = new Classification(side * side);
            for (int id : merged.candidates(c)) {
                shapes.classify(id, sub, mine);
            }
            refined.put(c, mine);
        });

        IntPool pool = new IntPool(shapes);
        int[] cells = new int[nx * ny];
        for (int c = 0; c < cells.length; c++) {
            Classification sub = refined.get(c);
            cells[c] = sub != null ? pool.addSubgrid(sub, subgridSide(merged.candidates(c).size())) : pool.encode(merged, c);
        }
        return new GridLocator(extent, nx, ny, cells, pool.toArray(), shapes);
    }

    /** Sub-grid side for a cell shared by polygons: about sixteen sub-cells per polygon, 4 to 16 a side. */
    static int subgridSide(int candidates) {
        int side = 4;
        while (side * side < candidates * 16 && side < MAX_SIDE) {
            side *= 2;
        }
        return side;
    }

    /** A regular raster of cells; col/row clamp to the raster (callers widen by an epsilon first). */
    private record Raster(double x0, double y0, double cw, double ch, int nx, int ny) {
        int col(double x) {
            return Math.max(0, Math.min(nx - 1, (int) Math.floor((x - x0) / cw)));
        }

        int row(double y) {
            return Math.max(0, Math.min(ny - 1, (int) Math.floor((y - y0) / ch)));
        }

        boolean disjoint(double bx0, double by0, double bx1, double by1) {
            return bx1 < x0 || bx0 > x0 + cw * nx || by1 < y0 || by0 > y0 + ch * ny;
        }
    }

    /**
     * All polygons flattened: one coordinate array, ring offsets into it, the rings of each polygon,
     * and per ring the number of holes that follow a shell (or -1 for a hole).
     */
    private record Shapes(double[] coords, int[] ringStart, int[] ringHoles, int[] polygonRing, double[] bounds) {

        static Shapes of(List<? extends Geometry> polygons) {
            int n = polygons.size();
            List<double[]> rings = new ArrayList<>();
            List<Integer> holes = new ArrayList<>();
            int[] polygonRing = new int[n + 1];
            double[] bounds = new double[n * 4];
            for (int id = 0; id < n; id++) {
                Geometry g = polygons.get(id);
                polygonRing[id] = rings.size();
                Envelope env = g.getEnvelopeInternal();
                bounds[id * 4] = env.getMinX();
                bounds[id * 4 + 1] = env.getMinY();
                bounds[id * 4 + 2] = env.getMaxX();
                bounds[id * 4 + 3] = env.getMaxY();
                for (int p = 0; p < g.getNumGeometries(); p++) {
                    Polygon polygon = (Polygon) g.getGeometryN(p);
                    rings.add(flat(polygon.getExteriorRing()));
                    holes.add(polygon.getNumInteriorRing());
                    for (int h = 0; h < polygon.getNumInteriorRing(); h++) {
                        rings.add(flat(polygon.getInteriorRingN(h)));
                        holes.add(-1);
                    }
                }
            }
            polygonRing[n] = rings.size();
            int[] ringStart = new int[rings.size() + 1];
            int total = 0;
            for (int r = 0; r < rings.size(); r++) {
                ringStart[r] = total;
                total += rings.get(r).length;
            }
            ringStart[rings.size()] = total;
            double[] coords = new double[total];
            for (int r = 0; r < rings.size(); r++) {
                System.arraycopy(rings.get(r), 0, coords, ringStart[r], rings.get(r).length);
            }
            return new Shapes(coords, ringStart, holes.stream().mapToInt(Integer::intValue).toArray(), polygonRing, bounds);
        }

        private static double[] flat(LinearRing ring) {
            var seq = ring.getCoordinateSequence();
            double[] flat = new double[seq.size() * 2];
            for (int i = 0; i < seq.size(); i++) {
                flat[i * 2] = seq.getX(i);
                flat[i * 2 + 1] = seq.getY(i);
            }
            return flat;
        }

        int count() {
            return polygonRing.length - 1;
        }

        long footprintBytes() {
            return coords.length * 8L + ringStart.length * 4L + ringHoles.length * 4L + polygonRing.length * 4L + bounds.length * 8L;
        }

        boolean covers(int id, double x, double y) {
            int last = polygonRing[id + 1];
            int r = polygonRing[id];
            while (r < last) {
                int holes = ringHoles[r];
                int shell = RingLocation.locate(x, y, coords, ringStart[r], ringStart[r + 1]);
                if (shell == RingLocation.BOUNDARY) {
                    return true;
                }
                if (shell == RingLocation.INTERIOR && !inAHole(x, y, r + 1, holes)) {
                    return true;
                }
                r += 1 + holes;
            }
            return false;
        }

        /** Inside one of the holes, not on its edge (the edge still belongs to the polygon). */
        private boolean inAHole(double x, double y, int first, int count) {
            for (int h = first; h < first + count; h++) {
                if (RingLocation.locate(x, y, coords, ringStart[h], ringStart[h + 1]) == RingLocation.INTERIOR) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Marks the raster cells the polygon touches: cells its boundary may cross become candidates,
         * cells wholly inside (no boundary nearby, centre inside) get the polygon as their answer. The
         * boundary test is conservative (segment boxes widened by an epsilon), so a cell is only ever
         * answered without a test when the polygon properly contains it.
         */
        void classify(int id, Raster raster, Classification into) {
            int b = id * 4;
            if (raster.disjoint(bounds[b], bounds[b + 1], bounds[b + 2], bounds[b + 3])) {
                return;
            }
            int x0 = raster.col(bounds[b] - EPSILON);
            int x1 = raster.col(bounds[b + 2] + EPSILON);
            int y0 = raster.row(bounds[b + 1] - EPSILON);
            int y1 = raster.row(bounds[b + 3] + EPSILON);
            int w = x1 - x0 + 1;
            boolean[] touched = new boolean[w * (y1 - y0 + 1)];
            for (int r = polygonRing[id]; r < polygonRing[id + 1]; r++) {
                for (int i = ringStart[r] + 2; i < ringStart[r + 1]; i += 2) {
                    markSegment(coords[i - 2], coords[i - 1], coords[i], coords[i + 1], raster, x0, x1, y0, y1, touched);
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
    }

    /**
     * Marks the cells a segment passes through, row by row: within each row band (widened by an
     * epsilon) the segment spans an x interval, and the cells under it (also widened) are marked.
     */
    private static void markSegment(double ax, double ay, double bx, double by, Raster raster, int x0, int x1, int y0, int y1,
                                    boolean[] touched) {
        int w = x1 - x0 + 1;
        int r0 = Math.max(y0, raster.row(Math.min(ay, by) - EPSILON));
        int r1 = Math.min(y1, raster.row(Math.max(ay, by) + EPSILON));
        for (int row = r0; row <= r1; row++) {
            double lo = Math.max(Math.min(ay, by), raster.y0 + row * raster.ch - EPSILON);
            double hi = Math.min(Math.max(ay, by), raster.y0 + (row + 1) * raster.ch + EPSILON);
            double xa;
            double xb;
            if (ay == by) {
                xa = Math.min(ax, bx);
                xb = Math.max(ax, bx);
            } else {
                double ta = (lo - ay) / (by - ay);
                double tb = (hi - ay) / (by - ay);
                xa = ax + (bx - ax) * ta;
                xb = ax + (bx - ax) * tb;
            }
            int c0 = Math.max(x0, raster.col(Math.min(xa, xb) - EPSILON));
            int c1 = Math.min(x1, raster.col(Math.max(xa, xb) + EPSILON));
            for (int col = c0; col <= c1; col++) {
                touched[(row - y0) * w + (col - x0)] = true;
            }
        }
    }

    /** Per cell: the polygon wholly containing it, and the candidates whose boundary may cross it. */
    private static final class Classification {
        final int[] inside;
        final List<List<Integer>> candidates;

        Classification(int cells) {
            inside = new int[cells];
            Arrays.fill(inside, EMPTY);
            candidates = new ArrayList<>(Collections.nCopies(cells, (List<Integer>) null));
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

    /** Growable int storage for candidate lists and sub-grids, addressed by offsets. */
    private static final class IntPool {
        private final Shapes shapes;
        private final Map<List<Integer>, Integer> lists = new java.util.HashMap<>();
        private int[] data = new int[1 << 16];
        private int size;

        IntPool(Shapes shapes) {
            this.shapes = shapes;
        }

        /** A cell's entry: its containing polygon, EMPTY, or a reference to its candidate list. */
        int encode(Classification classification, int cell) {
            List<Integer> list = classification.candidates(cell);
            if (list.isEmpty()) {
                return classification.inside[cell];
            }
            // neighbouring cells along one border share their candidates: store each list once
            Integer known = lists.get(list);
            if (known != null) {
                return known;
            }
            int offset = size;
            ensure(list.size() * CANDIDATE_INTS + 1);
            data[size++] = list.size();
            for (int id : list) {
                data[size++] = id;
                data[size++] = Float.floatToRawIntBits(Math.nextDown((float) shapes.bounds[id * 4]));
                data[size++] = Float.floatToRawIntBits(Math.nextDown((float) shapes.bounds[id * 4 + 1]));
                data[size++] = Float.floatToRawIntBits(Math.nextUp((float) shapes.bounds[id * 4 + 2]));
                data[size++] = Float.floatToRawIntBits(Math.nextUp((float) shapes.bounds[id * 4 + 3]));
            }
            lists.put(list, -(offset + 2));
            return -(offset + 2);
        }

        int addSubgrid(Classification sub, int side) {
            int[] entries = new int[side * side];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = encode(sub, i);
            }
            int offset = size;
            ensure(entries.length + 2);
            data[size++] = SUBGRID;
            data[size++] = side;
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
