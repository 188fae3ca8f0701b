package org.craftline.students.domain;

import org.craftline.shared.SqlVendor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where one students import stages its rows. On PostgreSQL: a temporary table of the import's own
 * transaction, dropped at its end, without indexes (staging a million rows costs a fifth of what the
 * shared table's two indexes cost) and analysed once every row is in, so the cross-checks and the
 * merge get hash joins and no other import's rows or statistics lock stand in the way. On H2: the
 * shared table {@code student_import}, indexed, its rows keyed by the import key.
 */
record StudentStaging(String table, boolean analysed) {

    static final String SHARED = "student_import";

    static StudentStaging open(JdbcClient jdbc) {
        if (!SqlVendor.postgres(jdbc)) {
            return new StudentStaging(SHARED, false);
        }
        // IF NOT EXISTS: a caller's transaction may run more than one import; rows stay keyed by import
        jdbc.sql("CREATE TEMPORARY TABLE IF NOT EXISTS student_stage (LIKE " + SHARED
                        + " INCLUDING DEFAULTS) ON COMMIT DROP")
                .update();
        return new StudentStaging("student_stage", true);
    }

    /** Every row is staged: gives the planner the staged rows' statistics (autovacuum never sees a temporary table). */
    void staged(JdbcClient jdbc) {
        if (analysed) {
            jdbc.sql("ANALYZE " + table).update();
        }
    }
}
