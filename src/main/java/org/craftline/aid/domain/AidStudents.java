package org.craftline.aid.domain;

import org.craftline.platform.CurrentUser;
import org.craftline.platform.ImportKind;
import org.craftline.platform.ImportSchools;
import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.platform.TenantDirectory;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The school a change of aid goes to and its student by number: rights are checked first (a teacher
 * or the bureau is refused before anything is looked up), then the student is found in that school.
 */
@Component
class AidStudents {

    /** A student as aid refers to it. */
    record StudentRef(long id, long schoolId, String studentNumber) {}

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final TenantDirectory directory;

    AidStudents(JdbcClient jdbc, Tenancy tenancy, TenantDirectory directory) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.directory = directory;
    }

    /**
     * Refuses all but the school's administrators and the operator, before a byte of a file is read;
     * answers the school of each row of the file: {@link FileSchool}.
     */
    FileSchool importer(Scope scope) {
        checkImporter();
        return new FileSchool(
                new ImportSchools(directory, scope, tenancy.currentUser().schoolId()));
    }

    void checkImporter() {
        CurrentUser user = tenancy.currentUser();
        if (user.role() != Role.SYSTEM_ADMIN && user.role() != Role.SCHOOL_ADMIN) {
            throw new AccessDeniedException("aid is decided by administrators");
        }
        ImportSchools.checkImporter(tenancy);
    }

    /**
     * The one school an aid file is for: the administrator's own, or the one the operator's rows
     * name (学校标识码), the same in every row, since the file's checks (eligibility, the ledger's
     * limits) are read per school.
     */
    static final class FileSchool {
        private final ImportSchools schools;
        private Long school;

        FileSchool(ImportSchools schools) {
            this.schools = schools;
        }

        /** The row's school; null after an error (none, unknown, or another than the file's). */
        Long of(java.util.Map<String, String> row, ImportKind.RowErrors errors) {
            Long id = schools.of(row.get("schoolCode"), errors);
            if (id == null) {
                return null;
            }
            if (school == null) {
                school = id;
            } else if (!school.equals(id)) {
                errors.add("schoolCode", row.get("schoolCode"), "aid.import.oneSchool");
                return null;
            }
            return id;
        }

        /** The file's school, once a row named it. */
        Long school() {
            return school;
        }
    }

    /** Refuses all but the school's administrators and the operator; answers the school (the user's own by default). */
    long administeredSchool(String schoolCode) {
        CurrentUser user = tenancy.currentUser();
        if (user.role() != Role.SYSTEM_ADMIN && user.role() != Role.SCHOOL_ADMIN) {
            throw new AccessDeniedException("aid is decided by administrators");
        }
        return tenancy.administeredSchool(schoolCode);
    }

    /** The school's student with this number, for a change by an administrator of the school. */
    StudentRef forChange(String schoolCode, String studentNumber) {
        long schoolId = administeredSchool(schoolCode);
        String number = Text.normalise(studentNumber);
        return jdbc.sql(
                        "SELECT id, school_id, student_number FROM student WHERE school_id = :s AND student_number = :n")
                .param("s", schoolId)
                .param("n", number == null ? "" : number)
                .query(StudentRef.class)
                .optional()
                .orElseThrow(() -> new InvalidFieldException("studentNumber", "aid.student.unknown"));
    }

    Scope scope() {
        return tenancy.scope();
    }

    String username() {
        return tenancy.currentUser().username();
    }

    /** Checks the user may change the school's aid (after a record was found in its read scope). */
    void checkWrite(long schoolId) {
        tenancy.checkAdministratorWrite(schoolId);
    }

    /** Whether the user sees bank cards whole when it asks (an audited reveal): administrators only. */
    boolean mayReveal() {
        Role role = tenancy.currentUser().role();
        return role == Role.SYSTEM_ADMIN || role == Role.SCHOOL_ADMIN;
    }
}
