package org.craftline.social.domain;

import java.util.List;
import org.craftline.platform.AuditLog;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The cohorts of the programmes in scope, found by their code (unique within a school; a user who
 * sees several schools names the school when two share a code).
 */
@Service
public class Cohorts {

    static final String SELECT = "c.id, sc.code AS school_code, sc.name AS school_name, p.id AS programme_id,"
            + " p.name AS programme_name, p.kind AS programme_kind, p.hours AS programme_hours, c.code, c.starts_on,"
            + " c.ends_on, c.place, COUNT(e.id) AS enrolled,"
            + " COUNT(CASE WHEN e.completed THEN 1 END) AS completed,"
            + " COUNT(CASE WHEN e.completed AND e.employed THEN 1 END) AS employed";
    static final String FROM =
            "cohort c JOIN programme p ON p.id = c.programme_id JOIN school sc ON sc.id = c.school_id"
                    + " LEFT JOIN enrolment e ON e.cohort_id = c.id";
    static final String GROUP = " GROUP BY c.id, sc.code, sc.name, p.id, p.name, p.kind, p.hours, c.code, c.starts_on,"
            + " c.ends_on, c.place";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Programmes programmes;

    Cohorts(JdbcClient jdbc, Tenancy tenancy, AuditLog audit, Programmes programmes) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.programmes = programmes;
    }

    /** A programme's cohorts, newest first, with their counts in one query. */
    @Transactional(readOnly = true)
    public List<CohortView> ofProgramme(long programmeId) {
        programmes.get(programmeId);
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE c.programme_id = :p" + GROUP
                        + " ORDER BY c.starts_on DESC, c.code")
                .param("p", programmeId)
                .query(CohortView.class)
                .list();
    }

    /** The cohort of the given code in the user's schools (in the named school when given). */
    @Transactional(readOnly = true)
    public CohortView byCode(String code, String schoolCode) {
        Scope scope = tenancy.scope();
        return jdbc
                .sql("SELECT " + SELECT + " FROM " + FROM + " WHERE c.code = :code AND " + scope.sql("c.school_id")
                        + (StringUtils.hasText(schoolCode) ? " AND sc.code = :school" : "") + GROUP
                        + " ORDER BY sc.code FETCH FIRST 2 ROWS ONLY")
                .params(scope.params())
                .param("code", code)
                .params(StringUtils.hasText(schoolCode) ? java.util.Map.of("school", schoolCode) : java.util.Map.of())
                .query(CohortView.class)
                .list()
                .stream()
                .reduce((a, b) -> {
                    // two schools in the user's scope use the code: the school must be named
                    throw new InvalidFieldException("school", "school.required");
                })
                .orElseThrow(() -> new NotFoundException("cohort", code));
    }

    @Transactional
    public CohortView create(long programmeId, CohortForm form) {
        ProgrammeView programme = programmes.get(programmeId);
        long schoolId = programmes.schoolIdOf(programmeId);
        tenancy.checkAdministratorWrite(schoolId);
        if (form.endsOn().isBefore(form.startsOn())) {
            throw new InvalidFieldException("endsOn", "cohort.period");
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                            INSERT INTO cohort (school_id, programme_id, code, starts_on, ends_on, place)
                            VALUES (:school, :programme, :code, :starts, :ends, :place)
                            """)
                    .param("school", schoolId)
                    .param("programme", programmeId)
                    .param("code", form.code().strip())
                    .param("starts", form.startsOn())
                    .param("ends", form.endsOn())
                    .param(
                            "place",
                            StringUtils.hasText(form.place()) ? form.place().strip() : null)
                    .update(keys, "id");
        } catch (DuplicateKeyException e) {
            throw new ConflictException("cohort.code.taken", "code", "cohort code already used");
        }
        CohortView created = byCode(form.code().strip(), programme.schoolCode());
        audit.created("cohort", created.code(), schoolId, created);
        return created;
    }

    /** What an enrolment's rules need of a cohort in scope. */
    CohortRef ref(CohortView c) {
        long schoolId = jdbc.sql("SELECT school_id FROM cohort WHERE id = :id")
                .param("id", c.id())
                .query(Long.class)
                .single();
        return new CohortRef(c.id(), schoolId, c.code(), c.startsOn(), c.endsOn(), c.programmeHours());
    }
}
