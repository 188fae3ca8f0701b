package org.craftline.talent.domain;

import java.util.Optional;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.StudentDirectory;
import org.craftline.shared.ResidentIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Finds a person of one school by student number, by staff number or (a trainee) by resident ID number. */
@Component
class Holders {

    /** A student (or graduate), a staff member or a social training trainee: exactly one id is set. */
    record Holder(Long studentId, Long staffId, Long traineeId) {

        Holder(Long studentId, Long staffId) {
            this(studentId, staffId, null);
        }
    }

    private final JdbcClient jdbc;
    private final StudentDirectory students;
    private final OrganisationApi organisation;

    Holders(JdbcClient jdbc, StudentDirectory students, OrganisationApi organisation) {
        this.jdbc = jdbc;
        this.students = students;
        this.organisation = organisation;
    }

    Optional<Long> student(long schoolId, String number) {
        if (!StringUtils.hasText(number)) {
            return Optional.empty();
        }
        return students.studentId(schoolId, number.trim());
    }

    Optional<Long> staff(long schoolId, String number) {
        if (!StringUtils.hasText(number)) {
            return Optional.empty();
        }
        return organisation.staffId(schoolId, number.trim());
    }

    /** A trainee of the school's social training (table of the social module) by resident ID number. */
    Optional<Long> trainee(long schoolId, String idNumber) {
        String id = ResidentIds.normalise(idNumber);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM trainee WHERE school_id = :s AND id_number = :n")
                .param("s", schoolId)
                .param("n", id)
                .query(Long.class)
                .optional();
    }

    /** Whether the person holds a valid master honour (the condition for taking apprentices). */
    boolean isMaster(Holder h) {
        return jdbc.sql("SELECT COUNT(*) FROM certificate WHERE kind = 'MASTER' AND status = 'VALID' AND "
                                + (h.studentId() != null ? "student_id = :id" : "staff_id = :id"))
                        .param("id", h.studentId() != null ? h.studentId() : h.staffId())
                        .query(Long.class)
                        .single()
                > 0;
    }
}
