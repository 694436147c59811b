package civicgrid.evaluation.domain;

import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A district's cases for class discovery: positions in metres on a local flat projection (as
 * {@code civicgrid.geo.Distances#meters}), report times in seconds, square cells of the search
 * radius numbered densely (a case's neighbours lie in its cell's 3 × 3 block) with the cases of
 * every category in each (the place's activity), and the category groups' cases in report-time order.
 */
final class Plane {

    static final double METERS_PER_DEGREE = 111_320;

    final CasePoints points;
    final double[] x;
    final double[] y;
    final long[] t;
    /** Each case's cell. */
    final int[] cell;
    /** The cases of every category in each cell. */
    final int[] activity;
    /** The 3 × 3 block of each cell: block[9 c + k] is a cell, or -1 where no case lies. */
    final int[] block;
    private final String[] groupOfCategory;
    private final List<int[]> groups;

    Plane(CasePoints points, double kx, double meters) {
        this.points = points;
        int n = points.size();
        x = new double[n];
        y = new double[n];
        t = new long[n];
        cell = new int[n];
        CellNumbers numbers = new CellNumbers(n);
        long[] cellX = new long[Math.max(16, n)];
        long[] cellY = new long[Math.max(16, n)];
        for (int i = 0; i < n; i++) {
            x[i] = points.lon(i) * kx;
            y[i] = points.lat(i) * METERS_PER_DEGREE;
            t[i] = points.epochSecond(i);
            long cx = (long) Math.floor(x[i] / meters);
            long cy = (long) Math.floor(y[i] / meters);
            int known = numbers.size();
            cell[i] = numbers.number(key(cx, cy));
            if (cell[i] == known) {
                cellX[known] = cx;
                cellY[known] = cy;
            }
        }
        activity = new int[numbers.size()];
        for (int i = 0; i < n; i++) {
            activity[cell[i]]++;
        }
        block = new int[9 * numbers.size()];
        for (int c = 0; c < numbers.size(); c++) {
            int k = 0;
            for (long dx = -1; dx <= 1; dx++) {
                for (long dy = -1; dy <= 1; dy++) {
                    block[9 * c + k++] = numbers.find(key(cellX[c] + dx, cellY[c] + dy));
                }
            }
        }
        List<String> categories = points.categoryCodes();
        TreeMap<String, Integer> groupNumbers = new TreeMap<>();
        groupOfCategory = new String[categories.size()];
        for (int c = 0; c < categories.size(); c++) {
            String code = categories.get(c);
            groupOfCategory[c] = code.length() > 3 ? code.substring(0, 3) : code;
            groupNumbers.put(groupOfCategory[c], 0);
        }
        int g = 0;
        for (var e : groupNumbers.entrySet()) {
            e.setValue(g++);
        }
        int[] groupOf = new int[categories.size()];
        for (int c = 0; c < categories.size(); c++) {
            groupOf[c] = groupNumbers.get(groupOfCategory[c]);
        }
        groups = bucket(inTimeOrder(), groupNumbers.size(), i -> groupOf[points.category(i)]);
    }

    int size() {
        return x.length;
    }

    /** Each category group's cases in report-time order, the groups in code order. */
    List<int[]> byGroup() {
        return groups;
    }

    String group(int i) {
        return groupOfCategory[points.category(i)];
    }

    /** The cells' numbering key, as the neighbouring cells' keys are made from a cell's coordinates. */
    private static long key(long cx, long cy) {
        return cx * 4_000_003L + cy;
    }

    /** Every case by report time, then position. */
    private int[] inTimeOrder() {
        int n = size();
        long start = Arrays.stream(t).min().orElse(0);
        long span = Arrays.stream(t).max().orElse(0) - start;
        int[] order = new int[n];
        if (n > 0 && span < Long.MAX_VALUE / n) {
            // one primitive sort of (time, position) packed in a long
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = (t[i] - start) * n + i;
            }
            Arrays.sort(keys);
            for (int k = 0; k < n; k++) {
                order[k] = (int) (keys[k] % n);
            }
            return order;
        }
        return java.util.stream.IntStream.range(0, n).boxed().sorted(java.util.Comparator.comparingLong((Integer i) -> t[i])
                .thenComparingInt(i -> i)).mapToInt(Integer::intValue).toArray();
    }

    /** The items split by bucket (a stable counting sort): each bucket's in the items' order. */
    static List<int[]> bucket(int[] items, int buckets, java.util.function.IntUnaryOperator bucketOf) {
        int[] count = new int[buckets];
        for (int i : items) {
            count[bucketOf.applyAsInt(i)]++;
        }
        int[][] out = new int[buckets][];
        for (int b = 0; b < buckets; b++) {
            out[b] = new int[count[b]];
        }
        int[] filled = new int[buckets];
        for (int i : items) {
            int b = bucketOf.applyAsInt(i);
            out[b][filled[b]++] = i;
        }
        return Arrays.stream(out).filter(b -> b.length > 0).toList();
    }

    /** Cell keys numbered 0, 1, … in order of first sight (open addressing over primitive arrays). */
    private static final class CellNumbers {
        private long[] keys;
        private int[] values;
        private int size;

        CellNumbers(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected / 4)) * 4;
            keys = new long[capacity];
            values = new int[capacity];
            Arrays.fill(values, -1);
        }

        int size() {
            return size;
        }

        /** The key's number, a new one if the key is new. */
        int number(long key) {
            int slot = slot(key);
            if (values[slot] < 0) {
                keys[slot] = key;
                values[slot] = size++;
                if (size * 2 > keys.length) {
                    grow();
                }
                return size - 1;
            }
            return values[slot];
        }

        /** The key's number, or -1. */
        int find(long key) {
            return values[slot(key)];
        }

        private int slot(long key) {
            int mask = keys.length - 1;
            int slot = (int) (mixed(key) & mask);
            while (values[slot] >= 0 && keys[slot] != key) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        private static long mixed(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return h ^ (h >>> 32);
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(values, -1);
            for (int s = 0; s < oldKeys.length; s++) {
                if (oldValues[s] >= 0) {
                    int slot = slot(oldKeys[s]);
                    keys[slot] = oldKeys[s];
                    values[slot] = oldValues[s];
                }
            }
        }
    }
}
