package org.craftline.internships.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.craftline.platform.ImportKind.KeyedProblem;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules that look at other placements, judged again across the rows of one file once all are
 * staged: each row was checked against the records only, so two new rows of one student, or a
 * file's many interns at one unit or post, are found here, set-based. A share exceeded by the file
 * refuses a row unless it accepts the warnings with a reason; then the warning is kept with it.
 */
final class PlacementFileChecks {

    private static final String NEW = "NOT EXISTS (SELECT 1 FROM internship p WHERE " + PlacementStaging.MATCH + ")";
    private static final String NEW_O = "NOT EXISTS (SELECT 1 FROM internship p WHERE p.school_id = o.school_id"
            + " AND p.student_id = o.student_id AND p.enterprise_id = o.enterprise_id AND p.starts_on = o.starts_on)";
    private static final String OVERLAPS =
            "o.import_key = i.import_key AND o.starts_on <= i.ends_on" + " AND o.ends_on >= i.starts_on AND " + NEW_O;
    private static final String RECORDED = "SELECT COUNT(*) FROM internship p WHERE p.kind = 'POST'"
            + " AND p.enterprise_id = i.enterprise_id AND p.status <> 'ENDED_EARLY' AND p.starts_on <= i.ends_on"
            + " AND COALESCE(p.ended_on, p.ends_on) >= i.starts_on";

    private final JdbcClient jdbc;
    private final String key;
    private final String staging;

    PlacementFileChecks(JdbcClient jdbc, String key, String staging) {
        this.jdbc = jdbc;
        this.key = key;
        this.staging = staging;
    }

    /** New 岗位实习 rows whose unit's interns over their period, recorded and in the file, pass 10% of its staff. */
    private String unitShare() {
        return "EXISTS (SELECT 1 FROM enterprise e WHERE e.id = i.enterprise_id"
                + " AND e.staff_count > 0 AND (" + RECORDED + ") + (SELECT COUNT(*) FROM " + staging + " o WHERE "
                + OVERLAPS + " AND o.kind = 'POST' AND o.enterprise_id = i.enterprise_id) > e.staff_count * 0.1)";
    }

    /** New 岗位实习 rows whose post's interns, recorded and in the file, pass 20% of the post's staff. */
    private String postShare() {
        return "(" + RECORDED + " AND LOWER(p.post) = LOWER(i.post))"
                + " + (SELECT COUNT(*) FROM " + staging + " o WHERE " + OVERLAPS + " AND o.kind = 'POST'"
                + " AND o.enterprise_id = i.enterprise_id AND LOWER(o.post) = LOWER(i.post)) > i.post_headcount * 0.2";
    }

    List<KeyedProblem> problems(int limit) {
        List<KeyedProblem> problems = new ArrayList<>();
        problems.addAll(select(
                "JOIN internship p ON " + PlacementStaging.MATCH + " WHERE NOT (" + PlacementStaging.SAME + ")",
                limit,
                "studentNumber",
                "internship.import.changed"));
        problems.addAll(select(
                "WHERE " + NEW + " AND EXISTS (SELECT 1 FROM " + staging + " o WHERE " + OVERLAPS
                        + " AND o.student_id = i.student_id"
                        + " AND NOT (o.enterprise_id = i.enterprise_id AND o.starts_on = i.starts_on))",
                limit,
                Rule.OVERLAP.field(),
                Rule.OVERLAP.messageKey()));
        for (Rule share : List.of(Rule.UNIT_SHARE, Rule.POST_SHARE)) {
            problems.addAll(select(
                    "WHERE " + shareExceeded(share) + " AND i.acceptance_reason IS NULL",
                    limit,
                    PlacementCells.column(share.field()),
                    share.messageKey()));
        }
        return problems.subList(0, Math.min(limit, problems.size()));
    }

    /** Keeps with each accepting row the shares its file exceeds, and no reason where nothing was accepted. */
    void settleAcceptances() {
        for (Rule share : List.of(Rule.UNIT_SHARE, Rule.POST_SHARE)) {
            jdbc.sql("UPDATE " + staging + " i SET accepted_warnings = CASE WHEN i.accepted_warnings IS NULL"
                            + " THEN :rule ELSE i.accepted_warnings || ',' || :rule END WHERE i.import_key = :k"
                            + " AND (i.accepted_warnings IS NULL OR i.accepted_warnings NOT LIKE :like) AND "
                            + shareExceeded(share))
                    .param("rule", share.name())
                    .param("like", "%" + share.name() + "%")
                    .param("k", key)
                    .update();
        }
        jdbc.sql("UPDATE " + staging + " SET acceptance_reason = NULL WHERE import_key = :k"
                        + " AND accepted_warnings IS NULL")
                .param("k", key)
                .update();
    }

    private String shareExceeded(Rule share) {
        return "i.kind = 'POST' AND " + NEW + " AND " + (share == Rule.UNIT_SHARE ? unitShare() : postShare());
    }

    private List<KeyedProblem> select(String where, int limit, String column, String messageKey) {
        return jdbc.sql("SELECT i.student_id, i.enterprise_id, i.starts_on FROM " + staging + " i " + where
                        + " AND i.import_key = :k"
                        + " FETCH FIRST " + limit + " ROWS ONLY")
                .param("k", key)
                .query((rs, n) -> new KeyedProblem(staged(rs), column, "", messageKey))
                .list();
    }

    /** The staged key of a row, as {@link PlacementImportRun} gives it. */
    static String staged(ResultSet rs) throws SQLException {
        return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getObject(3, LocalDate.class);
    }
}
