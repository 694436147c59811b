package civicgrid.sensing.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Timers in buckets keyed by due time (one bucket per {@code resolution}): arming one is O(log buckets),
 * firing touches only the entries of the buckets that came due, never every device. Entries are
 * packed {@code long}s (device slot and timer number) and carry no due time of their own: the device
 * keeps the true due time, so moving a deadline later (the door opened again) costs nothing here; the
 * old entry is re-filed when it comes up early.
 */
final class DeadlineWheel {

    private final long resolution;
    private final TreeMap<Long, LongList> buckets = new TreeMap<>();
    private long size;

    DeadlineWheel(long resolutionMillis) {
        if (resolutionMillis <= 0) {
            throw new IllegalArgumentException("resolution must be positive");
        }
        this.resolution = resolutionMillis;
    }

    static long pack(int slot, int timer) {
        return ((long) slot << 8) | timer;
    }

    static int slot(long entry) {
        return (int) (entry >>> 8);
    }

    static int timer(long entry) {
        return (int) (entry & 0xFF);
    }

    void file(long entry, long due) {
        buckets.computeIfAbsent(Math.floorDiv(due, resolution), k -> new LongList()).add(entry);
        size++;
    }

    /** Takes out every entry of the buckets that begin at or before {@code now}. */
    LongList takeDue(long now) {
        LongList out = new LongList();
        long last = Math.floorDiv(now, resolution);
        while (!buckets.isEmpty() && buckets.firstKey() <= last) {
            Map.Entry<Long, LongList> first = buckets.pollFirstEntry();
            out.addAll(first.getValue());
            size -= first.getValue().size();
        }
        return out;
    }

    /** Start of the earliest bucket, or {@link Long#MAX_VALUE}. */
    long earliest() {
        return buckets.isEmpty() ? Long.MAX_VALUE : buckets.firstKey() * resolution;
    }

    long size() {
        return size;
    }

    /** A growable array of primitive longs. */
    static final class LongList {
        private long[] items = new long[4];
        private int size;

        void add(long v) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size++] = v;
        }

        void addAll(LongList other) {
            for (int i = 0; i < other.size; i++) {
                add(other.items[i]);
            }
        }

        int size() {
            return size;
        }

        long get(int i) {
            return items[i];
        }
    }
}
