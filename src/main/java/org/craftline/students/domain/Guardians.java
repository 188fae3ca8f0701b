package org.craftline.students.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.InvalidFieldsException;
import org.craftline.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guardians of the students in scope. Whoever reads a student reads its guardians; whoever may
 * change the student (its school's administrators, the operator) changes them. Phones leave this
 * service masked, and the audit log keeps them masked.
 */
@Service
public class Guardians {

    static final String SELECT = "g.id, g.student_id, g.name, g.relation, g.phone, g.legal_guardian, g.version";

    /**
     * Student {@code s} has a planned or running internship as a minor, which needs a legal guardian on
     * record (the internships' rule NO_GUARDIAN_ON_RECORD): its last one may not be removed meanwhile.
     */
    static final String OPEN_MINOR_PLACEMENT = "EXISTS (SELECT 1 FROM internship p WHERE p.student_id = s.id"
            + " AND p.minor = TRUE AND p.status IN ('PLANNED', 'IN_PROGRESS'))";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final EditVersions versions;
    private final Clock clock;

    Guardians(JdbcClient jdbc, Tenancy tenancy, AuditLog audit, EditVersions versions, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.versions = versions;
        this.clock = clock;
    }

    /** A student's guardians, legal guardians first; not found when the student is outside the user's scope. */
    @Transactional(readOnly = true)
    public List<GuardianView> of(long studentId) {
        schoolOfStudent(studentId);
        return jdbc
                .sql("SELECT " + SELECT + " FROM guardian g WHERE g.student_id = :s"
                        + " ORDER BY g.legal_guardian DESC, g.id")
                .param("s", studentId)
                .query(GuardianView.class)
                .list()
                .stream()
                .map(GuardianView::masked)
                .toList();
    }

    @Transactional(readOnly = true)
    public GuardianView get(long id) {
        return find(id).masked();
    }

    /**
     * Refuses a user who may not change the student's guardians (404 outside the scope, 403 for a
     * reader), so that a page answers the right before it answers the form's values.
     */
    @Transactional(readOnly = true)
    public void checkWritable(long studentId) {
        tenancy.checkAdministratorWrite(schoolOfStudent(studentId));
    }

    @Transactional
    public GuardianView add(long studentId, GuardianForm form) {
        long schoolId = schoolOfStudent(studentId);
        tenancy.checkAdministratorWrite(schoolId);
        GuardianRules.Valid g = validate(form, null);
        checkNameFree(studentId, g.name(), -1);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO guardian (school_id, student_id, name, relation, phone, legal_guardian, created_at)
                        VALUES (:school, :student, :name, :relation, :phone, :legal, :now)
                        """)
                .param("school", schoolId)
                .param("student", studentId)
                .param("name", g.name())
                .param("relation", g.relation().name())
                .param("phone", g.phone())
                .param("legal", g.legalGuardian())
                .param("now", OffsetDateTime.now(clock))
                .update(keys, "id");
        GuardianView created = get(keys.getKeyAs(Long.class));
        audit.created("guardian", String.valueOf(created.id()), schoolId, created);
        return created;
    }

    @Transactional
    public GuardianView update(long id, GuardianForm form) {
        GuardianView stored = find(id);
        long schoolId = schoolOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        GuardianRules.Valid g = validate(form, stored.phone());
        checkNameFree(stored.studentId(), g.name(), id);
        if (!g.legalGuardian()) {
            keepLastLegalGuardian(stored, "legalGuardian");
        }
        versions.claim("guardian", id, form.version(), "guardian", String.valueOf(id));
        jdbc.sql("UPDATE guardian SET name = :name, relation = :relation, phone = :phone, legal_guardian = :legal"
                        + " WHERE id = :id")
                .param("name", g.name())
                .param("relation", g.relation().name())
                .param("phone", g.phone())
                .param("legal", g.legalGuardian())
                .param("id", id)
                .update();
        GuardianView after = get(id);
        audit.updated("guardian", String.valueOf(id), schoolId, stored.masked(), after);
        return after;
    }

    /** Deletes the guardian as read at {@code version}; a later save of it refuses the delete. */
    @Transactional
    public void delete(long id, Integer version) {
        GuardianView stored = find(id);
        long schoolId = schoolOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        keepLastLegalGuardian(stored, "name");
        versions.claim("guardian", id, version, "guardian", String.valueOf(id));
        jdbc.sql("DELETE FROM guardian WHERE id = :id").param("id", id).update();
        audit.deleted("guardian", String.valueOf(id), schoolId, stored.masked());
    }

    /**
     * Refuses to take away the last legal guardian of a student with a planned or running internship as
     * a minor. The student's row is locked first, as a placement's check locks it, so a placement and
     * this change cannot pass together.
     */
    private void keepLastLegalGuardian(GuardianView stored, String field) {
        if (!stored.legalGuardian()) {
            return;
        }
        boolean last = jdbc.sql("SELECT " + OPEN_MINOR_PLACEMENT + " AND NOT EXISTS (SELECT 1 FROM guardian o"
                        + " WHERE o.student_id = s.id AND o.legal_guardian AND o.id <> :id)"
                        + " FROM student s WHERE s.id = :s FOR UPDATE")
                .param("s", stored.studentId())
                .param("id", stored.id())
                .query(Boolean.class)
                .single();
        if (last) {
            throw new InvalidFieldException(field, "guardian.legal.lastOfMinor");
        }
    }

    /** The student's school, when the user reads the student; not found otherwise. */
    private long schoolOfStudent(long studentId) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT s.school_id FROM student s WHERE s.id = :id AND " + scope.sql("s.school_id"))
                .params(scope.params())
                .param("id", studentId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("student", String.valueOf(studentId)));
    }

    private GuardianView find(long id) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM guardian g WHERE g.id = :id AND " + scope.sql("g.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(GuardianView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("guardian", String.valueOf(id)));
    }

    private long schoolOf(long id) {
        return jdbc.sql("SELECT school_id FROM guardian WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /** The form's values checked; on an edit a masked phone (with *) keeps {@code storedPhone}. */
    private static GuardianRules.Valid validate(GuardianForm form, String storedPhone) {
        String phone =
                form.phone() != null && form.phone().contains("*") && storedPhone != null ? storedPhone : form.phone();
        List<InvalidFieldException> problems = new ArrayList<>();
        GuardianRules.Valid g = GuardianRules.check(
                form.name(),
                form.relation(),
                phone,
                form.legalGuardian() == null ? Boolean.FALSE : form.legalGuardian(),
                (field, value, key) -> problems.add(new InvalidFieldException(field, key)));
        if (g == null) {
            throw new InvalidFieldsException(problems);
        }
        return g;
    }

    private void checkNameFree(long studentId, String name, long exceptId) {
        long taken = jdbc.sql("SELECT COUNT(*) FROM guardian WHERE student_id = :s AND name = :n AND id <> :id")
                .param("s", studentId)
                .param("n", name)
                .param("id", exceptId)
                .query(Long.class)
                .single();
        if (taken > 0) {
            throw new ConflictException("guardian.name.taken", "name", "guardian name taken");
        }
    }
}
