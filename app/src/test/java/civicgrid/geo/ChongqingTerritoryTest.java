package civicgrid.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import civicgrid.geo.domain.GridLocator;
import civicgrid.geo.domain.TerritoryModel;
import civicgrid.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.springframework.beans.factory.annotation.Autowired;

/** The real Chongqing territory as imported into PostgreSQL and loaded back at start. */
class ChongqingTerritoryTest extends IntegrationTest {

    @Autowired
    GeoApi geo;

    @Test
    void everyRealUnitIsImported() {
        assertThat(geo.count(TerritoryLevel.DISTRICT)).isEqualTo(38);
        assertThat(geo.count(TerritoryLevel.STREET)).isEqualTo(1031);
        assertThat(geo.count(TerritoryLevel.COMMUNITY)).isEqualTo(11270);
        assertThat(geo.count(TerritoryLevel.GRID)).isBetween(60_000L, 70_000L);
        assertThat(geo.count(TerritoryLevel.MICRO_GRID)).as("micro-grids in the demo streets").isGreaterThan(100);
        assertThat(geo.roadSegmentCount()).isGreaterThan(1031);
        assertThat(geo.requireUnit(UnitCode.of("500104001")).name()).isEqualTo("新山村街道");
        assertThat(geo.requireUnit(UnitCode.of("500106004")).name()).isEqualTo("磁器口街道");
    }

    @Test
    void villagesAreNamedWithOneCunAsStoredAndLoaded() {
        assertThat(geo.requireUnit(UnitCode.of("500101017200")).name()).isEqualTo("太白村");
        assertThat(geo.requireUnit(UnitCode.of("500101017200001")).name()).isEqualTo("太白村第1网格");
        assertThat(geo.requireUnit(UnitCode.of("500156107204")).name()).as("简村村村民委员会").isEqualTo("简村村");
        assertThat(geo.search("村村", TerritoryLevel.COMMUNITY, code -> true, 100)).extracting(TerritoryUnit::name)
                .allSatisfy(name -> assertThat(name).isIn("简村村", "中村村", "双村村"));
    }

    @Test
    void everyCommunityHasGridsAndEveryStreetHasCommunitiesOrIsEmptyInTheSource() {
        TerritoryModel model = geo.model();
        int communities = 0;
        for (TerritoryModel.Node district : model.city().children()) {
            for (TerritoryModel.Node street : district.children()) {
                for (TerritoryModel.Node community : street.children()) {
                    communities++;
                    assertThat(community.children()).as("grids of %s", community.code()).isNotEmpty();
                    assertThat(community.children()).allSatisfy(g -> assertThat(g.code()).startsWith(community.code()).hasSize(15));
                }
            }
        }
        assertThat(communities).isEqualTo(11270);
    }

    @Test
    void urbanGridsAreSmallerThanRuralOnes() {
        double yuzhong = meanChildArea("500103", TerritoryLevel.GRID);
        double chengkou = meanChildArea("500229", TerritoryLevel.GRID);
        assertThat(yuzhong * 20).as("渝中区 grids vs 城口县 grids").isLessThan(chengkou);
    }

    private double meanChildArea(String district, TerritoryLevel level) {
        List<TerritoryModel.Node> found = new ArrayList<>();
        collect(geo.model().node(district).orElseThrow(), level, found);
        return found.stream().mapToDouble(TerritoryModel.Node::areaKm2).average().orElseThrow();
    }

    private static void collect(TerritoryModel.Node node, TerritoryLevel level, List<TerritoryModel.Node> into) {
        if (node.level() == level) {
            into.add(node);
            return;
        }
        node.children().forEach(c -> collect(c, level, into));
    }

    @Test
    void unitsNestWithoutGapsOrOverlapsOnASample() {
        SplittableRandom random = new SplittableRandom(2026);
        List<TerritoryModel.Node> streets = new ArrayList<>();
        collect(geo.model().city(), TerritoryLevel.STREET, streets);
        List<TerritoryModel.Node> sample = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            TerritoryModel.Node street = streets.get(random.nextInt(streets.size()));
            sample.add(street);
            sample.add(street.children().get(random.nextInt(street.children().size())));
        }
        sample.add(geo.model().node("500104").orElseThrow());
        sample.add(geo.model().node("500104001001001").orElseThrow());
        GeometryFactory factory = new GeometryFactory();
        for (TerritoryModel.Node parent : sample) {
            List<Geometry> children = parent.children().stream().map(TerritoryModel.Node::geometry).toList();
            double sum = children.stream().mapToDouble(Geometry::getArea).sum();
            double union = factory.buildGeometry(children).union().getArea();
            double area = parent.geometry().getArea();
            assertThat(sum).as("overlap under %s", parent.code()).isCloseTo(union, offset(area * 1e-9));
            assertThat(union).as("gap under %s", parent.code()).isCloseTo(area, offset(area * 1e-9));
        }
    }

    /** Brute force: every grid in code order, envelope first, then the exact JTS point-in-area test. */
    private int bruteForce(double x, double y) {
        TerritoryModel model = geo.model();
        Coordinate p = new Coordinate(x, y);
        for (int i = 0; i < model.gridCount(); i++) {
            Geometry g = model.gridAt(i).geometry();
            if (g.getEnvelopeInternal().covers(x, y) && SimplePointInAreaLocator.locate(p, g) != Location.EXTERIOR) {
                return i;
            }
        }
        return GridLocator.NOT_FOUND;
    }

    @Test
    void locateAgreesWithBruteForceOnRandomBorderAndOutsidePoints() {
        TerritoryModel model = geo.model();
        GridLocator locator = model.gridLocator();
        Envelope city = model.city().geometry().getEnvelopeInternal();
        SplittableRandom random = new SplittableRandom(99);
        int inside = 0;
        int checked = 0;
        for (int i = 0; i < 3000; i++) {
            double x = city.getMinX() - 0.1 + random.nextDouble() * (city.getWidth() + 0.2);
            double y = city.getMinY() - 0.1 + random.nextDouble() * (city.getHeight() + 0.2);
            int expected = bruteForce(x, y);
            assertThat(locator.locate(x, y)).as("random point %s,%s", x, y).isEqualTo(expected);
            inside += expected >= 0 ? 1 : 0;
            checked++;
        }
        assertThat(inside).as("part of the sample is inside, part outside").isBetween(500, 2900);
        // points on shared borders: vertices (shared by 2-3 grids) and edge midpoints of random grids
        for (int i = 0; i < 400; i++) {
            Coordinate[] ring = model.gridAt(random.nextInt(model.gridCount())).geometry().getCoordinates();
            int k = 1 + random.nextInt(ring.length - 1);
            double mx = (ring[k - 1].x + ring[k].x) / 2;
            double my = (ring[k - 1].y + ring[k].y) / 2;
            assertThat(locator.locate(ring[k].x, ring[k].y)).isEqualTo(bruteForce(ring[k].x, ring[k].y));
            assertThat(locator.locate(mx, my)).isEqualTo(bruteForce(mx, my));
            checked += 2;
        }
        // clearly outside: Beijing, the sea, the antimeridian
        assertThat(locator.locate(116.4, 39.9)).isEqualTo(GridLocator.NOT_FOUND);
        assertThat(locator.locate(125, 25)).isEqualTo(GridLocator.NOT_FOUND);
        assertThat(locator.locate(180, 0)).isEqualTo(GridLocator.NOT_FOUND);
        assertThat(checked).isEqualTo(3800);
    }

    @Test
    void locateGivesTheWholeChainAndMicroGridsInDemoStreets() {
        TerritoryModel.Node grid = geo.model().node("500104001001001").orElseThrow();
        var inside = grid.geometry().getInteriorPoint();
        civicgrid.geo.Location location = geo.locate(inside.getX(), inside.getY()).orElseThrow();
        assertThat(location.grid().code()).isEqualTo("500104001001001");
        assertThat(location.community().code()).isEqualTo("500104001001");
        assertThat(location.street()).isEqualTo(new UnitRef("500104001", "新山村街道"));
        assertThat(location.district()).isEqualTo(new UnitRef("500104", "大渡口区"));
        assertThat(location.microGrid()).isNotNull();
        assertThat(location.microGrid().code()).startsWith("500104001001001").hasSize(17);
    }
}
