package org.craftline.students.domain;

import java.util.List;
import org.craftline.platform.ImportKind.KeyedProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An import brings students in with the status, major and entry year they have; for a stored student
 * it changes none of them. Those changes (休学, 转专业, 留级, 转学, 退学...) each need a reason, often a
 * document, and some a flow (a transfer's receiving school, graduation's check), so they are recorded
 * on the student's page or through the API ({@link StatusChanges}), where the history keeps them.
 */
@Component
class ImportedStatuses {

    private final JdbcClient jdbc;

    ImportedStatuses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<KeyedProblem> inImport(String staging, String importKey, int limit) {
        return jdbc.sql("SELECT i.school_id, i.student_number,"
                        + " CASE WHEN s.status <> i.status THEN 'status'"
                        + " WHEN s.major_id <> i.major_id THEN 'majorCode' ELSE 'entryYear' END AS col,"
                        + " CASE WHEN s.status <> i.status THEN i.status"
                        + " WHEN s.major_id <> i.major_id THEN '' ELSE CAST(i.entry_year AS VARCHAR(10)) END AS shown "
                        + StudentsMerge.match(staging)
                        + " AND (s.status <> i.status OR s.major_id <> i.major_id OR s.entry_year <> i.entry_year)"
                        + " ORDER BY i.school_id, i.student_number FETCH FIRST " + limit + " ROWS ONLY")
                .param("k", importKey)
                .query((rs, n) -> new KeyedProblem(
                        rs.getLong("school_id") + "/" + rs.getString("student_number"),
                        rs.getString("col"),
                        rs.getString("shown"),
                        "student.status.importChange"))
                .list();
    }
}
