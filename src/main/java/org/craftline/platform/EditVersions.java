package org.craftline.platform;

import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.StaleEditException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Optimistic locking of editable records. Every editable table has a {@code version}; a form and an
 * API body carry the version they were read at; a save locks the row, compares, and raises the
 * version in the save's own transaction. A save from an older version is refused with the saves made
 * since (who, when, which fields, from the audit log), so two people editing one record never
 * silently overwrite each other.
 */
@Component
public class EditVersions {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    EditVersions(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * Checks that {@code seen} is the stored version of the row and raises it; call inside the save's
     * transaction, after the record was found and the user's right checked.
     *
     * @param table the record's table, a constant of the calling module
     * @param entityType and {@code auditKey}: how the record's saves are named in the audit log
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claim(String table, long id, Integer seen, String entityType, String auditKey) {
        claim(table, "id", id, seen, entityType, auditKey);
    }

    /**
     * As {@link #claim(String, long, Integer, String, String)}, for a table whose row is found by
     * another key column, such as a record kept one-to-one with its owner's id.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void claim(String table, String keyColumn, long id, Integer seen, String entityType, String auditKey) {
        if (seen == null) {
            throw new InvalidFieldException("version", "version.required");
        }
        int current = jdbc.sql("SELECT version FROM " + table + " WHERE " + keyColumn + " = :id FOR UPDATE")
                .param("id", id)
                .query(Integer.class)
                .single();
        check(current, seen, entityType, auditKey);
        jdbc.sql("UPDATE " + table + " SET version = version + 1 WHERE " + keyColumn + " = :id")
                .param("id", id)
                .update();
    }

    /**
     * {@link #claim} for a record whose row its first save creates (a school's setting, a graduate's
     * consent or destination at a point): no row reads as version 0. Raises the row's version when it
     * exists and answers the version the saved record has now; a save that replaces the row (delete
     * and insert) or creates it inserts it with that version.
     *
     * @param key the row's condition on its natural key, e.g. {@code "school_id = :key"}
     * @param params the condition's parameters
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int claimWhere(
            String table,
            String key,
            java.util.Map<String, ?> params,
            Integer seen,
            String entityType,
            String auditKey) {
        if (seen == null) {
            throw new InvalidFieldException("version", "version.required");
        }
        int current = jdbc.sql("SELECT version FROM " + table + " WHERE " + key + " FOR UPDATE")
                .params(params)
                .query(Integer.class)
                .optional()
                .orElse(0);
        check(current, seen, entityType, auditKey);
        jdbc.sql("UPDATE " + table + " SET version = version + 1 WHERE " + key)
                .params(params)
                .update();
        return current + 1;
    }

    private void check(int current, int seen, String entityType, String auditKey) {
        if (current != seen) {
            int missed = Math.max(1, Math.min(current - seen, 20));
            throw new StaleEditException(current, audit.lastUpdates(entityType, auditKey, missed));
        }
    }

    /** The stored version of a row, for a form or a view that does not select it with the record. */
    @Transactional(readOnly = true)
    public int of(String table, long id) {
        return of(table, "id", id);
    }

    /** The stored version of the row whose {@code column} (a constant of the caller) is {@code key}; 0 when none. */
    @Transactional(readOnly = true)
    public int of(String table, String column, long key) {
        return jdbc.sql("SELECT version FROM " + table + " WHERE " + column + " = :key")
                .param("key", key)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }
}
