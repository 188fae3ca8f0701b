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
