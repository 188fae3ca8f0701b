package org.craftline.development.domain;

import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/** Finds the person an honour belongs to by student or staff number within the school. */
@Component
class HonourHolders {

    record Holder(Long studentId, Long staffId) {}

    private final JdbcClient jdbc;

    HonourHolders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Holder resolve(long schoolId, String studentNumber, String staffNumber) {
        boolean student = StringUtils.hasText(studentNumber);
        boolean staff = StringUtils.hasText(staffNumber);
        if (student && staff) {
            throw new InvalidFieldException("staffNumber", "honour.holder.both");
        }
        if (student) {
            return new Holder(
                    id("student", "student_number", schoolId, studentNumber)
                            .orElseThrow(() -> new InvalidFieldException("studentNumber", "honour.student.unknown")),
                    null);
        }
        if (staff) {
            return new Holder(
                    null,
                    id("staff", "staff_number", schoolId, staffNumber)
                            .orElseThrow(() -> new InvalidFieldException("staffNumber", "honour.staff.unknown")));
        }
        return new Holder(null, null);
    }

    private java.util.Optional<Long> id(String table, String column, long schoolId, String number) {
        return jdbc.sql("SELECT id FROM " + table + " WHERE school_id = :s AND " + column + " = :n")
                .param("s", schoolId)
                .param("n", number.strip())
                .query(Long.class)
                .optional();
    }
}
