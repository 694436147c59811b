package civicgrid.evaluation.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

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
 * lie in its 3 × 3 cells' window (and its road segment's). Sweeping each cell's cases in time order
 * counts those windows, an upper bound of a case's neighbours, in O(1) a case; only a case whose
 * bound reaches its threshold is counted exactly (up to the threshold), and only cores list their
 * neighbours to grow a hotspot, so a dense background costs O(n log n) (one sort by time), not
 * O(neighbour pairs). The cases are held in primitive arrays ({@link CasePoints}, {@link Plane},
 * {@link GroupSpace}): as objects, boxed keys and hash maps they cost more than the counting.
 */
public final class ClassFinder {

    /** The method's parameters (documented in docs/architecture.md). */
    public record Settings(double meters, Duration window, int minPoints, int minCases, double excess) {
        public static final Settings DEFAULT = new Settings(300, Duration.ofDays(30), 3, 6, 3.0);
    }

    /** A class found: its group, its most frequent category, its cases and the number of hotspots they form. */
    public record Found(String categoryGroup, String categoryCode, List<UUID> caseIds, int hotspots) {
    }

    private static final double METERS_PER_DEGREE = Plane.METERS_PER_DEGREE;

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
        return find(CasePoints.of(points), districtSquareMeters);
    }

    /**
     * As {@link #find(List, double)}. The points' order matters only to the mean latitude the flat
     * projection is taken at (a floating sum): give them in one fixed order, as report time and id.
     */
    public List<Found> find(CasePoints points, double districtSquareMeters) {
        int n = points.size();
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            start = Math.min(start, points.epochSecond(i));
            end = Math.max(end, points.epochSecond(i));
        }
        if (n == 0) {
            return List.of();
        }
        double lat0 = Arrays.stream(points.lats(), 0, n).average().orElse(0);
        double kx = Math.cos(Math.toRadians(lat0)) * METERS_PER_DEGREE;
        Plane plane = new Plane(points, kx, settings.meters());
        Background background = new Background(districtSquareMeters, start, end, n);
        List<Found> out = new ArrayList<>();
        for (int[] members : plane.byGroup()) {
            Hotspots hotspots = hotspots(plane, members, background);
            if (hotspots.clustered().length >= settings.minCases()) {
                out.add(new Found(plane.group(members[0]), mostFrequentCategory(points, hotspots.clustered()),
                        caseIdsInReportOrder(points, hotspots.clustered()), hotspots.count()));
            }
        }
        return out;
    }

    /** Where and when the district's cases could have been reported: what a group's even spread is measured against. */
    private record Background(double squareMeters, long start, long end, int cases) {
    }

    /** Below this many other cases around a place, its mix of categories says too little to be a background. */
    static final int LOCAL_ACTIVITY_MIN = 50;

    /** A group's hotspots: how many, and their cases (cores and the border they reach), as positions in the points. */
    private record Hotspots(int count, int[] clustered) {
    }

    /**
     * DBSCAN of one group's cases (positions in the points, in their order). Hotspots are the
     * connected cores (the neighbour relation is symmetric) with the others they reach, so their
     * number and cases do not depend on the order the cores are visited in.
     */
    private Hotspots hotspots(Plane plane, int[] members, Background background) {
        GroupSpace space = new GroupSpace(plane, members, settings.window().getSeconds(), settings.meters());
        int n = members.length;
        boolean[] core = cores(space, background);
        int[] label = new int[n];
        int clusters = 0;
        int clustered = 0;
        int[] queue = new int[n];
        for (int i = 0; i < n; i++) {
            if (label[i] != 0 || !core[i]) {
                continue;
            }
            int id = ++clusters;
            label[i] = id;
            clustered++;
            int head = 0;
            int tail = 0;
            queue[tail++] = i;
            while (head < tail) {
                int j = queue[head++];
                // only cores grow a hotspot; the others they reach are its border
                for (int k : space.neighbours(j)) {
                    if (label[k] == 0) {
                        label[k] = id;
                        clustered++;
                        if (core[k]) {
                            queue[tail++] = k;
                        }
                    }
                }
            }
        }
        int[] cases = new int[clustered];
        int c = 0;
        for (int i = 0; i < n; i++) {
            if (label[i] > 0) {
                cases[c++] = members[i];
            }
        }
        return new Hotspots(clusters, cases);
    }

    /**
     * Which cases are cores: enough neighbours, and more than {@code excess} times the group's
     * background would give there. The background is the larger of two expectations: the group's
     * cases spread evenly over the district's area and time; and, where other categories' cases
     * around the place are many ({@link #LOCAL_ACTIVITY_MIN}), the group's share of the district's
     * cases applied to that local activity (busy quarters report more of everything: that is no class).
     */
    private boolean[] cores(GroupSpace space, Background background) {
        int n = space.size();
        double disc = Math.PI * settings.meters() * settings.meters();
        long span = Math.max(1, background.end() - background.start());
        double perCaseAndSecond = Double.isInfinite(background.squareMeters()) ? 0 : n * disc / background.squareMeters() / span;
        int others = background.cases() - n;
        double share = others == 0 ? 0 : (double) n / others;
        // the disc's part of the 3 × 3 cells the local activity is counted over
        double discOfBlock = Math.PI / 9;
        long window = settings.window().getSeconds();
        int[] threshold = new int[n];
        for (int i = 0; i < n; i++) {
            long t = space.time(i);
            long seconds = Math.max(1, Math.min(t + window, background.end()) - Math.max(t - window, background.start()));
            double expected = perCaseAndSecond * seconds;
            int around = space.othersAround(i);
            if (around >= LOCAL_ACTIVITY_MIN) {
                expected = Math.max(expected, share * around * discOfBlock * seconds / span);
            }
            threshold[i] = (int) Math.max(settings.minPoints(), Math.floor(settings.excess() * expected) + 1);
        }
        return space.cores(threshold);
    }

    private static List<UUID> caseIdsInReportOrder(CasePoints points, int[] cases) {
        Integer[] order = new Integer[cases.length];
        for (int k = 0; k < cases.length; k++) {
            order[k] = cases[k];
        }
        Arrays.sort(order, points::compareReportThenId);
        List<UUID> out = new ArrayList<>(order.length);
        for (int i : order) {
            out.add(points.caseId(i));
        }
        return List.copyOf(out);
    }

    /** The commonest category of the cases; of equally common ones the first in code order. */
    private static String mostFrequentCategory(CasePoints points, int[] cases) {
        Map<String, Long> counts = new TreeMap<>();
        for (int i : cases) {
            counts.merge(points.categoryCode(i), 1L, Long::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
    }
}
