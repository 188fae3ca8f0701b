package org.craftline.platform;

import org.craftline.shared.SqlVendor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where one import stages its rows. On PostgreSQL: a temporary table of the import's own
 * transaction, dropped at its end, analysed once every row is in ({@link #staged}). The cross-checks
 * and the merge then get plans made for the rows staged: a shared staging table's statistics describe
 * whatever it held when it was last analysed (usually nothing), and the planner, believing it empty,
 * chooses nested loops that take minutes for a file of a thousand rows. Analysing a shared table inside
 * the import would lock out every other import's analysis until the commit; a temporary table is
 * nobody else's. On H2: the shared table, its rows keyed by the import key.
 *
 * @param table the table the import writes and reads its staged rows in
 * @param temporary whether that is the import's own temporary table
 */
public record ImportStaging(String table, boolean temporary) {

    /**
     * Opens the staging of one import.
     *
     * @param shared the kind's shared staging table (its columns are the temporary table's)
     * @param temporaryName the temporary table's name
     * @param indexed whether the temporary table takes the shared table's indexes: worth it where
     *     checks look up staged rows by key; not for a million rows merged by hash joins
     */
    public static ImportStaging open(JdbcClient jdbc, String shared, String temporaryName, boolean indexed) {
        if (!SqlVendor.postgres(jdbc)) {
            return new ImportStaging(shared, false);
        }
        // IF NOT EXISTS: a caller's transaction may run more than one import; rows stay keyed by import
        jdbc.sql("CREATE TEMPORARY TABLE IF NOT EXISTS " + temporaryName + " (LIKE " + shared + " INCLUDING DEFAULTS"
                        + (indexed ? " INCLUDING INDEXES" : "") + ") ON COMMIT DROP")
                .update();
        return new ImportStaging(temporaryName, true);
    }

    /**
     * The temporary table where a batch waits for its early writes ({@link ImportKind.EarlyWrites}):
     * the staging table's columns, its name with {@code _batch}.
     */
    public String batch(JdbcClient jdbc) {
        if (!temporary) {
            throw new IllegalStateException("early writes stage in a temporary table");
        }
        String batch = table + "_batch";
        jdbc.sql("CREATE TEMPORARY TABLE IF NOT EXISTS " + batch + " (LIKE " + table + " INCLUDING DEFAULTS)"
                        + " ON COMMIT DROP")
                .update();
        return batch;
    }

    /**
     * Moves a batch into the staging table, through the given client of the import's connection, and
     * empties the batch table.
     */
    public void moveBatch(JdbcClient connection, String batch) {
        connection.sql("INSERT INTO " + table + " SELECT * FROM " + batch).update();
        connection.sql("TRUNCATE " + batch).update();
    }

    /** Every row is staged: gives the planner their statistics (autovacuum never sees a temporary table). */
    public void staged(JdbcClient jdbc) {
        if (temporary) {
            jdbc.sql("ANALYZE " + table).update();
        }
    }
}
