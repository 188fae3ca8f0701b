package org.craftline.talent.domain;

import org.craftline.platform.StudentHoldings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A transferred student's certificates move with the student: their holder is the new record and
 * their school the new school (the column is the holder's school), so that the new school's figures
 * count them and the student sees them. The summaries' change log notes both schools.
 */
@Component
class TransferredCertificates implements StudentHoldings {

    private final JdbcClient jdbc;

    TransferredCertificates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String audited() {
        return "certificatesMoved";
    }

    @Override
    public int move(long fromStudentId, long toStudentId, long toSchoolId) {
        return jdbc.sql("UPDATE certificate SET student_id = :to, school_id = :school, version = version + 1"
                        + " WHERE student_id = :from")
                .param("to", toStudentId)
                .param("school", toSchoolId)
                .param("from", fromStudentId)
                .update();
    }
}
