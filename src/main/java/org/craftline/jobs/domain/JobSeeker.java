package org.craftline.jobs.domain;

import java.util.Arrays;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in student or graduate as the job board sees it: its school, major and highest valid
 * SKILL certificate rank (0 学徒工 apprentice, -1 none). Only a STUDENT user bound to a student has one.
 */
public record JobSeeker(long studentId, long schoolId, long majorId, String majorCode, int skillRank) {

    static JobSeeker of(CurrentUser user, JdbcClient jdbc) {
        if (user.role() != Role.STUDENT || user.studentId() == null) {
            throw new AccessDeniedException("the job board is a student's own");
        }
        return jdbc.sql("""
                        SELECT s.id AS student_id, s.school_id, s.major_id, m.code AS major_code,
                          COALESCE((SELECT MAX(c.grade_rank) FROM certificate c WHERE c.student_id = s.id
                                    AND c.kind = 'SKILL' AND c.status = 'VALID'), -1) AS skill_rank
                        FROM student s JOIN major m ON m.id = s.major_id WHERE s.id = :s""").param("s", user.studentId()).query(JobSeeker.class).single();
    }

    /** A posting fits when it wants this major and asks no higher level than this one holds. */
    public boolean fits(PostingView posting) {
        boolean major = posting.majorCodes() != null
                && Arrays.asList(posting.majorCodes().split(",")).contains(majorCode);
        return major && (posting.minSkillRank() == null || posting.minSkillRank() <= skillRank);
    }

    /** The same rule in SQL on the posting alias {@code p}: 0 fits, 1 not (to order by). */
    static final String FIT_ORDER = "CASE WHEN EXISTS (SELECT 1 FROM posting_major pm WHERE pm.posting_id = p.id"
            + " AND pm.major_id = :seekerMajor) AND (p.min_skill_rank IS NULL OR p.min_skill_rank <= :seekerRank)"
            + " THEN 0 ELSE 1 END";
}
