package civicgrid.evaluation.domain;

import civicgrid.geo.Distances;
import java.time.Duration;
import java.util.ArrayDeque;
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
        int n = members.size();
        double lat0 = members.stream().mapToDouble(CasePoint::lat).average().orElse(0);
        double kx = Math.cos(Math.toRadians(lat0)) * METERS_PER_DEGREE;
        Map<Long, List<Integer>> cells = new HashMap<>();
        Map<String, List<Integer>> roads = new HashMap<>();
        long[] cx = new long[n];
        long[] cy = new long[n];
        for (int i = 0; i < n; i++) {
            CasePoint p = members.get(i);
            cx[i] = (long) Math.floor(p.lon() * kx / settings.meters());
            cy[i] = (long) Math.floor(p.lat() * METERS_PER_DEGREE / settings.meters());
            cells.computeIfAbsent(cell(cx[i], cy[i]), k -> new ArrayList<>()).add(i);
            if (p.roadSegmentCode() != null) {
                roads.computeIfAbsent(p.roadSegmentCode(), k -> new ArrayList<>()).add(i);
            }
        }
        int[] label = new int[n];
        final int unseen = 0;
        final int noise = -1;
        int clusters = 0;
        for (int i = 0; i < n; i++) {
            if (label[i] != unseen) {
                continue;
            }
            List<Integer> near = neighbours(i, members, cells, roads, cx, cy);
            if (near.size() < settings.minPoints()) {
                label[i] = noise;
                continue;
            }
            int id = ++clusters;
            label[i] = id;
            Deque<Integer> queue = new ArrayDeque<>(near);
            while (!queue.isEmpty()) {
                int j = queue.poll();
                if (label[j] == noise) {
                    label[j] = id;
                }
                if (label[j] != unseen) {
                    continue;
                }
                label[j] = id;
                List<Integer> further = neighbours(j, members, cells, roads, cx, cy);
                if (further.size() >= settings.minPoints()) {
                    queue.addAll(further);
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

    /** The cases near case i in place and time, itself included. */
    private List<Integer> neighbours(int i, List<CasePoint> members, Map<Long, List<Integer>> cells, Map<String, List<Integer>> roads,
                                     long[] cx, long[] cy) {
        CasePoint p = members.get(i);
        java.util.Set<Integer> out = new java.util.LinkedHashSet<>();
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                for (int j : cells.getOrDefault(cell(cx[i] + dx, cy[i] + dy), List.of())) {
                    CasePoint q = members.get(j);
                    if (closeInTime(p, q) && Distances.meters(p.lon(), p.lat(), q.lon(), q.lat()) <= settings.meters()) {
                        out.add(j);
                    }
                }
            }
        }
        if (p.roadSegmentCode() != null) {
            for (int j : roads.get(p.roadSegmentCode())) {
                if (closeInTime(p, members.get(j))) {
                    out.add(j);
                }
            }
        }
        return new ArrayList<>(out);
    }

    private boolean closeInTime(CasePoint p, CasePoint q) {
        return Duration.between(p.reportedAt(), q.reportedAt()).abs().compareTo(settings.window()) <= 0;
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
