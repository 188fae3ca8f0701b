package org.craftline.platform.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.ImportKind.EarlyWrites;
import org.craftline.platform.ImportKind.ImportCounts;
import org.craftline.platform.ImportKind.ImportRun;
import org.craftline.platform.ImportKind.StagedRow;
import org.craftline.platform.Scope;
import org.craftline.platform.imports.ImportResult.ImportError;
import org.craftline.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One pass over a file, inside the import's transaction. */
final class ImportPass {

    /**
     * Thrown by a pass with early writes as soon as a row is refused or a cross-check finds a
     * problem: the caller rolls back to its savepoint and runs the file again without them.
     */
    static final class EarlyWritesRefused extends RuntimeException {
        EarlyWritesRefused() {
            super(null, null, false, false);
        }
    }

    private final ImportKind kind;
    private final boolean dryRun;
    /** Whether the kind's early writes may be used (see {@link ImportKind.EarlyWrites}). */
    private final boolean early;

    private final String fileName;
    private final Locale locale;
    private final boolean english;
    private final List<ImportError> errors = new ArrayList<>();
    private final RowLedger ledger = new RowLedger();
    private long rows;
    private boolean truncated;
    /** Whether a row was refused: early writes then stop, and the file is read again without them. */
    private boolean refused;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final ImportSettings settings;

    ImportPass(
            ImportKind kind,
            boolean dryRun,
            String fileName,
            Locale locale,
            DataSource dataSource,
            JdbcClient jdbc,
            MessageSource messages,
            ImportSettings settings,
            boolean early) {
        this.early = early && !dryRun;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.messages = messages;
        this.settings = settings;
        this.kind = kind;
        this.dryRun = dryRun;
        this.fileName = fileName;
        this.locale = locale;
        this.english = "en".equals(locale.getLanguage());
    }

    ImportResult run(Path file, Scope scope) {
        String importKey = UUID.randomUUID().toString();
        try (SheetSource source = SheetSources.open(file, settings)) {
            ImportRun run = kind.begin(scope, importKey);
            HeaderMap header = findHeader(source);
            EarlyWrites writes = early ? run.earlyWrites() : null;
            StagingWriter staging =
                    new StagingWriter(dataSource, run.stagingTable(), run.stagingColumns(), importKey, writes);
            try (staging) {
                while (source.hasNext()) {
                    SheetRow row = source.next();
                    if (!row.isBlank()) {
                        check(row, header, run, staging);
                        if (refused && writes != null) {
                            staging.abandon();
                            throw new EarlyWritesRefused();
                        }
                    }
                }
            }
            long created = staging.created();
            if (rows == 0) {
                throw new ImportFileException("import.file.noRows");
            }
            run.staged();
            List<ImportKind.KeyedProblem> problems = run.crossCheck(settings.maxErrors() + 1);
            if (!problems.isEmpty() && writes != null) {
                throw new EarlyWritesRefused();
            }
            for (var problem : problems) {
                error(
                        ledger.rowOf(problem.key()),
                        header,
                        problem.columnKey(),
                        problem.value(),
                        problem.messageKey(),
                        problem.args());
            }
            ledger.unstageRejected(jdbc, run.stagingTable(), importKey);
            long rejected = ledger.rejected();
            ImportCounts counts = created == rows
                    // every row created early: nothing is left to compare
                    ? new ImportCounts(created, 0, 0)
                    : withEarly(run.merge(!dryRun && rejected == 0), created);
            jdbc.sql("DELETE FROM " + run.stagingTable() + " WHERE import_key = :k")
                    .param("k", importKey)
                    .update();
            return new ImportResult(
                    kind.name(),
                    dryRun,
                    rows,
                    counts.created(),
                    counts.updated(),
                    counts.unchanged(),
                    rejected,
                    errors,
                    truncated ? true : null,
                    fileName,
                    source.format());
        } catch (IOException | SQLException | RuntimeException e) {
            if (e instanceof ImportFileException || e instanceof NotFoundException) {
                throw (RuntimeException) e;
            }
            if (e instanceof org.springframework.security.access.AccessDeniedException denied) {
                throw denied;
            }
            if (e instanceof org.dhatim.fastexcel.reader.ExcelReaderException || e instanceof IOException) {
                throw new ImportFileException("import.file.unreadable");
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** The merge's counts, where the records created early were found unchanged. */
    private static ImportCounts withEarly(ImportCounts counts, long created) {
        return new ImportCounts(counts.created() + created, counts.updated(), counts.unchanged() - created);
    }

    private HeaderMap findHeader(SheetSource source) {
        HeaderMap best = null;
        for (int i = 0; i < HeaderMap.SEARCH_ROWS && source.hasNext(); i++) {
            HeaderMap candidate = HeaderMap.of(source.next(), kind.columns());
            if (best == null || candidate.positions().size() > best.positions().size()) {
                best = candidate;
            }
            if (best.positions().size() == kind.columns().size()) {
                break;
            }
            if (best.positions().size() >= 2 && candidate == best) {
                break;
            }
        }
        if (best == null || best.positions().size() < 2) {
            throw new ImportFileException("import.file.noHeader", expected());
        }
        List<ImportColumn> missing = best.missingRequired(kind.columns());
        if (!missing.isEmpty()) {
            throw new ImportFileException(
                    "import.file.missingColumns",
                    String.join(
                            ", ", missing.stream().map(c -> c.header(english)).toList()));
        }
        return best;
    }

    private void check(SheetRow row, HeaderMap header, ImportRun run, StagingWriter staging) throws SQLException {
        rows++;
        Map<String, String> values = header.values(row);
        if (refusedControl(row, header, values)) {
            return;
        }
        StagedRow staged =
                run.validate(values, (column, value, key) -> error(row.number(), header, column, value, key));
        if (staged != null) {
            int first = ledger.firstRowOf(staged.key(), row.number());
            if (first != 0) {
                String keyColumn = kind.columns().get(keyColumnIndex()).key();
                error(row.number(), header, keyColumn, values.get(keyColumn), "import.row.duplicate", first);
                error(first, header, keyColumn, values.get(keyColumn), "import.row.duplicate", row.number());
            } else if (!ledger.isRejected(row.number())) {
                staging.add(staged.values(), row.number());
                ledger.staged(row.number());
            }
        }
    }

    /** A cell with a control character (a NUL reaches PostgreSQL as an error) refuses its row. */
    private boolean refusedControl(SheetRow row, HeaderMap header, Map<String, String> values) {
        boolean refused = false;
        for (var value : values.entrySet()) {
            if (org.craftline.shared.Text.hasControl(value.getValue())) {
                error(
                        row.number(),
                        header,
                        value.getKey(),
                        org.craftline.shared.Text.controlShown(value.getValue()),
                        "import.row.control");
                refused = true;
            }
        }
        return refused;
    }

    private void error(int row, HeaderMap header, String columnKey, String value, String key, Object... args) {
        ledger.reject(row);
        refused = true;
        if (errors.size() >= settings.maxErrors()) {
            truncated = true;
            return;
        }
        ImportColumn column = kind.columns().stream()
                .filter(c -> c.key().equals(columnKey))
                .findFirst()
                .orElse(null);
        errors.add(new ImportError(
                row,
                column == null ? null : header.header(column, english),
                value,
                messages.getMessage(key, args, key, locale)));
    }

    /** The first required column is the business key's column (where duplicates are reported). */
    private int keyColumnIndex() {
        for (int i = 0; i < kind.columns().size(); i++) {
            if (kind.columns().get(i).required()) {
                return i;
            }
        }
        return 0;
    }

    private String expected() {
        return String.join(
                ", ", kind.columns().stream().map(c -> c.header(english)).toList());
    }
}
