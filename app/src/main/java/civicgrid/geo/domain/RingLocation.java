package civicgrid.geo.domain;

import org.locationtech.jts.algorithm.CGAlgorithmsDD;

/**
 * Point-in-ring on a flat {@code [x0, y0, x1, y1, ...]} stretch of an array (closed ring), with exactly the
 * semantics of JTS {@code RayCrossingCounter} (robust orientation, boundary detected exactly), so
 * the fast locate index answers as JTS {@code covers} does.
 */
final class RingLocation {

    static final int EXTERIOR = 0;
    static final int INTERIOR = 1;
    static final int BOUNDARY = 2;

    private RingLocation() {
    }

    /** Locates (px, py) against the closed ring stored in {@code coords[from, to)}. */
    static int locate(double px, double py, double[] coords, int from, int to) {
        int crossings = 0;
        for (int i = from + 2; i < to; i += 2) {
            double x1 = coords[i], y1 = coords[i + 1];
            double x2 = coords[i - 2], y2 = coords[i - 1];
            if (x1 < px && x2 < px) {
                continue;
            }
            if (px == x2 && py == y2) {
                return BOUNDARY;
            }
            if (y1 == py && y2 == py) {
                double minX = Math.min(x1, x2), maxX = Math.max(x1, x2);
                if (px >= minX && px <= maxX) {
                    return BOUNDARY;
                }
                continue;
            }
            if ((y1 > py && y2 <= py) || (y2 > py && y1 <= py)) {
                int orient = CGAlgorithmsDD.orientationIndex(x1, y1, x2, y2, px, py);
                if (orient == 0) {
                    return BOUNDARY;
                }
                if (y2 < y1) {
                    orient = -orient;
                }
                if (orient == 1) {
                    crossings++;
                }
            }
        }
        return (crossings & 1) == 1 ? INTERIOR : EXTERIOR;
    }
}
