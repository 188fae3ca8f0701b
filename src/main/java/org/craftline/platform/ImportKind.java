package org.craftline.platform;

import java.util.List;
import java.util.function.Consumer;

/**
 * A kind of record that can be imported and exported through the platform's spreadsheet framework.
 * Modules register one as a Spring bean; the platform reads files, maps headers, reports errors,
 * stages valid rows and runs everything in one transaction.
 */
public interface ImportKind {

    /** The name in URLs, e.g. {@code students}. */
    String name();

    /** The template's columns, in order. */
    List<ImportColumn> columns();

    /**
     * Refuses a user who may not import this kind (an {@code AccessDeniedException} or a field
     * error). Called before a byte of the file is read, so a file never costs a user without the
     * right anything.
     */
    void checkImporter();

    /**
     * Starts one import for the signed-in user: checks it may import and loads what validation
     * needs. Called inside the import's transaction.
     */
    ImportRun begin(Scope scope, String importKey);

    /** Streams the scope's records in the template's layout; masks personal data unless unmasked. */
    void export(Scope scope, boolean unmasked, boolean english, Consumer<List<String>> row);

    /** One run of an import: validates rows, then compares and writes what was staged. */
    interface ImportRun {

        /** Validates one row (values by column key, already normalised); null after adding errors. */
        StagedRow validate(java.util.Map<String, String> values, RowErrors errors);

        /** The staging table; its first column holds the import key, the others {@link StagedRow#values()}. */
        String stagingTable();

        List<String> stagingColumns();

        /** Compares the staged rows with the records; writes them when {@code apply}. Set-based SQL. */
        ImportCounts merge(boolean apply);

        /** Called once every valid row of the file is staged, before {@link #crossCheck(int)}. */
        default void staged() {}

        /**
         * Problems that only show across rows or against other records (a value another record
         * holds), found by set-based SQL over the staged rows after the whole file is read; each names
         * its row by the staged key. At most {@code limit} of them.
         */
        default List<KeyedProblem> crossCheck(int limit) {
            return List.of();
        }

        /**
         * How this run writes new records while the rest of the file is still read, or null when it
         * does not (the default, and always on H2). See {@link EarlyWrites}.
         */
        default EarlyWrites earlyWrites() {
            return null;
        }
    }

    /**
     * Writes the new records of each batch of valid rows while the next batch is read and validated,
     * so that the database's largest statement overlaps the reading of the file (an import that
     * writes, on PostgreSQL). The platform copies a batch into {@link #batchTable()} and then calls
     * {@link #write} on its copying thread. Every record a batch creates must come back equal to its
     * staged row in {@link ImportRun#merge}, which then counts it as unchanged.
     *
     * <p>The platform uses it only while no row has been refused. The whole import runs in a
     * savepoint. As soon as a row is refused, or a cross-check reports a problem, the platform rolls
     * back to that savepoint and runs the import again without early writes. So the refused file's
     * errors and counts are those of an import that never wrote early, and nothing is written.
     */
    interface EarlyWrites {

        /** The table a batch is copied into; its columns are the staging table's. */
        String batchTable();

        /**
         * Creates the records of the batch's rows that have none, then moves the batch into the
         * staging table and empties the batch table; returns how many records it created.
         *
         * @param connection a client of the import's own connection (the copying thread has no
         *     transaction of its own)
         */
        long write(org.springframework.jdbc.core.simple.JdbcClient connection);
    }

    /** A problem of the staged row with this business key. */
    record KeyedProblem(String key, String columnKey, String value, String messageKey, Object... args) {}

    /** A valid row: its business key (for duplicates within a file) and its staging values. */
    record StagedRow(String key, Object[] values) {}

    /** What a merge found or did. */
    record ImportCounts(long created, long updated, long unchanged) {

        /**
         * Counts a run's staged rows in one pass: those without a record (created), those whose record
         * differs (updated) and those equal to it (unchanged).
         *
         * @param stagedJoin e.g. {@code "student_import i LEFT JOIN student s ON s.school_id = i.school_id AND ..."}
         * @param matchedId a non-null column of the record, e.g. {@code "s.id"}
         * @param same the condition under which a staged row equals its record
         */
        public static ImportCounts of(
                org.springframework.jdbc.core.simple.JdbcClient jdbc,
                String stagedJoin,
                String matchedId,
                String same,
                String importKey) {
            long[] c = jdbc.sql("SELECT COUNT(*), COUNT(" + matchedId + "), COUNT(CASE WHEN " + same + " THEN 1 END)"
                            + " FROM " + stagedJoin + " WHERE i.import_key = :k")
                    .param("k", importKey)
                    .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                    .single();
            return new ImportCounts(c[0] - c[1], c[1] - c[2], c[2]);
        }
    }

    /** Where a row's validation reports what is wrong. */
    interface RowErrors {
        void add(String columnKey, String value, String messageKey);
    }
}
