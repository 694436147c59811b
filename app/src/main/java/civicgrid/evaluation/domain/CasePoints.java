package civicgrid.evaluation.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Many {@link CasePoint}s held column by column in primitive arrays (the category and road segment
 * as indexes into their distinct codes): a district's 90 days can be half a million cases, and as
 * objects (a UUID, an Instant and strings each) reading and walking them cost more than clustering.
 * The grid code is not kept: class discovery does not use it.
 */
public final class CasePoints {

    private int size;
    private long[] idHigh;
    private long[] idLow;
    private int[] category;
    private int[] road;
    private double[] lon;
    private double[] lat;
    private long[] second;
    private int[] nano;
    private final Codes categories;
    private final Codes roads;

    private CasePoints(int capacity, Codes categories, Codes roads) {
        idHigh = new long[capacity];
        idLow = new long[capacity];
        category = new int[capacity];
        road = new int[capacity];
        lon = new double[capacity];
        lat = new double[capacity];
        second = new long[capacity];
        nano = new int[capacity];
        this.categories = categories;
        this.roads = roads;
    }

    public CasePoints() {
        this(1024, new Codes(), new Codes());
    }

    /** The points in the list's order. */
    public static CasePoints of(List<CasePoint> points) {
        CasePoints out = new CasePoints(Math.max(1, points.size()), new Codes(), new Codes());
        for (CasePoint p : points) {
            out.add(p.caseId().getMostSignificantBits(), p.caseId().getLeastSignificantBits(), p.categoryCode(), p.roadSegmentCode(), p.lon(),
                    p.lat(), p.reportedAt().getEpochSecond(), p.reportedAt().getNano());
        }
        return out;
    }

    /** Appends a case: its id's two halves, category, road segment (or null), position and report time. */
    public void add(long caseIdHigh, long caseIdLow, String categoryCode, String roadSegmentCode, double lon, double lat, long epochSecond,
                    int nanos) {
        if (size == idHigh.length) {
            int capacity = size * 2;
            idHigh = Arrays.copyOf(idHigh, capacity);
            idLow = Arrays.copyOf(idLow, capacity);
            category = Arrays.copyOf(category, capacity);
            road = Arrays.copyOf(road, capacity);
            this.lon = Arrays.copyOf(this.lon, capacity);
            this.lat = Arrays.copyOf(this.lat, capacity);
            second = Arrays.copyOf(second, capacity);
            nano = Arrays.copyOf(nano, capacity);
        }
        idHigh[size] = caseIdHigh;
        idLow[size] = caseIdLow;
        category[size] = categories.index(categoryCode);
        road[size] = roadSegmentCode == null ? -1 : roads.index(roadSegmentCode);
        this.lon[size] = lon;
        this.lat[size] = lat;
        second[size] = epochSecond;
        nano[size] = nanos;
        size++;
    }

    public int size() {
        return size;
    }

    public UUID caseId(int i) {
        return new UUID(idHigh[i], idLow[i]);
    }

    public double lon(int i) {
        return lon[i];
    }

    public double lat(int i) {
        return lat[i];
    }

    /** The report time's seconds since the epoch (as {@link Instant#getEpochSecond()}). */
    public long epochSecond(int i) {
        return second[i];
    }

    public String categoryCode(int i) {
        return categories.code(category[i]);
    }

    /** The category's index among {@link #categoryCodes()}. */
    int category(int i) {
        return category[i];
    }

    /** The distinct category codes, by index. */
    List<String> categoryCodes() {
        return categories.codes();
    }

    /** The road segment's index among the distinct road segments, or -1 when the case is on none. */
    int road(int i) {
        return road[i];
    }

    int roadCount() {
        return roads.codes().size();
    }

    /** The latitudes in order, the first {@link #size()} of them meaningful. */
    double[] lats() {
        return lat;
    }

    /**
     * Orders the points by report time, then case id as PostgreSQL orders a uuid (byte by byte,
     * unsigned): {@code order by reported_at, case_id}, cheaper here than in the database, where it
     * costs a scan in time order or a sort of the whole rows.
     */
    public CasePoints inReportOrder() {
        int[] order = new int[size];
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        boolean micros = true;
        for (int i = 0; i < size; i++) {
            order[i] = i;
            start = Math.min(start, second[i]);
            end = Math.max(end, second[i]);
            micros &= nano[i] % 1000 == 0;
        }
        if (size > 1 && micros && end - start < Long.MAX_VALUE / 1_000_000 / size - 1) {
            // one primitive sort of (time in microseconds, position) packed in a long, then ties ordered by id
            long[] keys = new long[size];
            for (int i = 0; i < size; i++) {
                keys[i] = ((second[i] - start) * 1_000_000 + nano[i] / 1000) * size + i;
            }
            Arrays.sort(keys);
            for (int k = 0; k < size; k++) {
                order[k] = (int) (keys[k] % size);
            }
            for (int from = 0, to; from < size; from = to) {
                to = from + 1;
                while (to < size && keys[to] / size == keys[from] / size) {
                    to++;
                }
                if (to - from > 1) {
                    sortByIds(order, from, to);
                }
            }
        } else {
            sortBy(order, 0, size, (a, b) -> second[a] != second[b] ? Long.compare(second[a], second[b])
                    : nano[a] != nano[b] ? Integer.compare(nano[a], nano[b]) : compareIdsAsDatabase(a, b));
        }
        return select(order, size);
    }

    private void sortByIds(int[] order, int from, int to) {
        sortBy(order, from, to, this::compareIdsAsDatabase);
    }

    private int compareIdsAsDatabase(int a, int b) {
        int c = Long.compareUnsigned(idHigh[a], idHigh[b]);
        return c != 0 ? c : Long.compareUnsigned(idLow[a], idLow[b]);
    }

    private static void sortBy(int[] order, int from, int to, java.util.Comparator<Integer> comparator) {
        Integer[] part = new Integer[to - from];
        for (int k = from; k < to; k++) {
            part[k - from] = order[k];
        }
        Arrays.sort(part, comparator);
        for (int k = from; k < to; k++) {
            order[k] = part[k - from];
        }
    }

    /** Report time, then case id in Java's order (signed halves, as {@link UUID#compareTo}): how a class lists its cases. */
    int compareReportThenId(int a, int b) {
        int c = Long.compare(second[a], second[b]);
        if (c == 0) {
            c = Integer.compare(nano[a], nano[b]);
        }
        if (c == 0) {
            c = Long.compare(idHigh[a], idHigh[b]);
        }
        return c != 0 ? c : Long.compare(idLow[a], idLow[b]);
    }

    /** These points but those of the given cases, in the same order. */
    public CasePoints without(Set<UUID> caseIds) {
        return caseIds.isEmpty() ? this : filter(caseIds, false);
    }

    /** Only the points of the given cases, in the same order. */
    public CasePoints only(Set<UUID> caseIds) {
        return filter(caseIds, true);
    }

    private CasePoints filter(Set<UUID> caseIds, boolean keep) {
        int[] kept = new int[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (caseIds.contains(caseId(i)) == keep) {
                kept[n++] = i;
            }
        }
        return n == size ? this : select(kept, n);
    }

    private CasePoints select(int[] order, int n) {
        CasePoints out = new CasePoints(Math.max(1, n), categories, roads);
        for (int k = 0; k < n; k++) {
            int i = order[k];
            out.idHigh[k] = idHigh[i];
            out.idLow[k] = idLow[i];
            out.category[k] = category[i];
            out.road[k] = road[i];
            out.lon[k] = lon[i];
            out.lat[k] = lat[i];
            out.second[k] = second[i];
            out.nano[k] = nano[i];
        }
        out.size = n;
        return out;
    }

    /** Distinct codes and their indexes (shared by the selections of one set of points, which only add none). */
    private static final class Codes {
        private final Map<String, Integer> indexes = new HashMap<>();
        private final java.util.ArrayList<String> codes = new java.util.ArrayList<>();

        int index(String code) {
            Integer known = indexes.get(code);
            if (known != null) {
                return known;
            }
            indexes.put(code, codes.size());
            codes.add(code);
            return codes.size() - 1;
        }

        String code(int index) {
            return codes.get(index);
        }

        List<String> codes() {
            return codes;
        }
    }
}
