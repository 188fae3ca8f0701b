package org.craftline.platform.imports;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which rows of a file were staged and which refused, so that every row is counted once: a row
 * refused after it was staged (the first of a repeated key, a cross-check problem) is taken out of
 * the staging table again before the merge counts what would be created, updated or left unchanged.
 */
final class RowLedger {

    /** Row numbers a delete names at once (well under a driver's parameter limit). */
    static final int CHUNK = 5_000;

    private final KeyIndex keys = new KeyIndex();
    private final BitSet staged = new BitSet();
    private final BitSet rejected = new BitSet();

    /** Remembers the key's row; returns the earlier row with the same key, or 0. */
    int firstRowOf(String key, int row) {
        return keys.putIfAbsent(key, row);
    }

    /** The row that had the key first, or 0. */
    int rowOf(String key) {
        return keys.rowOf(key);
    }

    void reject(int row) {
        rejected.set(row);
    }

    boolean isRejected(int row) {
        return rejected.get(row);
    }

    void staged(int row) {
        staged.set(row);
    }

    long rejected() {
        return rejected.cardinality();
    }

    /** Deletes the staged rows that were refused afterwards; returns how many. */
    int unstageRejected(JdbcClient jdbc, String table, String importKey) {
        BitSet both = (BitSet) staged.clone();
        both.and(rejected);
        List<Integer> chunk = new ArrayList<>(CHUNK);
        int deleted = 0;
        for (int row = both.nextSetBit(0); row >= 0; row = both.nextSetBit(row + 1)) {
            chunk.add(row);
            if (chunk.size() == CHUNK) {
                deleted += delete(jdbc, table, importKey, chunk);
            }
        }
        return chunk.isEmpty() ? deleted : deleted + delete(jdbc, table, importKey, chunk);
    }

    private static int delete(JdbcClient jdbc, String table, String importKey, List<Integer> rows) {
        int deleted = jdbc.sql("DELETE FROM " + table + " WHERE import_key = :k AND import_row IN (:rows)")
                .param("k", importKey)
                .param("rows", rows)
                .update();
        rows.clear();
        return deleted;
    }
}
