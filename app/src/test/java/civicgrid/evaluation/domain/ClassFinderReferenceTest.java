package civicgrid.evaluation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@link ClassFinder}'s cells, sweeps and early stops against the method written out plainly: every
 * pair of a group's cases tested, the background computed case by case, hotspots as connected cores.
 * Random districts with hotspots on a background of every group, road segments, ties on the report
 * time and border cases reached from two hotspots.
 */
class ClassFinderReferenceTest {

    static final Instant T0 = Instant.parse("2026-09-01T02:00:00Z");
    static final String[] CATEGORIES = {"C0101", "C0102", "C0103", "A0101", "A0202", "E01"};

    static List<CasePoint> district(Random random) {
        List<CasePoint> points = new ArrayList<>();
        int n = 600 + random.nextInt(900);
        double side = 1500 + random.nextDouble() * 3000;
        double[][] spots = new double[1 + random.nextInt(6)][];
        for (int s = 0; s < spots.length; s++) {
            spots[s] = new double[] {random.nextDouble() * side, random.nextDouble() * side, random.nextInt(90)};
        }
        for (int i = 0; i < n; i++) {
            double east = random.nextDouble() * side;
            double north = random.nextDouble() * side;
            long second = (long) (random.nextDouble() * Duration.ofDays(90).getSeconds());
            String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
            if (random.nextInt(3) == 0) {
                double[] spot = spots[random.nextInt(spots.length)];
                east = spot[0] + random.nextGaussian() * 150;
                north = spot[1] + random.nextGaussian() * 150;
                second = (long) ((spot[2] + random.nextDouble() * 20) * 86400);
                category = CATEGORIES[random.nextInt(3)];
            }
            if (random.nextInt(10) == 0) {
                second = second / 86400 * 86400;
            }
            String road = random.nextInt(6) == 0 ? "R" + random.nextInt(4) : null;
            points.add(new CasePoint(new UUID(random.nextLong(), random.nextLong()), category, "g", road,
                    106.5 + east / (111_320 * Math.cos(Math.toRadians(29.5))), 29.5 + north / 111_320, T0.plusSeconds(second)));
        }
        return points;
    }

    @Test
    void findsWhatThePlainMethodFinds() {
        int classes = 0;
        int severalHotspots = 0;
        for (int seed = 1; seed <= 30; seed++) {
            Random random = new Random(seed);
            List<CasePoint> points = district(random);
            ClassFinder.Settings settings = seed % 3 == 0 ? ClassFinder.Settings.DEFAULT
                    : new ClassFinder.Settings(150 + random.nextInt(300), Duration.ofDays(3 + random.nextInt(30)), 3, 6, 1 + random.nextDouble() * 2);
            for (double area : new double[] {Double.POSITIVE_INFINITY, 4e6 + random.nextDouble() * 2e7}) {
                List<ClassFinder.Found> expected = reference(points, settings, area);
                assertThat(new ClassFinder(settings).find(points, area)).as("seed %d, area %f", seed, area).isEqualTo(expected);
                classes += expected.size();
                severalHotspots += (int) expected.stream().filter(f -> f.hotspots() > 1).count();
            }
        }
        // the districts are varied enough to test something
        assertThat(classes).isGreaterThan(20);
        assertThat(severalHotspots).isGreaterThan(5);
    }

    /** The method as the class comment states it, pair by pair. */
    static List<ClassFinder.Found> reference(List<CasePoint> points, ClassFinder.Settings settings, double area) {
        double lat0 = points.stream().mapToDouble(CasePoint::lat).average().orElse(0);
        double kx = Math.cos(Math.toRadians(lat0)) * 111_320;
        double m = settings.meters();
        long start = points.stream().mapToLong(p -> p.reportedAt().getEpochSecond()).min().orElse(0);
        long end = points.stream().mapToLong(p -> p.reportedAt().getEpochSecond()).max().orElse(0);
        Map<List<Long>, Integer> activity = new HashMap<>();
        points.forEach(p -> activity.merge(cell(p, kx, m, 0, 0), 1, Integer::sum));
        long window = settings.window().getSeconds();
        List<ClassFinder.Found> out = new ArrayList<>();
        Map<String, List<CasePoint>> groups = points.stream().collect(Collectors.groupingBy(CasePoint::categoryGroup, TreeMap::new, Collectors.toList()));
        groups.forEach((group, members) -> {
            int n = members.size();
            Map<List<Long>, Integer> own = new HashMap<>();
            members.forEach(p -> own.merge(cell(p, kx, m, 0, 0), 1, Integer::sum));
            boolean[][] near = new boolean[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    CasePoint a = members.get(i);
                    CasePoint b = members.get(j);
                    double dx = b.lon() * kx - a.lon() * kx;
                    double dy = b.lat() * 111_320 - a.lat() * 111_320;
                    near[i][j] = Math.abs(a.reportedAt().getEpochSecond() - b.reportedAt().getEpochSecond()) <= window
                            && (dx * dx + dy * dy <= m * m || a.roadSegmentCode() != null && a.roadSegmentCode().equals(b.roadSegmentCode()));
                }
            }
            long span = Math.max(1, end - start);
            double perCaseAndSecond = Double.isInfinite(area) ? 0 : n * Math.PI * m * m / area / span;
            double share = points.size() == n ? 0 : (double) n / (points.size() - n);
            boolean[] core = new boolean[n];
            for (int i = 0; i < n; i++) {
                CasePoint p = members.get(i);
                long t = p.reportedAt().getEpochSecond();
                long seconds = Math.max(1, Math.min(t + window, end) - Math.max(t - window, start));
                double expected = perCaseAndSecond * seconds;
                int around = 0;
                for (int dx = -1; dx <= 1; dx++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        List<Long> c = cell(p, kx, m, dx, dy);
                        around += activity.getOrDefault(c, 0) - own.getOrDefault(c, 0);
                    }
                }
                if (around >= ClassFinder.LOCAL_ACTIVITY_MIN) {
                    expected = Math.max(expected, share * around * (Math.PI / 9) * seconds / span);
                }
                int threshold = (int) Math.max(settings.minPoints(), Math.floor(settings.excess() * expected) + 1);
                int neighbours = 0;
                for (int j = 0; j < n; j++) {
                    neighbours += near[i][j] ? 1 : 0;
                }
                core[i] = neighbours >= threshold;
            }
            // connected cores (union by smallest label until nothing changes), then the border they reach
            int[] component = new int[n];
            for (int i = 0; i < n; i++) {
                component[i] = core[i] ? i : -1;
            }
            for (boolean changed = true; changed; ) {
                changed = false;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        if (core[i] && core[j] && near[i][j] && component[j] < component[i]) {
                            component[i] = component[j];
                            changed = true;
                        }
                    }
                }
            }
            long hotspots = java.util.stream.IntStream.range(0, n).filter(i -> core[i] && component[i] == i).count();
            List<CasePoint> clustered = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                final int k = i;
                if (core[i] || java.util.stream.IntStream.range(0, n).anyMatch(j -> core[j] && near[j][k])) {
                    clustered.add(members.get(i));
                }
            }
            if (clustered.size() >= settings.minCases()) {
                Map<String, Long> counts = clustered.stream().collect(Collectors.groupingBy(CasePoint::categoryCode, TreeMap::new, Collectors.counting()));
                long most = counts.values().stream().mapToLong(Long::longValue).max().orElseThrow();
                String category = counts.entrySet().stream().filter(e -> e.getValue() == most).findFirst().orElseThrow().getKey();
                out.add(new ClassFinder.Found(group, category, clustered.stream()
                        .sorted(Comparator.comparing(CasePoint::reportedAt).thenComparing(CasePoint::caseId)).map(CasePoint::caseId).toList(), (int) hotspots));
            }
        });
        return out;
    }

    static List<Long> cell(CasePoint p, double kx, double meters, int dx, int dy) {
        return List.of((long) Math.floor(p.lon() * kx / meters) + dx, (long) Math.floor(p.lat() * 111_320 / meters) + dy);
    }
}
