package org.craftline.platform.imports;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.ImportKind;
import org.craftline.platform.NotificationKind;
import org.craftline.platform.Notifications;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.platform.imports.ImportResult.ImportError;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.SqlVendor;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionStatus;
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
    private final Notifications notifications;
    private final Clock clock;
    /** Whether an import that writes tries the kind's early writes first (see {@link #pass}). */
    private volatile boolean earlyWrites = true;

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
            Notifications notifications,
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
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Turns the kinds' early writes on (the default) or off. The import benchmark turns them off for
     * one run, to measure both paths against the same {@code COPY}.
     */
    void earlyWrites(boolean on) {
        this.earlyWrites = on;
    }

    ImportKind kind(String name) {
        ImportKind kind = kinds.get(name);
        if (kind == null) {
            throw new NotFoundException("import kind", name);
        }
        return kind;
    }

    /** The kind, once the user's right to import it is checked: before any byte of a file is read. */
    ImportKind importable(String name) {
        ImportKind kind = kind(name);
        kind.checkImporter();
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
        long runId = history.start(user, kindName, fileName, dryRun, started);
        ImportResult result;
        try {
            result = tx.execute(status -> {
                ImportResult r = pass(status, kind, file, fileName, dryRun, locale, scope);
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
        } catch (RuntimeException | Error e) {
            history.failed(runId);
            throw e;
        }
        history.finish(runId, result, !dryRun && !result.hasErrors());
        if (!dryRun) {
            notifications.toUser(
                    user.id(),
                    NotificationKind.IMPORT_FINISHED,
                    result.hasErrors() ? "notify.import.rejected" : "notify.import.finished",
                    List.of(fileName, result.created(), result.updated(), result.rejected()),
                    "/imports");
        }
        return result;
    }

    /**
     * One pass over the file. An import that writes first tries it with the kind's early writes,
     * inside a savepoint; a refused row or a cross-check problem rolls that back, and the file is
     * read again without them (see {@link ImportKind.EarlyWrites}).
     */
    private ImportResult pass(
            TransactionStatus status,
            ImportKind kind,
            Path file,
            String fileName,
            boolean dryRun,
            Locale locale,
            Scope scope) {
        if (earlyWrites && !dryRun && SqlVendor.postgres(jdbc)) {
            Object savepoint = status.createSavepoint();
            try {
                ImportResult r = new ImportPass(
                                kind, false, fileName, locale, dataSource, jdbc, messages, settings, true)
                        .run(file, scope);
                status.releaseSavepoint(savepoint);
                return r;
            } catch (ImportPass.EarlyWritesRefused refused) {
                status.rollbackToSavepoint(savepoint);
            }
        }
        return new ImportPass(kind, dryRun, fileName, locale, dataSource, jdbc, messages, settings, false)
                .run(file, scope);
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
}
