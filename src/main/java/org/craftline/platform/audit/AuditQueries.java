package org.craftline.platform.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.craftline.platform.Scope;
import org.craftline.shared.Keyset;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Browsing the audit log, newest first, within the reader's scope. */
@Component
class AuditQueries {

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record AuditEntry(
            long id,
            OffsetDateTime at,
            String username,
            Long schoolId,
            String action,
            String entityType,
            String entityKey,
            String beforeJson,
            String afterJson) {}

    public record Filter(String type, String user, String key, LocalDate from, LocalDate to) {}

    @Transactional(readOnly = true)
    Paged<AuditEntry> find(Scope scope, Filter f, PageQuery page) {
        Where where = Where.of(scope.sql("school_id"), scope.params())
                .and("entity_type = :type", "type", f.type())
                .and("username = :user", "user", f.user())
                .and("entity_key = :key", "key", f.key())
                .and("at >= :from", "from", f.from() == null ? null : start(f.from()))
                .and("at < :to", "to", f.to() == null ? null : start(f.to().plusDays(1)));
        return SqlPages.fetch(
                jdbc,
                "id, at, username, school_id, action, entity_type, entity_key, before_json, after_json",
                "audit_event",
                where,
                page,
                Keyset.of(List.of("at", "id"), true, "id", AuditEntry::id, page),
                AuditEntry.class);
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
