package org.craftline.talent.domain;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Finds a person of one school by student number or by staff number. */
@Component
class Holders {

    /** A student (or graduate) or a staff member: exactly one id is set. */
    record Holder(Long studentId, Long staffId) {}

    private final JdbcClient jdbc;

    Holders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> student(long schoolId, String number) {
        if (!StringUtils.hasText(number)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM student WHERE school_id = :s AND student_number = :n")
                .param("s", schoolId)
                .param("n", number.trim())
                .query(Long.class)
                .optional();
    }

    Optional<Long> staff(long schoolId, String number) {
        if (!StringUtils.hasText(number)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM staff WHERE school_id = :s AND staff_number = :n")
                .param("s", schoolId)
                .param("n", number.trim())
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
