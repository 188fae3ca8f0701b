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
        if (current != seen) {
            int missed = Math.max(1, Math.min(current - seen, 20));
            throw new StaleEditException(current, audit.lastUpdates(entityType, auditKey, missed));
        }
        jdbc.sql("UPDATE " + table + " SET version = version + 1 WHERE " + keyColumn + " = :id")
                .param("id", id)
                .update();
    }

    /** The stored version of a row, for a form or a view that does not select it with the record. */
    @Transactional(readOnly = true)
    public int of(String table, long id) {
        return jdbc.sql("SELECT version FROM " + table + " WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }
}
