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
    }

    /** A valid row: its business key (for duplicates within a file) and its staging values. */
    record StagedRow(String key, Object[] values) {}

    /** What a merge found or did. */
    record ImportCounts(long created, long updated, long unchanged) {}

    /** Where a row's validation reports what is wrong. */
    interface RowErrors {
        void add(String columnKey, String value, String messageKey);
    }
}
