package org.craftline.platform.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.ImportKind;
import org.craftline.platform.ImportKind.ImportCounts;
import org.craftline.platform.ImportKind.ImportRun;
import org.craftline.platform.ImportKind.StagedRow;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.platform.imports.ImportResult.ImportError;
import org.craftline.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs an import: reads the file row by row, maps headers, validates every row, stages the valid
 * ones and lets the kind compare and merge them, all in one transaction. A dry run, or a commit
 * with any refused row, rolls everything back: nothing is written, and every refused row is named.
 */
@Service
class Importer {

    private final Map<String, ImportKind> kinds;
    private final TransactionTemplate tx;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final ImportHistory history;
    private final AuditLog audit;
    private final MessageSource messages;
    private final ImportSettings settings;
    private final Clock clock;

    Importer(
            List<ImportKind> kinds,
            TransactionTemplate tx,
            DataSource dataSource,
            JdbcClient jdbc,
            Tenancy tenancy,
            ImportHistory history,
            AuditLog audit,
            MessageSource messages,
            ImportSettings settings,
            Clock clock) {
        this.kinds = kinds.stream().collect(Collectors.toMap(ImportKind::name, Function.identity()));
        this.tx = tx;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.history = history;
        this.audit = audit;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    ImportKind kind(String name) {
        ImportKind kind = kinds.get(name);
        if (kind == null) {
            throw new NotFoundException("import kind", name);
        }
        return kind;
    }

    List<ImportKind> kinds() {
        return kinds.values().stream()
                .sorted(java.util.Comparator.comparing(ImportKind::name))
                .toList();
    }

    /** Imports a file already saved on disk (an upload never sits whole in memory). */
    ImportResult run(String kindName, Path file, String fileName, boolean dryRun, Locale locale) {
        ImportKind kind = kind(kindName);
        CurrentUser user = tenancy.currentUser();
        Scope scope = tenancy.scopeOf(user);
        OffsetDateTime started = OffsetDateTime.now(clock);
        ImportResult result;
        try {
            result = tx.execute(status -> {
                Pass pass = new Pass(kind, dryRun, fileName, locale);
                ImportResult r = pass.run(file, scope);
                if (r.dryRun() || r.hasErrors()) {
                    status.setRollbackOnly();
                } else {
                    // in the import's own transaction: the rows and their audit entry land together
                    audit.record(
                            "IMPORT",
                            kindName,
                            fileName.length() > 100 ? fileName.substring(0, 100) : fileName,
                            user.schoolId(),
                            null,
                            Map.of("created", r.created(), "updated", r.updated(), "unchanged", r.unchanged()));
                }
                return r;
            });
        } catch (ImportFileException e) {
            result = fileError(kindName, dryRun, fileName, e, locale);
        }
        history.record(user, kindName, result, !dryRun && !result.hasErrors(), started);
        return result;
    }

    /** A file refused before it could be read (empty, too large): recorded, nothing written. */
    ImportResult refused(String kindName, boolean dryRun, String fileName, ImportFileException e, Locale locale) {
        ImportResult result = fileError(kindName, dryRun, fileName, e, locale);
        history.record(tenancy.currentUser(), kindName, result, false, OffsetDateTime.now(clock));
        return result;
    }

    private ImportResult fileError(
            String kindName, boolean dryRun, String fileName, ImportFileException e, Locale locale) {
        String message = messages.getMessage(e.messageKey(), e.args(), e.messageKey(), locale);
        return new ImportResult(
                kindName,
                dryRun,
                0,
                0,
                0,
                0,
                0,
                List.of(new ImportError(null, null, null, message)),
                null,
                fileName,
                null);
    }

    /** One pass over a file, inside the import's transaction. */
    private final class Pass {

        private final ImportKind kind;
        private final boolean dryRun;
        private final String fileName;
        private final Locale locale;
        private final boolean english;
        private final List<ImportError> errors = new ArrayList<>();
        private final KeyIndex keys = new KeyIndex();
        private final java.util.BitSet rejectedRows = new java.util.BitSet();
        private long rows;
        private boolean truncated;

        Pass(ImportKind kind, boolean dryRun, String fileName, Locale locale) {
            this.kind = kind;
            this.dryRun = dryRun;
            this.fileName = fileName;
            this.locale = locale;
            this.english = "en".equals(locale.getLanguage());
        }

        ImportResult run(Path file, Scope scope) {
            String importKey = UUID.randomUUID().toString();
            try (SheetSource source = open(file)) {
                ImportRun run = kind.begin(scope, importKey);
                HeaderMap header = findHeader(source);
                try (StagingWriter staging =
                        new StagingWriter(dataSource, run.stagingTable(), run.stagingColumns(), importKey)) {
                    while (source.hasNext()) {
                        SheetRow row = source.next();
                        if (!row.isBlank()) {
                            check(row, header, run, staging);
                        }
                    }
                }
                long rejected = rejectedRows.cardinality();
                if (rows == 0) {
                    throw new ImportFileException("import.file.noRows");
                }
                ImportCounts counts = run.merge(!dryRun && rejected == 0);
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

        private HeaderMap findHeader(SheetSource source) {
            HeaderMap best = null;
            for (int i = 0; i < HeaderMap.SEARCH_ROWS && source.hasNext(); i++) {
                HeaderMap candidate = HeaderMap.of(source.next(), kind.columns());
                if (best == null
                        || candidate.positions().size() > best.positions().size()) {
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
                                ", ",
                                missing.stream().map(c -> c.header(english)).toList()));
            }
            return best;
        }

        private void check(SheetRow row, HeaderMap header, ImportRun run, StagingWriter staging) throws SQLException {
            rows++;
            Map<String, String> values = header.values(row);
            StagedRow staged =
                    run.validate(values, (column, value, key) -> error(row.number(), header, column, value, key));
            if (staged != null) {
                int first = keys.putIfAbsent(staged.key(), row.number());
                if (first != 0) {
                    String keyColumn = kind.columns().get(keyColumnIndex()).key();
                    error(row.number(), header, keyColumn, values.get(keyColumn), "import.row.duplicate", first);
                    error(first, header, keyColumn, values.get(keyColumn), "import.row.duplicate", row.number());
                } else if (!rejectedRows.get(row.number())) {
                    staging.add(staged.values());
                }
            }
        }

        private void error(int row, HeaderMap header, String columnKey, String value, String key, Object... args) {
            rejectedRows.set(row);
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

    /** Opens the file by what its bytes are, not by its name. */
    static SheetSource open(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw new ImportFileException("import.file.empty");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        }
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            return new XlsxSource(file);
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new ImportFileException("import.file.xls");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new ImportFileException("import.file.notSpreadsheet");
            }
        }
        return new CsvSource(file);
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
