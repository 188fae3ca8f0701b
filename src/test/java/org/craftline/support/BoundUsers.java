package org.craftline.support;

import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Users of a test fixture bound as their role needs, signed in by the tests through their user names. */
public final class BoundUsers {

    private BoundUsers() {}

    /**
     * Inserts an enabled user (no usable password) named after the fixture's prefix and tag, the role
     * and its bindings, so a fixture removes its users by the tag; returns the user name.
     */
    public static String insert(
            JdbcClient jdbc, String prefix, String tag, String role, Long school, Long enterprise, Long student) {
        String name = (prefix + role + tag + "-" + school + "-" + enterprise + "-" + student).toLowerCase();
        jdbc.sql("""
                        INSERT INTO app_user (username, display_name, password_hash, role, school_id, enterprise_id,
                          student_id, enabled, created_at)
                        VALUES (:u, :u, '{noop}unused', :role, :school, :enterprise, :student, TRUE, :at)
                        """)
                .param("u", name)
                .param("role", role)
                .param("school", school)
                .param("enterprise", enterprise)
                .param("student", student)
                .param("at", OffsetDateTime.now())
                .update();
        return name;
    }
}
