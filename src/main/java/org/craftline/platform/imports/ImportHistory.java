package org.craftline.platform.imports;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Scope;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
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

    /** Recorded in its own transaction: a refused import still leaves its trace. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    long record(CurrentUser user, String kind, ImportResult result, boolean committed, OffsetDateTime started) {
        String outcome = result.hasErrors() ? "REJECTED" : committed ? "COMMITTED" : "PREVIEWED";
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO import_run (kind, username, school_id, file_name, file_format, dry_run, total_rows,
                               created, updated, unchanged, rejected, outcome, started_at, finished_at)
                        VALUES (:kind, :user, :school, :file, :format, :dryRun, :rows, :created, :updated, :unchanged,
                               :rejected, :outcome, :started, :finished)
                        """)
                .param("kind", kind)
                .param("user", user.username())
                .param("school", user.schoolId())
                .param("file", truncate(result.fileName() == null ? "" : result.fileName()))
                .param("format", result.format() == null ? "?" : result.format())
                .param("dryRun", result.dryRun())
                .param("rows", (int) result.rows())
                .param("created", (int) result.created())
                .param("updated", (int) result.updated())
                .param("unchanged", (int) result.unchanged())
                .param("rejected", (int) result.rejected())
                .param("outcome", outcome)
                .param("started", started)
                .param("finished", OffsetDateTime.now(clock))
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
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
