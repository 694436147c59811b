package civicgrid.evaluation.domain;

import java.util.Arrays;

/**
 * One category group's cases for the neighbour search of {@link ClassFinder}: the cases of each
 * cell and of each road segment ordered by time in plain arrays, so that a search reads only the
 * cases inside a case's window. Cases are numbered 0 … size − 1 in the members' (time) order.
 *
 * <p>Two cases are neighbours when they were reported within the window of each other and either
 * lie within the radius of each other or on the same road segment. The cores are found in one sweep
 * per cell: its cases in time order move the window's bounds in each of the 3 × 3 cells around
 * forward only, so the count of cases in those windows (with the road segment's, an upper bound of
 * the neighbours) costs O(1) a case; only a case whose bound reaches its threshold is counted
 * exactly, up to the threshold.
 */
final class GroupSpace {

    private final Plane plane;
    private final int[] members;
    private final long window;
    private final double radius2;
    /** Each cell's cases (numbers) are cellCases[cellFrom[c] … cellFrom[c + 1]), their times in cellTimes. */
    private final int[] cellFrom;
    private final int[] cellCases;
    private final long[] cellTimes;
    private final int[] roadFrom;
    private final int[] roadCases;
    private final long[] roadTimes;
    /** Where {@link #neighbours} lists before copying out. */
    private final int[] listed;

    GroupSpace(Plane plane, int[] members, long window, double meters) {
        this.plane = plane;
        this.members = members;
        this.window = window;
        this.radius2 = meters * meters;
        int n = members.length;
        int cells = plane.activity.length;
        cellFrom = new int[cells + 1];
        cellCases = new int[n];
        cellTimes = new long[n];
        int roads = plane.points.roadCount();
        roadFrom = new int[roads + 1];
        int onRoads = 0;
        for (int m : members) {
            cellFrom[plane.cell[m] + 1]++;
            int road = plane.points.road(m);
            if (road >= 0) {
                roadFrom[road + 1]++;
                onRoads++;
            }
        }
        listed = new int[n];
        roadCases = new int[onRoads];
        roadTimes = new long[onRoads];
        for (int c = 0; c < cells; c++) {
            cellFrom[c + 1] += cellFrom[c];
        }
        for (int r = 0; r < roads; r++) {
            roadFrom[r + 1] += roadFrom[r];
        }
        // members are in time order: a stable fill keeps each cell's and road's cases in time order
        int[] cellFill = Arrays.copyOf(cellFrom, cells);
        int[] roadFill = Arrays.copyOf(roadFrom, roads);
        for (int i = 0; i < n; i++) {
            int m = members[i];
            int at = cellFill[plane.cell[m]]++;
            cellCases[at] = i;
            cellTimes[at] = plane.t[m];
            int road = plane.points.road(m);
            if (road >= 0) {
                int r = roadFill[road]++;
                roadCases[r] = i;
                roadTimes[r] = plane.t[m];
            }
        }
    }

    int size() {
        return members.length;
    }

    long time(int i) {
        return plane.t[members[i]];
    }

    /** The other groups' cases of case i's 3 × 3 cells over the whole period: the place's activity. */
    int othersAround(int i) {
        int c = plane.cell[members[i]];
        int count = 0;
        for (int k = 0; k < 9; k++) {
            int d = plane.block[9 * c + k];
            if (d >= 0) {
                count += plane.activity[d] - (cellFrom[d + 1] - cellFrom[d]);
            }
        }
        return count;
    }

    /** Which cases have at least threshold[i] neighbours, themselves included. */
    boolean[] cores(int[] threshold) {
        int n = members.length;
        boolean[] core = new boolean[n];
        int[] roadLo = new int[n];
        int[] roadHi = new int[n];
        for (int r = 0; r + 1 < roadFrom.length; r++) {
            int lo = roadFrom[r];
            int hi = lo;
            for (int e = roadFrom[r]; e < roadFrom[r + 1]; e++) {
                long t = roadTimes[e];
                while (roadTimes[lo] < t - window) {
                    lo++;
                }
                while (hi < roadFrom[r + 1] && roadTimes[hi] <= t + window) {
                    hi++;
                }
                roadLo[roadCases[e]] = lo;
                roadHi[roadCases[e]] = hi;
            }
        }
        int[] lo = new int[9];
        int[] hi = new int[9];
        int[] end = new int[9];
        for (int c = 0; c + 1 < cellFrom.length; c++) {
            if (cellFrom[c] == cellFrom[c + 1]) {
                continue;
            }
            for (int k = 0; k < 9; k++) {
                int d = plane.block[9 * c + k];
                lo[k] = d < 0 ? 0 : cellFrom[d];
                hi[k] = lo[k];
                end[k] = d < 0 ? 0 : cellFrom[d + 1];
            }
            for (int e = cellFrom[c]; e < cellFrom[c + 1]; e++) {
                int i = cellCases[e];
                long t = cellTimes[e];
                int atMost = roadHi[i] - roadLo[i];
                for (int k = 0; k < 9; k++) {
                    while (lo[k] < end[k] && cellTimes[lo[k]] < t - window) {
                        lo[k]++;
                    }
                    while (hi[k] < end[k] && cellTimes[hi[k]] <= t + window) {
                        hi[k]++;
                    }
                    atMost += hi[k] - lo[k];
                }
                core[i] = atMost >= threshold[i] && visit(i, lo, hi, roadLo[i], roadHi[i], threshold[i], atMost - threshold[i], null) >= threshold[i];
            }
        }
        return core;
    }

    /** The cases near case i in place and time (within the window and the radius, or on its road segment), itself included. */
    int[] neighbours(int i) {
        int c = plane.cell[members[i]];
        long t = time(i);
        int[] lo = new int[9];
        int[] hi = new int[9];
        for (int k = 0; k < 9; k++) {
            int d = plane.block[9 * c + k];
            if (d >= 0) {
                lo[k] = firstFrom(cellTimes, cellFrom[d], cellFrom[d + 1], t - window);
                hi[k] = firstFrom(cellTimes, cellFrom[d], cellFrom[d + 1], t + window + 1);
            }
        }
        int road = plane.points.road(members[i]);
        int roadLo = road < 0 ? 0 : firstFrom(roadTimes, roadFrom[road], roadFrom[road + 1], t - window);
        int roadHi = road < 0 ? 0 : firstFrom(roadTimes, roadFrom[road], roadFrom[road + 1], t + window + 1);
        int size = visit(i, lo, hi, roadLo, roadHi, Integer.MAX_VALUE, Integer.MAX_VALUE, listed);
        return Arrays.copyOf(listed, size);
    }

    /**
     * Counts case i's neighbours, up to limit, among the cases of its 3 × 3 cells in the windows
     * [lo[k], hi[k]) and of its road segment in [roadLo, roadHi); lists them in out if given. A case
     * on the road segment that is also within the radius is counted once. Once more than
     * {@code misses} of the cases read are no neighbours, the limit cannot be reached and the count
     * stops short (with the windows' cases as an upper bound and a limit close to it, as most cases
     * of a background have, that is after a few cases).
     */
    private int visit(int i, int[] lo, int[] hi, int roadLo, int roadHi, int limit, int misses, int[] out) {
        int m = members[i];
        double x = plane.x[m];
        double y = plane.y[m];
        Tally tally = new Tally(limit, misses, out);
        for (int k : CORNERS_FIRST) {
            for (int e = lo[k]; e < hi[k]; e++) {
                int j = cellCases[e];
                if (tally.settled(j, withinRadius(x, y, members[j]))) {
                    return tally.count;
                }
            }
        }
        int block = 9 * plane.cell[m];
        for (int e = roadLo; e < roadHi; e++) {
            int j = roadCases[e];
            if (tally.settled(j, !inBlock(block, plane.cell[members[j]]) || !withinRadius(x, y, members[j]))) {
                return tally.count;
            }
        }
        return tally.count;
    }

    /** A count of neighbours under way: it stops at the limit, or once the misses rule the limit out. */
    private static final class Tally {
        private final int limit;
        private final int misses;
        private final int[] out;
        int count;
        private int missed;

        Tally(int limit, int misses, int[] out) {
            this.limit = limit;
            this.misses = misses;
            this.out = out;
        }

        /** Takes case j, a neighbour or not (listing it in out if given); answers whether the count is settled. */
        boolean settled(int j, boolean neighbour) {
            if (!neighbour) {
                return ++missed > misses;
            }
            if (out != null) {
                out[count] = j;
            }
            return ++count >= limit;
        }
    }

    /** The 3 × 3 cells (numbered row by row) with the fewest neighbours first: a count that falls short is known soonest. */
    private static final int[] CORNERS_FIRST = {0, 2, 6, 8, 1, 3, 5, 7, 4};

    private boolean withinRadius(double x, double y, int m) {
        double ddx = plane.x[m] - x;
        double ddy = plane.y[m] - y;
        return ddx * ddx + ddy * ddy <= radius2;
    }

    private boolean inBlock(int block, int cell) {
        for (int k = 0; k < 9; k++) {
            if (plane.block[block + k] == cell) {
                return true;
            }
        }
        return false;
    }

    /** The first position in times[from, to) (ordered) at or after value. */
    private static int firstFrom(long[] times, int from, int to, long value) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
