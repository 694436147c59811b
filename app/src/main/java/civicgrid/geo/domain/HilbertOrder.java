package civicgrid.geo.domain;

import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;

/**
 * Orders points along a Hilbert curve, so that consecutive runs of points are compact regions:
 * cutting the ordered seeds into runs gives contiguous streets, communities and grids.
 */
public final class HilbertOrder {

    private static final int ORDER = 16;
    private static final int SIDE = 1 << ORDER;

    private HilbertOrder() {
    }

    public static void sort(List<Coordinate> points, Envelope extent) {
        double w = Math.max(extent.getWidth(), 1e-12);
        double h = Math.max(extent.getHeight(), 1e-12);
        points.sort(Comparator.comparingLong(c -> index(
                (int) Math.min(SIDE - 1, (c.x - extent.getMinX()) / w * SIDE),
                (int) Math.min(SIDE - 1, (c.y - extent.getMinY()) / h * SIDE))));
    }

    /** Distance along the curve of cell (x, y), the classic rotate-and-flip formulation. */
    static long index(int x, int y) {
        long d = 0;
        for (int s = SIDE / 2; s > 0; s /= 2) {
            int rx = (x & s) > 0 ? 1 : 0;
            int ry = (y & s) > 0 ? 1 : 0;
            d += (long) s * s * ((3 * rx) ^ ry);
            if (ry == 0) {
                if (rx == 1) {
                    x = s - 1 - x;
                    y = s - 1 - y;
                }
                int t = x;
                x = y;
                y = t;
            }
        }
        return d;
    }
}
