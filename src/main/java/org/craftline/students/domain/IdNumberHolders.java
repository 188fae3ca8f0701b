package org.craftline.students.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.craftline.platform.ImportKind.KeyedProblem;
import org.craftline.platform.Scope;
import org.craftline.shared.ConflictException;
import org.craftline.shared.ResidentIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One person has one student record at a time: a resident ID number may be held by only one
 * student of the installation who has not left (transferred out, withdrawn, left with a certificate
 * of study or cancelled; a graduate or one who completed without graduating keeps the record). The other record
 * is named only to a user who may read its school.
 */
@Component
class IdNumberHolders {

    /** The statuses of a record that no longer holds its person's place. */
    static final String LEFT = "('TRANSFERRED', 'WITHDRAWN', 'INCOMPLETE', 'CANCELLED')";

    private final JdbcClient jdbc;

    IdNumberHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Holder(long schoolId, String schoolCode, String studentNumber) {}

    /** Refuses the ID number when another current student holds it. */
    void checkFree(String idNumber, StudentStatus status, long exceptStudentId, Scope scope) {
        if (hasLeft(status)) {
            return;
        }
        Optional<Holder> holder = jdbc.sql("SELECT s.school_id, sc.code AS school_code, s.student_number"
                        + " FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE s.id_number = :id AND s.id <> :except AND s.status NOT IN " + LEFT
                        + " ORDER BY s.id")
                .param("id", idNumber)
                .param("except", exceptStudentId)
                .query(Holder.class)
                .optional();
        holder.ifPresent(h -> {
            throw scope.canRead(h.schoolId())
                    ? new ConflictException(
                            "student.idNumber.taken", "idNumber", "ID number taken", h.schoolCode(), h.studentNumber())
                    : new ConflictException("student.idNumber.takenElsewhere", "idNumber", "ID number taken");
        });
    }

    /** The staged rows of an import whose ID number another current student or another row holds. */
    List<KeyedProblem> inImport(String staging, String importKey, Scope scope, int limit) {
        List<KeyedProblem> problems = new ArrayList<>();
        jdbc.sql(
                        "SELECT i.school_id, i.student_number, i.id_number, s.school_id AS other_school, sc.code AS other_code,"
                                + " s.student_number AS other_number FROM " + staging + " i"
                                + " JOIN student s ON s.id_number = i.id_number AND s.status NOT IN " + LEFT
                                + " AND NOT (s.school_id = i.school_id AND s.student_number = i.student_number)"
                                + " JOIN school sc ON sc.id = s.school_id"
                                + " WHERE i.import_key = :k AND i.status NOT IN " + LEFT
                                + " ORDER BY i.school_id, i.student_number FETCH FIRST " + limit + " ROWS ONLY")
                .param("k", importKey)
                .query((rs, n) -> scope.canRead(rs.getLong("other_school"))
                        ? problem(
                                rs, "student.idNumber.taken", rs.getString("other_code"), rs.getString("other_number"))
                        : problem(rs, "student.idNumber.takenElsewhere"))
                .list()
                .forEach(problems::add);
        if (problems.size() >= limit) {
            return problems;
        }
        jdbc.sql("SELECT i.school_id, i.student_number, i.id_number, o.student_number AS other_number"
                        + " FROM " + staging + " i JOIN " + staging + " o ON o.import_key = i.import_key"
                        + " AND o.id_number = i.id_number"
                        + " AND NOT (o.school_id = i.school_id AND o.student_number = i.student_number)"
                        + " WHERE i.import_key = :k AND i.status NOT IN " + LEFT + " AND o.status NOT IN " + LEFT
                        + " ORDER BY i.school_id, i.student_number FETCH FIRST " + (limit - problems.size())
                        + " ROWS ONLY")
                .param("k", importKey)
                .query((rs, n) -> problem(rs, "student.idNumber.repeated", rs.getString("other_number")))
                .list()
                .forEach(problems::add);
        return problems;
    }

    private static KeyedProblem problem(java.sql.ResultSet rs, String messageKey, Object... args)
            throws java.sql.SQLException {
        return new KeyedProblem(
                rs.getLong("school_id") + "/" + rs.getString("student_number"),
                "idNumber",
                ResidentIds.mask(rs.getString("id_number")),
                messageKey,
                args);
    }

    static boolean hasLeft(StudentStatus status) {
        return status == StudentStatus.TRANSFERRED
                || status == StudentStatus.WITHDRAWN
                || status == StudentStatus.INCOMPLETE
                || status == StudentStatus.CANCELLED;
    }
}
