package org.craftline.platform.imports;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Scope;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Every import, dry run or commit, succeeded or refused: who, when, file, kind, counts, outcome. */
@Component
class ImportHistory {

    private final JdbcClient jdbc;
    private final Clock clock;

    ImportHistory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Entry(
            long id,
            String kind,
            String username,
            String fileName,
            String fileFormat,
            boolean dryRun,
            int totalRows,
            int created,
            int updated,
            int unchanged,
            int rejected,
            String outcome,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt) {}

    /** A run that was refused before its file could be read: started and finished at once. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    long record(CurrentUser user, String kind, ImportResult result, boolean committed, OffsetDateTime started) {
        long id = start(user, kind, result.fileName(), result.dryRun(), started);
        finish(id, result, committed);
        return id;
    }

    /** Recorded in its own transaction before the file is read: a run the server never ends still shows. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    long start(CurrentUser user, String kind, String fileName, boolean dryRun, OffsetDateTime started) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO import_run (kind, username, school_id, file_name, file_format, dry_run, total_rows,
                               created, updated, unchanged, rejected, outcome, started_at, finished_at)
                        VALUES (:kind, :user, :school, :file, '?', :dryRun, 0, 0, 0, 0, 0, 'RUNNING', :started, :started)
                        """)
                .param("kind", kind)
                .param("user", user.username())
                .param("school", user.schoolId())
                .param("file", truncate(fileName == null ? "" : fileName))
                .param("dryRun", dryRun)
                .param("started", started)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void finish(long id, ImportResult result, boolean committed) {
        String outcome = result.hasErrors() ? "REJECTED" : committed ? "COMMITTED" : "PREVIEWED";
        jdbc.sql("""
                        UPDATE import_run SET file_format = :format, total_rows = :rows, created = :created,
                               updated = :updated, unchanged = :unchanged, rejected = :rejected, outcome = :outcome,
                               finished_at = :finished
                        WHERE id = :id
                        """)
                .param("format", result.format() == null ? "?" : result.format())
                .param("rows", (int) result.rows())
                .param("created", (int) result.created())
                .param("updated", (int) result.updated())
                .param("unchanged", (int) result.unchanged())
                .param("rejected", (int) result.rejected())
                .param("outcome", outcome)
                .param("finished", OffsetDateTime.now(clock))
                .param("id", id)
                .update();
    }

    /** A run ended by an unexpected error or a conflict: nothing was written. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void failed(long id) {
        jdbc.sql("UPDATE import_run SET outcome = 'FAILED', finished_at = :finished WHERE id = :id")
                .param("finished", OffsetDateTime.now(clock))
                .param("id", id)
                .update();
    }

    /** Runs left RUNNING by a server that stopped (killed, crashed) ended there: their transaction rolled back. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void markInterrupted() {
        jdbc.sql("UPDATE import_run SET outcome = 'INTERRUPTED' WHERE outcome = 'RUNNING'")
                .update();
    }

    @Transactional(readOnly = true)
    Paged<Entry> list(Scope scope, String kind, PageQuery page) {
        Where where = Where.of(scope.sql("school_id"), scope.params()).and("kind = :kind", "kind", kind);
        return SqlPages.fetch(
                jdbc,
                "id, kind, username, file_name, file_format, dry_run, total_rows, created, updated, unchanged,"
                        + " rejected, outcome, started_at, finished_at",
                "import_run",
                where,
                "started_at DESC, id DESC",
                page,
                Entry.class);
    }

    private static String truncate(String name) {
        return name.length() <= 255 ? name : name.substring(0, 255);
    }
}
