package org.craftline.students.domain;

import org.craftline.shared.SqlVendor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where one students import stages its rows. On PostgreSQL: a temporary table of the import's own
 * transaction, dropped at its end, indexed only by file row (staging a million rows into the shared
 * table cost about five times as much with its two text indexes) and analysed once every row is in,
 * so the cross-checks and the merge get hash joins and no other import's rows or statistics lock
 * stand in the way; beside it, the ids of the students the import created ahead of its merge
 * ({@link StudentsMerge#createAhead}). On H2: the shared table {@code student_import}, indexed, its
 * rows keyed by the import key, and nothing created ahead.
 */
record StudentStaging(String table, boolean temporary) {

    static final String SHARED = "student_import";

    /** The students created ahead of the merge, by id (PostgreSQL only). */
    static final String CREATED = "student_stage_created";

    static StudentStaging open(JdbcClient jdbc) {
        if (!SqlVendor.postgres(jdbc)) {
            return new StudentStaging(SHARED, false);
        }
        // IF NOT EXISTS: a caller's transaction may run more than one import; rows stay keyed by import
        jdbc.sql("CREATE TEMPORARY TABLE IF NOT EXISTS student_stage (LIKE " + SHARED
                        + " INCLUDING DEFAULTS) ON COMMIT DROP")
                .update();
        jdbc.sql("CREATE INDEX IF NOT EXISTS student_stage_row_ix ON student_stage (import_row)")
                .update();
        jdbc.sql("CREATE TEMPORARY TABLE IF NOT EXISTS " + CREATED + " (id BIGINT NOT NULL) ON COMMIT DROP")
                .update();
        // ids rise: the index grows at its right edge; the cross-check looks up its few pairs in it
        jdbc.sql("CREATE INDEX IF NOT EXISTS student_stage_created_ix ON " + CREATED + " (id)")
                .update();
        return new StudentStaging("student_stage", true);
    }

    /** Every row is staged: gives the planner the staged rows' statistics (autovacuum never sees a temporary table). */
    void staged(JdbcClient jdbc) {
        if (temporary) {
            jdbc.sql("ANALYZE " + table).update();
            jdbc.sql("ANALYZE " + CREATED).update();
        }
    }

    /**
     * The pairs of staged rows and students ({@code other_id}: the student's id) without the students
     * this import created ahead of its merge: such a student is another row of the file, which the
     * repeated-number check names. The pairs are found first (few), then looked up among the created.
     */
    String leaveOutCreated(String pairs) {
        return temporary
                ? "SELECT p.* FROM (" + pairs + " OFFSET 0) p" + " WHERE NOT EXISTS (SELECT 1 FROM " + CREATED
                        + " c WHERE c.id = p.other_id)"
                : pairs;
    }
}
