package civicgrid.geo.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import civicgrid.geo.TerritoryLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/** Generation on a small made-up city: nesting, tiling, codes, determinism. */
class TerritoryGeneratorTest {

    private static final GeometryFactory F = new GeometryFactory();
    private static GeneratedTerritory territory;
    private static Map<String, GeneratedTerritory.Unit> byCode;

    static TerritorySpec spec() throws Exception {
        WKTReader wkt = new WKTReader(F);
        List<TerritorySpec.Street> streets = new ArrayList<>();
        for (int s = 1; s <= 3; s++) {
            List<TerritorySpec.Community> communities = new ArrayList<>();
            for (int c = 1; c <= 4; c++) {
                String name = c % 2 == 0 ? "幸福" + s + c + "社区居民委员会" : "田坝" + s + c + "村民委员会";
                communities.add(new TerritorySpec.Community(String.format("500199%03d%03d", s, c), name));
            }
            streets.add(new TerritorySpec.Street(String.format("500199%03d", s), "测试" + s + "街道", communities));
        }
        TerritorySpec.District concave = new TerritorySpec.District("500199", "测试区",
                wkt.read("POLYGON ((106 29, 106.2 29, 106.2 29.05, 106.05 29.05, 106.05 29.15, 106 29.15, 106 29))"), streets);
        TerritorySpec.District neighbour = new TerritorySpec.District("500198", "邻区",
                wkt.read("POLYGON ((106.2 29, 106.3 29, 106.3 29.1, 106.2 29.1, 106.2 29))"),
                List.of(new TerritorySpec.Street("500198001", "邻街道",
                        List.of(new TerritorySpec.Community("500198001001", "邻社区居民委员会")))));
        return new TerritorySpec(List.of(concave, neighbour));
    }

    @BeforeAll
    static void generate() throws Exception {
        territory = new TerritoryGenerator(F, Set.of("500199001")).generate(spec());
        byCode = territory.units().stream().collect(Collectors.toMap(GeneratedTerritory.Unit::code, Function.identity()));
    }

    @Test
    void everyLevelIsThere() throws Exception {
        assertThat(territory.count(TerritoryLevel.CITY)).isEqualTo(1);
        assertThat(territory.count(TerritoryLevel.DISTRICT)).isEqualTo(2);
        assertThat(territory.count(TerritoryLevel.STREET)).isEqualTo(4);
        assertThat(territory.count(TerritoryLevel.COMMUNITY)).isEqualTo(13);
        long expectedGrids = spec().districts().stream().flatMap(d -> d.streets().stream())
                .flatMap(s -> s.communities().stream()).mapToInt(TerritoryGenerator::gridCount).sum();
        assertThat(territory.count(TerritoryLevel.GRID)).isEqualTo(expectedGrids);
        assertThat(territory.count(TerritoryLevel.MICRO_GRID)).isGreaterThanOrEqualTo(4L * 2 * 3);
        assertThat(territory.roadSegments()).isNotEmpty();
    }

    @Test
    void codesFollowTheContract() {
        for (GeneratedTerritory.Unit unit : territory.units()) {
            assertThat(unit.code()).hasSize(unit.level().codeLength()).containsOnlyDigits();
            if (unit.level().ordinal() > TerritoryLevel.DISTRICT.ordinal()) {
                assertThat(unit.code()).startsWith(unit.parentCode());
            }
        }
        assertThat(byCode).containsKeys("500199001001001", "50019900100100101");
        assertThat(byCode.get("500199001001001").name()).isEqualTo("田坝11村第1网格");
        assertThat(byCode.get("500199001002").name()).isEqualTo("幸福12社区");
    }

    @Test
    void childrenTileTheirParentWithoutGapsOrOverlaps() {
        for (GeneratedTerritory.Unit parent : territory.units()) {
            List<Geometry> children = territory.units().stream().filter(u -> parent.code().equals(u.parentCode()))
                    .map(GeneratedTerritory.Unit::geometry).toList();
            if (children.isEmpty()) {
                continue;
            }
            double sum = children.stream().mapToDouble(Geometry::getArea).sum();
            double union = F.buildGeometry(children).union().getArea();
            double tolerance = parent.geometry().getArea() * 1e-9;
            assertThat(sum).as("no overlaps under %s", parent.code()).isCloseTo(union, offset(tolerance));
            assertThat(union).as("no gaps under %s", parent.code()).isCloseTo(parent.geometry().getArea(), offset(tolerance));
            for (Geometry child : children) {
                assertThat(parent.geometry().buffer(1e-9).covers(child)).as("child inside %s", parent.code()).isTrue();
            }
        }
    }

    @Test
    void roadSegmentsLieInTheirStreetAndHaveChiefs() {
        for (GeneratedTerritory.RoadSegment road : territory.roadSegments()) {
            assertThat(byCode.get(road.streetCode()).geometry().buffer(1e-9).covers(road.line())).isTrue();
            assertThat(road.code()).startsWith(road.streetCode() + "R");
            assertThat(road.chiefName()).isNotBlank();
            assertThat(road.chiefPhone()).matches("1\\d{10}");
        }
    }

    @Test
    void generationIsDeterministic() throws Exception {
        GeneratedTerritory again = new TerritoryGenerator(F, Set.of("500199001")).generate(spec());
        WKBWriter wkb = new WKBWriter();
        assertThat(again.units()).hasSameSizeAs(territory.units());
        for (int i = 0; i < again.units().size(); i++) {
            assertThat(again.units().get(i).code()).isEqualTo(territory.units().get(i).code());
            assertThat(wkb.write(again.units().get(i).geometry())).isEqualTo(wkb.write(territory.units().get(i).geometry()));
        }
    }

    @Test
    void gridCountsDependOnCommunityKind() {
        for (int i = 0; i < 200; i++) {
            int urban = TerritoryGenerator.gridCount(new TerritorySpec.Community("5001990010" + String.format("%02d", i % 100), "X社区居民委员会"));
            int rural = TerritoryGenerator.gridCount(new TerritorySpec.Community("5001990010" + String.format("%02d", i % 100), "X村民委员会"));
            assertThat(urban).isBetween(7, 11);
            assertThat(rural).isBetween(3, 6);
        }
    }

    @Test
    void overlappingSourceOutlinesAreMadeDisjoint() throws Exception {
        WKTReader wkt = new WKTReader(F);
        TerritorySpec overlapping = new TerritorySpec(List.of(
                new TerritorySpec.District("500101", "甲", wkt.read("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))"),
                        List.of(new TerritorySpec.Street("500101001", "甲街道", List.of(new TerritorySpec.Community("500101001001", "甲社区居民委员会"))))),
                new TerritorySpec.District("500102", "乙", wkt.read("POLYGON ((1 0, 3 0, 3 2, 1 2, 1 0))"),
                        List.of(new TerritorySpec.Street("500102001", "乙街道", List.of(new TerritorySpec.Community("500102001001", "乙社区居民委员会")))))));
        GeneratedTerritory result = new TerritoryGenerator(F, Set.of()).generate(overlapping);
        Geometry a = result.units().stream().filter(u -> u.code().equals("500101")).findFirst().orElseThrow().geometry();
        Geometry b = result.units().stream().filter(u -> u.code().equals("500102")).findFirst().orElseThrow().geometry();
        assertThat(a.getArea()).isCloseTo(4, offset(1e-9));
        assertThat(b.getArea()).isCloseTo(2, offset(1e-9));
        assertThat(a.intersection(b).getArea()).isZero();
    }
}
