package org.craftline.platform.security;

import java.util.List;
import org.craftline.platform.StudentHoldings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A transferred student's account moves to its new record and school and is managed by the new
 * school from then on; its old sessions and tokens end (their scope changes).
 */
@Component
class MovedStudentLogins implements StudentHoldings {

    private final JdbcClient jdbc;
    private final AccessRevocation revocation;

    MovedStudentLogins(JdbcClient jdbc, AccessRevocation revocation) {
        this.jdbc = jdbc;
        this.revocation = revocation;
    }

    @Override
    public String audited() {
        return "loginsMoved";
    }

    @Override
    public int move(long fromStudentId, long toStudentId, long toSchoolId) {
        List<String> usernames = jdbc.sql("SELECT username FROM app_user WHERE student_id = :from ORDER BY id")
                .param("from", fromStudentId)
                .query(String.class)
                .list();
        jdbc.sql("UPDATE app_user SET student_id = :to, school_id = :school WHERE student_id = :from")
                .param("to", toStudentId)
                .param("school", toSchoolId)
                .param("from", fromStudentId)
                .update();
        usernames.forEach(revocation::endSessionsAndTokens);
        return usernames.size();
    }
}
