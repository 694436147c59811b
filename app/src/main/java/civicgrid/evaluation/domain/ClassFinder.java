package civicgrid.evaluation.domain;

import civicgrid.geo.Distances;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Class-of-problem discovery: from one thing to one class of things.
 *
 * <p>Method: DBSCAN over the cases of one category group (related categories: the same major
 * class, e.g. every kind of manhole cover), where two cases are neighbours when they were reported
 * within {@code window} of each other and either lie within {@code meters} of each other or on the
 * same road segment. A case is a core when its neighbours (itself included) are at least
 * {@code minPoints} <em>and</em> more than {@code excess} times what the group's background would put
 * there: the group's cases spread evenly over the district's area and the scanned period, counted
 * over the case's disc and window (a Poisson expectation, as a scan statistic's). Cores and the cases
 * they reach form a hotspot; the rest is noise. So the method scales with a district's volume: where
 * every case has many neighbours because reports are many everywhere, no case is a core unless its
 * place holds an excess. A group's hotspots in the district over the scanned period (90 days) make
 * one class when they hold at least {@code minCases} cases together: many reports of the same kind
 * of problem in a few places, as broken resin covers on three roads.
 *
 * <p>Cost: points are bucketed in cells of {@code meters} ordered by time, so a case's neighbours
 * lie in its 3 × 3 cells' window (and its road segment's). Counting those by binary search bounds a
 * case's neighbours from above in O(log n); only a case whose bound reaches its threshold is counted
 * exactly, and only cores list their neighbours to grow a hotspot, so a dense background costs
 * O(n log n), not O(neighbour pairs).
 */
public final class ClassFinder {

    /** The method's parameters (documented in docs/architecture.md). */
    public record Settings(double meters, Duration window, int minPoints, int minCases, double excess) {
        public static final Settings DEFAULT = new Settings(300, Duration.ofDays(30), 3, 6, 3.0);
    }

    /** A class found: its group, its most frequent category, its cases and the number of hotspots they form. */
    public record Found(String categoryGroup, String categoryCode, List<UUID> caseIds, int hotspots) {
    }

    private static final double METERS_PER_DEGREE = 111_320;

    private final Settings settings;

    public ClassFinder(Settings settings) {
        this.settings = settings;
    }

    /** The classes among points with no background known: the fixed thresholds only ({@code minPoints}). */
    public List<Found> find(List<CasePoint> points) {
        return find(points, Double.POSITIVE_INFINITY);
    }

    /**
     * The classes among a district's points, a hotspot having to exceed the group's background over
     * the district's area ({@code districtSquareMeters}) and the points' time span.
     */
    public List<Found> find(List<CasePoint> points, double districtSquareMeters) {
        long start = points.stream().mapToLong(p -> p.reportedAt().getEpochSecond()).min().orElse(0);
        long end = points.stream().mapToLong(p -> p.reportedAt().getEpochSecond()).max().orElse(0);
        double lat0 = points.stream().mapToDouble(CasePoint::lat).average().orElse(0);
        double kx = Math.cos(Math.toRadians(lat0)) * METERS_PER_DEGREE;
        Map<Long, Integer> activity = new HashMap<>();
        for (CasePoint p : points) {
            activity.merge(cellOf(p, kx), 1, Integer::sum);
        }
        Background background = new Background(districtSquareMeters, start, end, kx, activity, points.size());
        Map<String, List<CasePoint>> byGroup = points.stream()
                .collect(Collectors.groupingBy(CasePoint::categoryGroup, TreeMap::new, Collectors.toList()));
        List<Found> out = new ArrayList<>();
        byGroup.forEach((group, members) -> {
            List<List<CasePoint>> hotspots = hotspots(members, background);
            List<CasePoint> clustered = hotspots.stream().flatMap(List::stream).toList();
            if (clustered.size() >= settings.minCases()) {
                out.add(new Found(group, mostFrequentCategory(clustered),
                        clustered.stream().sorted(Comparator.comparing(CasePoint::reportedAt).thenComparing(CasePoint::caseId))
                                .map(CasePoint::caseId).toList(), hotspots.size()));
            }
        });
        return out;
    }

    /** Where and when the district's cases could have been reported: what a group's even spread is measured against. */
    private record Background(double squareMeters, long start, long end, double kx, Map<Long, Integer> activity, int cases) {
    }

    /** Below this many other cases around a place, its mix of categories says too little to be a background. */
    static final int LOCAL_ACTIVITY_MIN = 50;

    private long cellOf(CasePoint p, double kx) {
        return cell((long) Math.floor(p.lon() * kx / settings.meters()), (long) Math.floor(p.lat() * METERS_PER_DEGREE / settings.meters()));
    }

    /** DBSCAN of one group's cases: the hotspots (noise left out). */
    List<List<CasePoint>> hotspots(List<CasePoint> members, Background background) {
        Space space = new Space(members, background.kx());
        int n = members.size();
        boolean[] core = cores(space, n, background);
        int[] label = new int[n];
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            if (label[i] != 0 || !core[i]) {
                continue;
            }
            int id = ++clusters;
            label[i] = id;
            Deque<Integer> queue = new ArrayDeque<>();
            queue.add(i);
            while (!queue.isEmpty()) {
                int j = queue.poll();
                // only cores grow a hotspot; the others they reach are its border
                for (int k : space.neighbours(j)) {
                    if (label[k] == 0) {
                        label[k] = id;
                        if (core[k]) {
                            queue.add(k);
                        }
                    }
                }
            }
        }
        Map<Integer, List<CasePoint>> byCluster = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (label[i] > 0) {
                byCluster.computeIfAbsent(label[i], k -> new ArrayList<>()).add(members.get(i));
            }
        }
        return List.copyOf(byCluster.values());
    }

    /**
     * Which cases are cores: enough neighbours, and more than {@code excess} times the group's
     * background would give there. The background is the larger of two expectations: the group's
     * cases spread evenly over the district's area and time; and, where other categories' cases
     * around the place are many ({@link #LOCAL_ACTIVITY_MIN}), the group's share of the district's
     * cases applied to that local activity (busy quarters report more of everything: that is no class).
     */
    private boolean[] cores(Space space, int n, Background background) {
        double disc = Math.PI * settings.meters() * settings.meters();
        long span = Math.max(1, background.end() - background.start());
        double perCaseAndSecond = Double.isInfinite(background.squareMeters()) ? 0 : n * disc / background.squareMeters() / span;
        int others = background.cases() - n;
        double share = others == 0 ? 0 : (double) n / others;
        // the disc's part of the 3 × 3 cells the local activity is counted over
        double discOfBlock = Math.PI / 9;
        long window = settings.window().getSeconds();
        boolean[] core = new boolean[n];
        for (int i = 0; i < n; i++) {
            long seconds = Math.max(1, Math.min(space.t[i] + window, background.end()) - Math.max(space.t[i] - window, background.start()));
            double expected = perCaseAndSecond * seconds;
            int around = space.othersAround(i, background.activity());
            if (around >= LOCAL_ACTIVITY_MIN) {
                expected = Math.max(expected, share * around * discOfBlock * seconds / span);
            }
            int threshold = (int) Math.max(settings.minPoints(), Math.floor(settings.excess() * expected) + 1);
            core[i] = space.atMost(i) >= threshold && space.neighbours(i).length >= threshold;
        }
        return core;
    }

    /**
     * One group's cases in plain numbers for the neighbour search: positions in metres (a local flat
     * projection, as {@link Distances#meters}), report times in seconds, and the cases of each cell
     * and road segment ordered by time, so that a search reads only the cases inside the window.
     */
    private final class Space {
        private final double[] x;
        private final double[] y;
        final long[] t;
        private final long[] cx;
        private final long[] cy;
        private final String[] road;
        private final Map<Long, int[]> cells = new HashMap<>();
        private final Map<String, int[]> roads = new HashMap<>();
        private final long window = settings.window().getSeconds();
        private final double radius2 = settings.meters() * settings.meters();
        /** Which search last found each case (no case twice in one answer). */
        private final int[] seenBy;
        private int search;

        Space(List<CasePoint> members, double kx) {
            int n = members.size();
            x = new double[n];
            y = new double[n];
            t = new long[n];
            cx = new long[n];
            cy = new long[n];
            road = new String[n];
            seenBy = new int[n];
            Map<Long, List<Integer>> byCell = new HashMap<>();
            Map<String, List<Integer>> byRoad = new HashMap<>();
            for (int i = 0; i < n; i++) {
                CasePoint p = members.get(i);
                x[i] = p.lon() * kx;
                y[i] = p.lat() * METERS_PER_DEGREE;
                t[i] = p.reportedAt().getEpochSecond();
                cx[i] = (long) Math.floor(x[i] / settings.meters());
                cy[i] = (long) Math.floor(y[i] / settings.meters());
                road[i] = p.roadSegmentCode();
                byCell.computeIfAbsent(cell(cx[i], cy[i]), k -> new ArrayList<>()).add(i);
                if (road[i] != null) {
                    byRoad.computeIfAbsent(road[i], k -> new ArrayList<>()).add(i);
                }
            }
            byCell.forEach((k, v) -> cells.put(k, byTime(v)));
            byRoad.forEach((k, v) -> roads.put(k, byTime(v)));
        }

        private int[] byTime(List<Integer> members) {
            return members.stream().sorted(Comparator.comparingLong((Integer i) -> t[i]).thenComparingInt(i -> i)).mapToInt(Integer::intValue)
                    .toArray();
        }

        /** The other groups' cases of case i's 3 × 3 cells over the whole period: the place's activity. */
        int othersAround(int i, Map<Long, Integer> activity) {
            int count = 0;
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    long key = cell(cx[i] + dx, cy[i] + dy);
                    int[] own = cells.get(key);
                    count += activity.getOrDefault(key, 0) - (own == null ? 0 : own.length);
                }
            }
            return count;
        }

        /** An upper bound of case i's neighbours: every case of its 3 × 3 cells and its road segment in the window. */
        int atMost(int i) {
            int count = 0;
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    int[] cell = cells.get(cell(cx[i] + dx, cy[i] + dy));
                    if (cell != null) {
                        count += firstFrom(cell, t[i] + window + 1) - firstFrom(cell, t[i] - window);
                    }
                }
            }
            if (road[i] != null) {
                int[] same = roads.get(road[i]);
                count += firstFrom(same, t[i] + window + 1) - firstFrom(same, t[i] - window);
            }
            return count;
        }

        /** The cases near case i in place and time (within the window and the radius, or on its road segment), itself included. */
        int[] neighbours(int i) {
            search++;
            int[] out = new int[16];
            int size = 0;
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    int[] cell = cells.get(cell(cx[i] + dx, cy[i] + dy));
                    if (cell == null) {
                        continue;
                    }
                    for (int k = firstFrom(cell, t[i] - window); k < cell.length && t[cell[k]] <= t[i] + window; k++) {
                        int j = cell[k];
                        double ddx = x[j] - x[i];
                        double ddy = y[j] - y[i];
                        if (seenBy[j] != search && ddx * ddx + ddy * ddy <= radius2) {
                            seenBy[j] = search;
                            out = size == out.length ? Arrays.copyOf(out, size * 2) : out;
                            out[size++] = j;
                        }
                    }
                }
            }
            if (road[i] != null) {
                int[] same = roads.get(road[i]);
                for (int k = firstFrom(same, t[i] - window); k < same.length && t[same[k]] <= t[i] + window; k++) {
                    int j = same[k];
                    if (seenBy[j] != search) {
                        seenBy[j] = search;
                        out = size == out.length ? Arrays.copyOf(out, size * 2) : out;
                        out[size++] = j;
                    }
                }
            }
            return Arrays.copyOf(out, size);
        }

        /** The first position of a time-ordered list reported at or after {@code from}. */
        private int firstFrom(int[] ordered, long from) {
            int lo = 0;
            int hi = ordered.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (t[ordered[mid]] < from) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private static long cell(long x, long y) {
        return x * 4_000_003L + y;
    }

    private static String mostFrequentCategory(List<CasePoint> points) {
        Map<String, Long> counts = points.stream().collect(Collectors.groupingBy(CasePoint::categoryCode, TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }
}
