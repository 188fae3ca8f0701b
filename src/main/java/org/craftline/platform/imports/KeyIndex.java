package org.craftline.platform.imports;

import java.nio.charset.StandardCharsets;

/**
 * Business keys seen so far in a file, with the row that first had each: a 64-bit hash of the key
 * to a row number in primitive arrays (about 24 bytes a row), so a file of a million rows finds its
 * duplicate keys without holding the keys themselves.
 */
final class KeyIndex {

    private long[] hashes = new long[1 << 12];
    private int[] rows = new int[1 << 12];
    private int size;

    /** Remembers the key's row; returns the earlier row with the same key, or 0. */
    int putIfAbsent(String key, int row) {
        if (size * 2 >= hashes.length) {
            grow();
        }
        long hash = hash(key);
        int slot = find(hash);
        if (rows[slot] != 0) {
            return rows[slot];
        }
        hashes[slot] = hash;
        rows[slot] = row;
        size++;
        return 0;
    }

    /** The row that had the key first, or 0 when no row had it. */
    int rowOf(String key) {
        return rows[find(hash(key))];
    }

    /** The slot holding the hash, or the empty slot where it would go. */
    private int find(long hash) {
        int slot = slot(hash, hashes.length);
        while (rows[slot] != 0 && hashes[slot] != hash) {
            slot = (slot + 1) & (hashes.length - 1);
        }
        return slot;
    }

    private void grow() {
        long[] oldHashes = hashes;
        int[] oldRows = rows;
        hashes = new long[oldHashes.length * 2];
        rows = new int[oldRows.length * 2];
        for (int i = 0; i < oldHashes.length; i++) {
            if (oldRows[i] != 0) {
                int slot = slot(oldHashes[i], hashes.length);
                while (rows[slot] != 0) {
                    slot = (slot + 1) & (hashes.length - 1);
                }
                hashes[slot] = oldHashes[i];
                rows[slot] = oldRows[i];
            }
        }
    }

    private static int slot(long hash, int length) {
        return (int) (hash ^ (hash >>> 32)) & (length - 1);
    }

    /** FNV-1a, 64 bits, over the UTF-8 bytes. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
