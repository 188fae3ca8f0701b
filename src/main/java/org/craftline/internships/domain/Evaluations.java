package org.craftline.internships.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Role;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evaluation at a placement's end: the enterprise mentor files its grade first, then the school
 * files its own, which is the placement's grade (FAIL does not pass). A unit without an account of
 * its own (most small workshops) cannot file: then the school files alone, with the mentor's word
 * on paper in its comment. Filed only once the placement
 * may be evaluated ({@link Stages#evaluationOpen}); the mentor's grade is fixed once the school filed.
 */
@Service
public class Evaluations {

    private static final String SELECT = "SELECT mentor_grade, mentor_comment, mentor_by, mentor_at, school_grade,"
            + " school_comment, school_by, school_at, passed, version FROM internship_evaluation"
            + " WHERE internship_id = :id";

    private final JdbcClient jdbc;
    private final PlacementQueries placements;
    private final InternshipAccess access;
    private final EditVersions versions;
    private final AuditLog audit;
    private final Clock clock;

    Evaluations(
            JdbcClient jdbc,
            PlacementQueries placements,
            InternshipAccess access,
            EditVersions versions,
            AuditLog audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.placements = placements;
        this.access = access;
        this.versions = versions;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EvaluationView get(long internshipId) {
        placements.get(internshipId);
        return stored(internshipId);
    }

    /** Whether the placement may be evaluated today. */
    @Transactional(readOnly = true)
    public boolean open(long internshipId) {
        PlacementView p = placements.get(internshipId);
        return Stages.evaluationOpen(p.status(), p.endsOn(), LocalDate.now(clock));
    }

    @Transactional
    public EvaluationView fileMentor(long internshipId, EvaluationForm form) {
        EvaluationView before = claim(internshipId, form.version(), Role.ENTERPRISE);
        if (before.schoolFiled()) {
            throw new InvalidFieldException("grade", "internship.evaluation.schoolFiled");
        }
        jdbc.sql("UPDATE internship_evaluation SET mentor_grade = :grade, mentor_comment = :comment, mentor_by = :by,"
                        + " mentor_at = :at WHERE internship_id = :id")
                .params(filed(internshipId, form))
                .update();
        return audited(internshipId, before);
    }

    @Transactional
    public EvaluationView fileSchool(long internshipId, EvaluationForm form) {
        EvaluationView before = claim(internshipId, form.version(), null);
        if (!before.mentorFiled() && unitHasAccount(internshipId)) {
            throw new InvalidFieldException("grade", "internship.evaluation.mentorFirst");
        }
        jdbc.sql("UPDATE internship_evaluation SET school_grade = :grade, school_comment = :comment, school_by = :by,"
                        + " school_at = :at, passed = :passed WHERE internship_id = :id")
                .params(filed(internshipId, form))
                .param("passed", form.grade().passes())
                .update();
        return audited(internshipId, before);
    }

    /** Checks the filer (the enterprise, or the school when {@code role} is null), the stage and the version. */
    private EvaluationView claim(long internshipId, Integer version, Role role) {
        if (!open(internshipId)) {
            throw new InvalidFieldException("grade", "internship.evaluation.notYet");
        }
        if (role == null) {
            access.checkSchoolWrite(placements.schoolOf(internshipId));
        } else if (access.user().role() != role) {
            throw new AccessDeniedException("the enterprise mentor files the mentor's grade");
        }
        EvaluationView before = stored(internshipId);
        if (before == EvaluationView.NONE) {
            jdbc.sql("INSERT INTO internship_evaluation (internship_id) VALUES (:id)")
                    .param("id", internshipId)
                    .update();
        }
        String key = String.valueOf(internshipId);
        versions.claim("internship_evaluation", "internship_id", internshipId, version, "internship_evaluation", key);
        return before;
    }

    private java.util.Map<String, Object> filed(long internshipId, EvaluationForm form) {
        var values = new java.util.HashMap<String, Object>();
        values.put("grade", form.grade().name());
        values.put(
                "comment",
                form.comment() == null || form.comment().isBlank()
                        ? null
                        : form.comment().strip());
        values.put("by", access.user().username());
        values.put("at", OffsetDateTime.now(clock));
        values.put("id", internshipId);
        return values;
    }

    private EvaluationView stored(long internshipId) {
        return jdbc.sql(SELECT)
                .param("id", internshipId)
                .query(EvaluationView.class)
                .optional()
                .orElse(EvaluationView.NONE);
    }

    private EvaluationView audited(long internshipId, EvaluationView before) {
        EvaluationView after = stored(internshipId);
        audit.updated(
                "internship_evaluation",
                String.valueOf(internshipId),
                placements.schoolOf(internshipId),
                before,
                after);
        return after;
    }

    private boolean unitHasAccount(long internshipId) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user u JOIN internship i ON i.enterprise_id = u.enterprise_id"
                                + " WHERE i.id = :id AND u.enabled = TRUE")
                        .param("id", internshipId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
