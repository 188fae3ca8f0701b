package org.craftline.jobs.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people recommended for a posting, ranked by {@link Ranking} with their reasons. Only the
 * students of the viewer's school: a school user's own, a unit's the school that made its account
 * (masked). Never one who opted out, already applied, or whose school hid the posting; never more
 * than the posting's headcount × 5. "Local": the unit's county is the county of the student's
 * school (the rule of local employment; the student's household records no place).
 */
@Service
public class Recommendations {

    // the candidates come from two indexed sets (a wanted major; a latest destination without work),
    // never from a scan of the school's students
    private static final String FACTS = """
            SELECT s.id AS student_id, s.student_number, s.name, m.name AS major_name, s.graduation_year,
              COALESCE((SELECT MAX(c.grade_rank) FROM certificate c WHERE c.student_id = s.id AND c.kind = 'SKILL'
                        AND c.status = 'VALID'), -1) AS skill_rank,
              CASE WHEN p.min_skill_rank IS NULL THEN 0 ELSE 1 END AS level_wanted,
              CASE WHEN s.major_id IN (SELECT pm.major_id FROM posting_major pm WHERE pm.posting_id = p.id)
                    AND (p.min_skill_rank IS NULL OR EXISTS (SELECT 1 FROM certificate c WHERE c.student_id = s.id
                         AND c.kind = 'SKILL' AND c.status = 'VALID' AND c.grade_rank >= p.min_skill_rank))
                   THEN 1 ELSE 0 END AS fits,
              CASE WHEN sc.region_id = e.region_id THEN 1 ELSE 0 END AS local_unit,
              CASE WHEN s.status = 'GRADUATED' AND EXISTS (SELECT 1 FROM destination d WHERE d.student_id = s.id
                        AND d.latest = TRUE AND d.kind IN ('UNEMPLOYED', 'UNKNOWN'))
                   THEN 1 ELSE 0 END AS jobless
            FROM (SELECT s0.id FROM student s0 WHERE %1$s
                    AND s0.major_id IN (SELECT major_id FROM posting_major WHERE posting_id = :posting)
                  UNION
                  SELECT d0.student_id FROM destination d0 WHERE %2$s
                    AND d0.latest = TRUE AND d0.kind IN ('UNEMPLOYED', 'UNKNOWN')) cand
            JOIN student s ON s.id = cand.id
            JOIN school sc ON sc.id = s.school_id
            JOIN major m ON m.id = s.major_id
            JOIN posting p ON p.id = :posting
            JOIN enterprise e ON e.id = p.enterprise_id
            WHERE s.status IN ('ENROLLED', 'GRADUATED')
              AND NOT EXISTS (SELECT 1 FROM job_recommendation_optout o WHERE o.student_id = s.id)
              AND NOT EXISTS (SELECT 1 FROM posting_hidden h WHERE h.posting_id = p.id AND h.school_id = s.school_id)
              AND NOT EXISTS (SELECT 1 FROM job_application a WHERE a.posting_id = p.id AND a.student_id = s.id)
            """;
    private static final String SHOWN = " WHERE r.fits = 1 OR r.jobless = 1";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final PostingQueries postings;

    Recommendations(JdbcClient jdbc, Tenancy tenancy, PostingQueries postings) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.postings = postings;
    }

    @Transactional(readOnly = true)
    public RecommendationList forPosting(long postingId, PageQuery page) {
        CurrentUser user = tenancy.currentUser();
        Scope scope = viewerSchools(user);
        PostingView posting = postings.get(postingId);
        boolean masked = user.role() == Role.ENTERPRISE;
        return new RecommendationList(
                posting,
                Ranking.cap(posting.headcount()),
                masked,
                ranked(postingId, posting.headcount(), scope, masked, page));
    }

    /** The ranked people of the schools in scope, at most headcount × 5 in all. */
    Paged<Recommendation> ranked(long postingId, int headcount, Scope scope, boolean masked, PageQuery page) {
        String facts = FACTS.formatted(scope.sql("s0.school_id"), scope.sql("d0.school_id"));
        long found = jdbc.sql("SELECT COUNT(*) FROM (" + facts + ") r" + SHOWN)
                .params(scope.params())
                .param("posting", postingId)
                .query(Long.class)
                .single();
        long total = Math.min(found, Ranking.cap(headcount));
        page.checkWithin(total);
        var people = jdbc.sql("SELECT r.* FROM (" + facts + ") r" + SHOWN + " ORDER BY "
                        + Ranking.orderSql("r.fits", "r.local_unit", "r.jobless", "r.skill_rank", "r.student_id")
                        + " LIMIT :pageLimit OFFSET :pageOffset")
                .params(scope.params())
                .param("posting", postingId)
                .param("pageLimit", Math.max(0, Math.min(page.size(), total - page.offset())))
                .param("pageOffset", page.offset())
                .query((rs, i) -> person(rs, (int) page.offset() + i + 1, masked))
                .list();
        return new Paged<>(people, page.page(), page.size(), total);
    }

    /** The schools whose students the viewer may be shown; refuses those who see no recommendations. */
    private Scope viewerSchools(CurrentUser user) {
        return switch (user.role()) {
            case SYSTEM_ADMIN, SCHOOL_ADMIN, STAFF -> tenancy.scope();
            case ENTERPRISE ->
                user.enterpriseId() == null || user.schoolId() == null
                        ? Scope.nothing()
                        : new Scope(false, Set.of(user.schoolId()), true);
            default -> throw new AccessDeniedException("recommendations are for the unit and the students' school");
        };
    }

    private static Recommendation person(ResultSet rs, int rank, boolean masked) throws SQLException {
        var candidate = new Ranking.Candidate(
                rs.getLong("student_id"),
                rs.getInt("fits") == 1,
                rs.getInt("level_wanted") == 1,
                rs.getInt("local_unit") == 1,
                rs.getInt("jobless") == 1,
                rs.getInt("skill_rank"));
        return new Recommendation(
                rank,
                masked ? null : rs.getString("student_number"),
                rs.getString("name"),
                rs.getString("major_name"),
                rs.getObject("graduation_year", Integer.class),
                candidate.skillRank(),
                Ranking.reasons(candidate));
    }
}
