package org.craftline.platform;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records every create, update and delete: who, when, which record, the values before and after.
 * Written in the caller's transaction, so a change and its audit entry land or fail together.
 * Callers pass read models that carry no unmasked personal data.
 */
@Service
public class AuditLog {

    static final int MAX_JSON = 8000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public void created(String entityType, String key, Long schoolId, Object after) {
        record("CREATE", entityType, key, schoolId, null, after);
    }

    public void updated(String entityType, String key, Long schoolId, Object before, Object after) {
        record("UPDATE", entityType, key, schoolId, before, after);
    }

    public void deleted(String entityType, String key, Long schoolId, Object before) {
        record("DELETE", entityType, key, schoolId, before, null);
    }

    /** Any other audited action, such as a sign-in or the reveal of a masked value. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String entityType, String key, Long schoolId, Object before, Object after) {
        recordAs(actor(), action, entityType, key, schoolId, before, after);
    }

    /** An action of someone not (yet) signed in, such as a failed sign-in under a user name. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(
            String username, String action, String entityType, String key, Long schoolId, Object before, Object after) {
        jdbc.sql("""
                        INSERT INTO audit_event (at, username, school_id, action, entity_type, entity_key, before_json, after_json)
                        VALUES (:at, :username, :schoolId, :action, :type, :key, :before, :after)
                        """)
                .param("at", OffsetDateTime.now(clock))
                .param("username", username.length() > 50 ? username.substring(0, 50) : username)
                .param("schoolId", schoolId)
                .param("action", action)
                .param("type", entityType)
                .param("key", key)
                .param("before", toJson(before))
                .param("after", toJson(after))
                .update();
    }

    /** The last {@code limit} updates of a record, newest first: who, when, and the fields that changed. */
    @Transactional(readOnly = true)
    public java.util.List<org.craftline.shared.StaleEditException.Change> lastUpdates(
            String entityType, String key, int limit) {
        return jdbc.sql("""
                        SELECT username, at, before_json, after_json FROM audit_event
                        WHERE entity_type = :type AND entity_key = :key AND action = 'UPDATE'
                        ORDER BY at DESC, id DESC LIMIT :limit
                        """)
                .param("type", entityType)
                .param("key", key)
                .param("limit", limit)
                .query((rs, i) -> new org.craftline.shared.StaleEditException.Change(
                        rs.getString(1),
                        rs.getObject(2, OffsetDateTime.class),
                        changedFields(rs.getString(3), rs.getString(4))))
                .list();
    }

    /** The top-level fields whose values differ; none when either side was cut to fit the log. */
    private java.util.List<String> changedFields(String before, String after) {
        try {
            var b = json.readTree(before == null ? "{}" : before);
            var a = json.readTree(after == null ? "{}" : after);
            java.util.Set<String> names = new java.util.TreeSet<>(a.propertyNames());
            names.addAll(b.propertyNames());
            return names.stream()
                    .filter(n -> !java.util.Objects.equals(a.get(n), b.get(n)))
                    .filter(n -> !"version".equals(n))
                    .toList();
        } catch (RuntimeException e) {
            return java.util.List.of();
        }
    }

    private String toJson(Object value) {
        if (value == null) {
            return null;
        }
        String text = json.writeValueAsString(value);
        return text.length() <= MAX_JSON ? text : text.substring(0, MAX_JSON - 1) + "…";
    }

    private static String actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
