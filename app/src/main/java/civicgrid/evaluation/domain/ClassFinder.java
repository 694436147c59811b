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
 * same road segment. A case with at least {@code minPoints} neighbours (itself included) is a core;
 * cores and the cases they reach form a hotspot; the rest is noise. A group's hotspots in the
 * district over the scanned period (90 days) make one class when they hold at least
 * {@code minCases} cases together: many reports of the same kind of problem in a few places, as
 * broken resin covers on three roads. Points are bucketed in cells of {@code meters} so that each
 * case is compared with the cases of its 3 × 3 cells (and its road segment) only.
 */
public final class ClassFinder {

    /** The method's parameters (documented in docs/architecture.md). */
    public record Settings(double meters, Duration window, int minPoints, int minCases) {
        public static final Settings DEFAULT = new Settings(300, Duration.ofDays(30), 3, 6);
    }

    /** A class found: its group, its most frequent category, its cases and the number of hotspots they form. */
    public record Found(String categoryGroup, String categoryCode, List<UUID> caseIds, int hotspots) {
    }

    private static final double METERS_PER_DEGREE = 111_320;

    private final Settings settings;

    public ClassFinder(Settings settings) {
        this.settings = settings;
    }

    public List<Found> find(List<CasePoint> points) {
        Map<String, List<CasePoint>> byGroup = points.stream()
                .collect(Collectors.groupingBy(CasePoint::categoryGroup, TreeMap::new, Collectors.toList()));
        List<Found> out = new ArrayList<>();
        byGroup.forEach((group, members) -> {
            List<List<CasePoint>> hotspots = hotspots(members);
            List<CasePoint> clustered = hotspots.stream().flatMap(List::stream).toList();
            if (clustered.size() >= settings.minCases()) {
                out.add(new Found(group, mostFrequentCategory(clustered),
                        clustered.stream().sorted(Comparator.comparing(CasePoint::reportedAt).thenComparing(CasePoint::caseId))
                                .map(CasePoint::caseId).toList(), hotspots.size()));
            }
        });
        return out;
    }

    /** DBSCAN of one group's cases: the hotspots (noise left out). */
    List<List<CasePoint>> hotspots(List<CasePoint> members) {
        Space space = new Space(members);
        int n = members.size();
        int[] label = new int[n];
        final int unseen = 0;
        final int noise = -1;
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            if (label[i] != unseen) {
                continue;
            }
            int[] near = space.neighbours(i);
            if (near.length < settings.minPoints()) {
                label[i] = noise;
                continue;
            }
            int id = ++clusters;
            label[i] = id;
            Deque<Integer> queue = new ArrayDeque<>();
            for (int j : near) {
                queue.add(j);
            }
            while (!queue.isEmpty()) {
                int j = queue.poll();
                if (label[j] == noise) {
                    label[j] = id;
                }
                if (label[j] != unseen) {
                    continue;
                }
                label[j] = id;
                int[] further = space.neighbours(j);
                if (further.length >= settings.minPoints()) {
                    for (int k : further) {
                        // only cases not in a hotspot yet can still grow it
                        if (label[k] <= 0) {
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
     * One group's cases in plain numbers for the neighbour search: positions in metres (a local flat
     * projection, as {@link Distances#meters}), report times in seconds, and the cases of each cell
     * and road segment ordered by time, so that a search reads only the cases inside the window.
     */
    private final class Space {
        private final double[] x;
        private final double[] y;
        private final long[] t;
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

        Space(List<CasePoint> members) {
            int n = members.size();
            double lat0 = members.stream().mapToDouble(CasePoint::lat).average().orElse(0);
            double kx = Math.cos(Math.toRadians(lat0)) * METERS_PER_DEGREE;
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
