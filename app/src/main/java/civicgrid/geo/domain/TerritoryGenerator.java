package civicgrid.geo.domain;

import civicgrid.geo.TerritoryLevel;
import civicgrid.geo.UnitCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.locationtech.jts.coverage.CoverageUnion;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Generates the nested territory deterministically from the real district outlines and the real
 * lists of streets and communities. Per district: grid seeds are sampled inside the outline, denser
 * towards its core; ordered along a Hilbert curve and cut into consecutive runs, they give each
 * street its communities and each community its grids; the grid cells are the seeds' Voronoi cells
 * clipped to the outline ({@link CoverageSplitter}), and communities, streets and the district are
 * exact unions of their grids. So every level tiles its parent with no gap and no overlap, and
 * small urban districts get small grids while rural counties get large ones.
 */
public final class TerritoryGenerator {

    /** Metres per degree of latitude; longitude degrees shrink with cos(latitude). */
    static final double METERS_PER_DEGREE = 111_320;
    private static final String[] ROAD_SUFFIXES = {"大道", "路", "街", "一路", "二路"};
    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐冉谭";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国兴川渝";

    private final GeometryFactory factory;
    private final Set<String> microGridStreets;

    public TerritoryGenerator(GeometryFactory factory, Set<String> microGridStreets) {
        this.factory = factory;
        this.microGridStreets = microGridStreets;
    }

    public GeneratedTerritory generate(TerritorySpec spec) {
        List<TerritorySpec.District> districts = new ArrayList<>(spec.districts());
        districts.sort(Comparator.comparing(TerritorySpec.District::code));
        List<Geometry> outlines = disjointOutlines(districts);
        List<List<GeneratedTerritory.Unit>> unitsPerDistrict = new ArrayList<>();
        List<List<GeneratedTerritory.RoadSegment>> roadsPerDistrict = new ArrayList<>();
        for (int i = 0; i < districts.size(); i++) {
            unitsPerDistrict.add(null);
            roadsPerDistrict.add(null);
        }
        java.util.stream.IntStream.range(0, districts.size()).parallel().forEach(i -> {
            List<GeneratedTerritory.Unit> units = new ArrayList<>();
            List<GeneratedTerritory.RoadSegment> roads = new ArrayList<>();
            generateDistrict(districts.get(i), outlines.get(i), units, roads);
            unitsPerDistrict.set(i, units);
            roadsPerDistrict.set(i, roads);
        });
        List<GeneratedTerritory.Unit> units = new ArrayList<>();
        Geometry city = CoverageUnion.union(unitsPerDistrict.stream().flatMap(List::stream)
                .filter(u -> u.level() == TerritoryLevel.DISTRICT).map(GeneratedTerritory.Unit::geometry)
                .toArray(Geometry[]::new));
        units.add(new GeneratedTerritory.Unit(UnitCode.CITY_CODE, "重庆市", TerritoryLevel.CITY, null, polygonal(city)));
        unitsPerDistrict.forEach(units::addAll);
        units.sort(Comparator.comparing(GeneratedTerritory.Unit::code));
        return new GeneratedTerritory(units, roadsPerDistrict.stream().flatMap(List::stream).toList());
    }

    /** Source outlines may overlap a little along shared borders: earlier codes keep the overlap. */
    private List<Geometry> disjointOutlines(List<TerritorySpec.District> districts) {
        List<Geometry> result = new ArrayList<>();
        for (TerritorySpec.District district : districts) {
            Geometry outline = district.outline().buffer(0);
            for (Geometry earlier : result) {
                if (earlier.getEnvelopeInternal().intersects(outline.getEnvelopeInternal())
                        && earlier.intersects(outline)
                        && OverlayNGRobust.overlay(earlier, outline, OverlayNG.INTERSECTION).getArea() > 0) {
                    outline = polygonal(OverlayNGRobust.overlay(outline, earlier, OverlayNG.DIFFERENCE));
                }
            }
            result.add(polygonal(outline));
        }
        return result;
    }

    private void generateDistrict(TerritorySpec.District district, Geometry outline, List<GeneratedTerritory.Unit> units,
                                  List<GeneratedTerritory.RoadSegment> roads) {
        List<TerritorySpec.Street> streets = district.streets().stream()
                .sorted(Comparator.comparing(TerritorySpec.Street::code)).toList();
        int totalGrids = streets.stream().flatMap(s -> s.communities().stream()).mapToInt(TerritoryGenerator::gridCount).sum();
        SplittableRandom random = new SplittableRandom(seedOf(district.code()));
        List<Coordinate> seeds = sampleSeeds(outline, totalGrids, random);
        HilbertOrder.sort(seeds, outline.getEnvelopeInternal());
        List<Geometry> cells = CoverageSplitter.split(outline, seeds, factory);

        int next = 0;
        List<Geometry> streetGeometries = new ArrayList<>();
        for (TerritorySpec.Street street : streets) {
            List<Geometry> communityGeometries = new ArrayList<>();
            for (TerritorySpec.Community community : street.communities().stream()
                    .sorted(Comparator.comparing(TerritorySpec.Community::code)).toList()) {
                int grids = gridCount(community);
                List<Geometry> gridGeometries = cells.subList(next, next + grids);
                next += grids;
                for (int g = 0; g < grids; g++) {
                    String gridCode = community.code() + String.format("%03d", g + 1);
                    String gridName = community.shortName() + "第" + (g + 1) + "网格";
                    Geometry grid = gridGeometries.get(g);
                    units.add(new GeneratedTerritory.Unit(gridCode, gridName, TerritoryLevel.GRID, community.code(), grid));
                    if (microGridStreets.contains(street.code())) {
                        addMicroGrids(gridCode, gridName, grid, random, units);
                    }
                }
                Geometry communityGeometry = union(gridGeometries);
                communityGeometries.add(communityGeometry);
                units.add(new GeneratedTerritory.Unit(community.code(), community.shortName(), TerritoryLevel.COMMUNITY,
                        street.code(), communityGeometry));
            }
            Geometry streetGeometry = union(communityGeometries);
            streetGeometries.add(streetGeometry);
            units.add(new GeneratedTerritory.Unit(street.code(), street.name(), TerritoryLevel.STREET, district.code(),
                    streetGeometry));
            addRoads(street, streetGeometry, roads);
        }
        units.add(new GeneratedTerritory.Unit(district.code(), district.name(), TerritoryLevel.DISTRICT, UnitCode.CITY_CODE,
                union(streetGeometries)));
    }

    private void addMicroGrids(String gridCode, String gridName, Geometry grid, SplittableRandom random,
                               List<GeneratedTerritory.Unit> units) {
        int count = 4 + (int) (seedOf(gridCode) & 3) % 3;
        List<Coordinate> seeds = sampleSeeds(grid, count, random);
        HilbertOrder.sort(seeds, grid.getEnvelopeInternal());
        List<Geometry> micro = CoverageSplitter.split(grid, seeds, factory);
        for (int m = 0; m < micro.size(); m++) {
            units.add(new GeneratedTerritory.Unit(gridCode + String.format("%02d", m + 1), gridName + "第" + (m + 1) + "微网格",
                    TerritoryLevel.MICRO_GRID, gridCode, micro.get(m)));
        }
    }

    /**
     * Grids per community: urban communities 7-11 (one holds about 8,000 residents in 9 grids),
     * villages 3-6, which gives about 65,000 grids for Chongqing.
     */
    public static int gridCount(TerritorySpec.Community community) {
        long h = seedOf(community.code());
        return community.rural() ? 3 + (int) (h % 4) : 7 + (int) (h % 5);
    }

    /** Seeds inside the area, with density falling off from the area's core (its interior point). */
    private List<Coordinate> sampleSeeds(Geometry area, int count, SplittableRandom random) {
        PreparedGeometry prepared = PreparedGeometryFactory.prepare(area);
        Envelope env = area.getEnvelopeInternal();
        Point core = largestPart(area).getInteriorPoint();
        double sigma = Math.sqrt(area.getArea()) * 0.3;
        Set<Coordinate> seen = new HashSet<>();
        List<Coordinate> seeds = new ArrayList<>(count);
        int attempts = 0;
        while (seeds.size() < count) {
            if (++attempts > count * 10_000) {
                throw new IllegalStateException("cannot place " + count + " seeds in " + env);
            }
            double x = env.getMinX() + random.nextDouble() * env.getWidth();
            double y = env.getMinY() + random.nextDouble() * env.getHeight();
            double d2 = (x - core.getX()) * (x - core.getX()) + (y - core.getY()) * (y - core.getY());
            double weight = 0.2 + Math.exp(-d2 / (2 * sigma * sigma));
            if (random.nextDouble() * 1.2 > weight) {
                continue;
            }
            Coordinate c = new Coordinate(x, y);
            if (prepared.contains(factory.createPoint(c)) && seen.add(c)) {
                seeds.add(c);
            }
        }
        return seeds;
    }

    /** One to three roads crossing the street, each cut into segments of about a kilometre. */
    private void addRoads(TerritorySpec.Street street, Geometry streetGeometry, List<GeneratedTerritory.RoadSegment> roads) {
        SplittableRandom random = new SplittableRandom(seedOf(street.code() + "roads"));
        String stem = street.name().replaceAll("(街道|镇|乡)$", "");
        int roadCount = 1 + random.nextInt(3);
        Envelope env = streetGeometry.getEnvelopeInternal();
        double span = Math.hypot(env.getWidth(), env.getHeight());
        Point through = largestPart(streetGeometry).getInteriorPoint();
        for (int r = 0; r < roadCount; r++) {
            double angle = random.nextDouble() * Math.PI;
            double dx = Math.cos(angle) * span;
            double dy = Math.sin(angle) * span;
            double offset = (random.nextDouble() - 0.5) * span * 0.3;
            Coordinate a = new Coordinate(through.getX() - dx - dy / span * offset, through.getY() - dy + dx / span * offset);
            Coordinate b = new Coordinate(through.getX() + dx - dy / span * offset, through.getY() + dy + dx / span * offset);
            LineString road = longestLine(OverlayNGRobust.overlay(factory.createLineString(new Coordinate[] {a, b}), streetGeometry, OverlayNG.INTERSECTION));
            if (road == null) {
                continue;
            }
            double lengthMeters = road.getLength() * METERS_PER_DEGREE * Math.cos(Math.toRadians(through.getY()));
            int segments = (int) Math.max(1, Math.min(5, Math.round(lengthMeters / 1000)));
            LengthIndexedLine indexed = new LengthIndexedLine(road);
            double step = road.getLength() / segments;
            String roadName = stem + ROAD_SUFFIXES[r % ROAD_SUFFIXES.length];
            for (int s = 0; s < segments; s++) {
                LineString part = (LineString) indexed.extractLine(s * step, (s + 1) * step);
                String code = street.code() + "R" + String.format("%02d%02d", r + 1, s + 1);
                roads.add(new GeneratedTerritory.RoadSegment(code, roadName, s + 1, street.code(), part,
                        personName(random), phone(random)));
            }
        }
    }

    private static LineString longestLine(Geometry g) {
        LineString best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof LineString line && (best == null || line.getLength() > best.getLength())) {
                best = line;
            }
        }
        return best == null || best.getLength() == 0 ? null : (LineString) best.norm();
    }

    private static String personName(SplittableRandom random) {
        return "" + SURNAMES.charAt(random.nextInt(SURNAMES.length())) + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
    }

    private static String phone(SplittableRandom random) {
        return "13" + String.format("%09d", random.nextInt(1_000_000_000));
    }

    private Geometry union(Collection<Geometry> coverage) {
        if (coverage.size() == 1) {
            return coverage.iterator().next();
        }
        return polygonal(CoverageUnion.union(coverage.toArray(Geometry[]::new))).norm();
    }

    private Geometry polygonal(Geometry g) {
        if (g instanceof Polygonal) {
            return g;
        }
        @SuppressWarnings("unchecked")
        List<Polygon> polygons = PolygonExtracter.getPolygons(g);
        return polygons.size() == 1 ? polygons.get(0) : factory.createMultiPolygon(polygons.toArray(Polygon[]::new));
    }

    private static Geometry largestPart(Geometry g) {
        Geometry best = g.getGeometryN(0);
        for (int i = 1; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i).getArea() > best.getArea()) {
                best = g.getGeometryN(i);
            }
        }
        return best;
    }

    /** A stable seed from a code, so that every run generates the same city. */
    static long seedOf(String text) {
        long h = 1125899906842597L;
        for (int i = 0; i < text.length(); i++) {
            h = 31 * h + text.charAt(i);
        }
        return h & Long.MAX_VALUE;
    }
}
