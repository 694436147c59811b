package civicgrid.sensing.domain;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The engine's device ids and their slots (0, 1, 2... in order of registration), without a
 * {@code String} or a map entry per device: the ids' UTF-8 bytes one after another in one array, and
 * an open-addressing table of slots keyed by the id's hash. For 2,000,000 ids like
 * {@code dev-1234567}: about 11 bytes of text, 4 of offset and 8 of table a device, against ~56 for a
 * {@code String} and ~40 for a {@code HashMap} entry. An id is a {@code String} again only when an
 * outcome names it.
 */
final class DeviceIds {

    /** slot + 1 per cell, 0 for an empty cell; a power of two, at most half full */
    private int[] table = new int[1024];
    /** the ids' UTF-8 bytes, slot after slot */
    private byte[] text = new byte[16 * 1024];
    /** where slot {@code s} begins in {@link #text}; slot s ends where s + 1 begins */
    private int[] start = new int[1025];
    private int size;

    int size() {
        return size;
    }

    /** The id's slot, or -1. */
    int slotOf(String id) {
        int mask = table.length - 1;
        for (int i = spread(id.hashCode()) & mask; ; i = (i + 1) & mask) {
            int slot = table[i] - 1;
            if (slot < 0) {
                return -1;
            }
            if (matches(slot, id)) {
                return slot;
            }
        }
    }

    /** Adds an id not yet known; answers its slot, the next one. */
    int add(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        int from = start[size];
        if (from + bytes.length > text.length) {
            text = Arrays.copyOf(text, Math.max(from + bytes.length, text.length + (text.length >> 1)));
        }
        System.arraycopy(bytes, 0, text, from, bytes.length);
        if (size + 2 > start.length) {
            start = Arrays.copyOf(start, start.length + (start.length >> 1));
        }
        int slot = size++;
        start[size] = from + bytes.length;
        if (2 * size > table.length) {
            rehash(table.length * 2);
        } else {
            place(slot, id.hashCode());
        }
        return slot;
    }

    String idOf(int slot) {
        return new String(text, start[slot], start[slot + 1] - start[slot], StandardCharsets.UTF_8);
    }

    private boolean matches(int slot, String id) {
        int from = start[slot];
        int length = start[slot + 1] - from;
        if (length != id.length()) {
            return length > id.length() && idOf(slot).equals(id); // only an id beyond ASCII is longer in UTF-8
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            if (c >= 0x80) {
                return idOf(slot).equals(id);
            }
            if (text[from + i] != (byte) c) {
                return false;
            }
        }
        return true;
    }

    private void place(int slot, int hash) {
        int mask = table.length - 1;
        int i = spread(hash) & mask;
        while (table[i] != 0) {
            i = (i + 1) & mask;
        }
        table[i] = slot + 1;
    }

    private void rehash(int capacity) {
        table = new int[capacity];
        for (int s = 0; s < size; s++) {
            place(s, idOf(s).hashCode());
        }
    }

    /** Murmur3's finaliser: the table uses the low bits, which {@code String.hashCode} mixes poorly for ids that share a prefix. */
    private static int spread(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ (h >>> 16);
    }
}
