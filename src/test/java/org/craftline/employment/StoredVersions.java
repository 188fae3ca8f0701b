package org.craftline.employment;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The version a reader of a graduate's destination at a point sees now (0: nothing recorded there). */
final class StoredVersions {

    private StoredVersions() {}

    static int destination(JdbcClient jdbc, long studentId, String point) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM destination WHERE student_id = :s AND follow_up = :p")
                .param("s", studentId)
                .param("p", point)
                .query(Integer.class)
                .single();
    }
}
