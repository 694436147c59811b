package civicgrid.geo.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.io.WKTReader;

/** The fast index against a brute-force scan with JTS, on a coverage with holes, multipolygons and dense parts. */
class GridLocatorTest {

    private static final GeometryFactory F = new GeometryFactory();
    private static List<Geometry> cells;
    private static GridLocator locator;

    @BeforeAll
    static void coverage() throws Exception {
        // an L-shaped area with a hole, split into 400 cells, dense in one corner (like an urban core)
        Geometry area = new WKTReader(F).read("POLYGON ((0 0, 10 0, 10 4, 4 4, 4 10, 0 10, 0 0), (1 1, 2 1, 2 2, 1 2, 1 1))");
        SplittableRandom random = new SplittableRandom(7);
        List<Coordinate> seeds = new ArrayList<>();
        while (seeds.size() < 400) {
            double x = random.nextDouble() * 10;
            double y = random.nextDouble() * 10;
            if (random.nextDouble() < 0.6) {
                x *= 0.3;
                y *= 0.3;
            }
            Coordinate c = new Coordinate(x, y);
            if (area.contains(F.createPoint(c)) && !seeds.contains(c)) {
                seeds.add(c);
            }
        }
        cells = CoverageSplitter.split(area, seeds, F);
        locator = GridLocator.build(cells);
    }

    static int bruteForce(double x, double y) {
        Coordinate p = new Coordinate(x, y);
        for (int i = 0; i < cells.size(); i++) {
            if (SimplePointInAreaLocator.locate(p, cells.get(i)) != Location.EXTERIOR) {
                return i;
            }
        }
        return GridLocator.NOT_FOUND;
    }

    @Test
    void agreesWithBruteForceOnRandomPoints() {
        SplittableRandom random = new SplittableRandom(11);
        int found = 0;
        for (int i = 0; i < 20_000; i++) {
            double x = -1 + random.nextDouble() * 12;
            double y = -1 + random.nextDouble() * 12;
            int expected = bruteForce(x, y);
            assertThat(locator.locate(x, y)).as("point %s %s", x, y).isEqualTo(expected);
            if (expected >= 0) {
                found++;
            }
        }
        assertThat(found).as("the area covers 63 of the 144 square units sampled").isBetween(8_000, 9_500);
    }

    @Test
    void agreesOnVerticesAndEdgePointsOfSharedBorders() {
        int checked = 0;
        for (Geometry cell : cells) {
            Coordinate[] ring = cell.getCoordinates();
            for (int i = 1; i < ring.length; i++) {
                double mx = (ring[i - 1].x + ring[i].x) / 2;
                double my = (ring[i - 1].y + ring[i].y) / 2;
                assertThat(locator.locate(ring[i].x, ring[i].y)).isEqualTo(bruteForce(ring[i].x, ring[i].y));
                assertThat(locator.locate(mx, my)).isEqualTo(bruteForce(mx, my));
                checked += 2;
            }
        }
        assertThat(checked).isGreaterThan(4000);
    }

    @Test
    void aVertexSharedByCellsBelongsToTheLowestIndex() {
        Coordinate shared = cells.get(5).getCoordinates()[0];
        int owner = locator.locate(shared.x, shared.y);
        assertThat(owner).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(5);
        assertThat(SimplePointInAreaLocator.locate(shared, cells.get(owner))).isEqualTo(Location.BOUNDARY);
    }

    @Test
    void holesOutsideAndNonFiniteInputAreNotFound() {
        assertThat(locator.locate(1.5, 1.5)).as("inside the hole").isEqualTo(GridLocator.NOT_FOUND);
        assertThat(locator.locate(7, 7)).as("in the notch of the L").isEqualTo(GridLocator.NOT_FOUND);
        assertThat(locator.locate(-5, 3)).isEqualTo(GridLocator.NOT_FOUND);
        assertThat(locator.locate(Double.NaN, 3)).isEqualTo(GridLocator.NOT_FOUND);
        assertThat(locator.locate(3, Double.POSITIVE_INFINITY)).isEqualTo(GridLocator.NOT_FOUND);
        assertThat(locator.locate(1, 1)).as("the hole's corner is on the boundary, so covered").isGreaterThanOrEqualTo(0);
    }

    @Test
    void theCellsTileTheAreaExactly() {
        double sum = cells.stream().mapToDouble(Geometry::getArea).sum();
        assertThat(sum).isCloseTo(100 - 36 - 1, org.assertj.core.data.Offset.offset(1e-9));
        Envelope probe = new Envelope(0, 4, 0, 4);
        assertThat(cells.stream().filter(c -> c.getEnvelopeInternal().intersects(probe)).count()).isGreaterThan(100);
    }
}
