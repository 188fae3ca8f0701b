package org.craftline.employment.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 结业换发毕业证书: a student who left with 结业 and has since met the graduation conditions (a make-up
 * exam passed, a post internship completed) graduates on a later day, with the number of the school's
 * decision. The check is the graduation's own ({@link GraduationCheck}), read again under the students'
 * locks; there is no override here, the override belongs to the graduation itself. The student keeps
 * the graduation year they left in, so the cohort figures of that year count them.
 */
@Service
public class MakeUpGraduations {

    /** The students one make-up graduation takes, and the most a school's list shows. */
    public static final int MAX_STUDENTS = 500;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;
    private final GraduationCheck check;

    MakeUpGraduations(JdbcClient jdbc, Tenancy tenancy, AuditLog audit, Clock clock, GraduationCheck check) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
        this.check = check;
    }

    /** The students to graduate, the day and the school's decision (its number). */
    public record MakeUpForm(
            @NotEmpty @Size(max = MAX_STUDENTS) List<Long> studentIds,
            @NotNull LocalDate graduatedOn,
            @NotBlank @Size(max = 100) String document) {}

    /** What a make-up graduation did: who graduated, and who still fails the check (left as they were). */
    public record Outcome(List<Long> graduated, List<Long> stillFailing) {}

    /** A school's students who left with 结业, newest leaving year first, with the check as of today. */
    @Transactional(readOnly = true)
    public List<GraduationCheck.Result> completed(String schoolCode) {
        Scope scope = tenancy.scope();
        List<Long> ids = jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :school AND s.status = 'COMPLETED' AND " + scope.sql("s.school_id")
                        + " ORDER BY s.graduation_year DESC, s.student_number FETCH FIRST " + MAX_STUDENTS
                        + " ROWS ONLY")
                .params(scope.params())
                .param("school", schoolCode)
                .query(Long.class)
                .list();
        return ids.isEmpty()
                ? List.of()
                : check.of(List.of(ids), LocalDate.now(clock).getYear());
    }

    @Transactional
    public Outcome graduate(MakeUpForm form) {
        Scope scope = tenancy.scope();
        List<Long> ids = jdbc.sql("SELECT id FROM student WHERE id IN (:ids) AND " + scope.sql("school_id"))
                .params(scope.params())
                .param("ids", form.studentIds().stream().distinct().toList())
                .query(Long.class)
                .list();
        if (ids.isEmpty()) {
            throw new InvalidFieldException("studentIds", "graduation.makeUp.none");
        }
        List<Long> schools = jdbc.sql("SELECT DISTINCT school_id FROM student WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .list();
        schools.forEach(tenancy::checkAdministratorWrite);
        if (form.graduatedOn().isAfter(LocalDate.now(clock))) {
            throw new InvalidFieldException("graduatedOn", "student.status.future");
        }
        // read again under the rows' locks: a change committed meanwhile takes a student out
        List<Long> locked = jdbc.sql("SELECT id FROM student WHERE id IN (:ids) AND status = 'COMPLETED'"
                        + " ORDER BY id FOR UPDATE")
                .param("ids", ids)
                .query(Long.class)
                .list();
        if (locked.isEmpty()) {
            throw new InvalidFieldException("studentIds", "graduation.makeUp.none");
        }
        boolean beforeLast = jdbc.sql("SELECT COUNT(*) FROM student_status_change WHERE student_id IN (:ids)"
                                + " AND changed_on > :on")
                        .param("ids", locked)
                        .param("on", form.graduatedOn())
                        .query(Long.class)
                        .single()
                > 0;
        if (beforeLast) {
            throw new InvalidFieldException("graduatedOn", "student.status.beforeLast");
        }
        List<Long> passed = new ArrayList<>();
        List<Long> failing = new ArrayList<>();
        for (GraduationCheck.Result r :
                check.of(List.of(locked), form.graduatedOn().getYear())) {
            (r.passed() ? passed : failing).add(r.id());
        }
        if (!passed.isEmpty()) {
            jdbc.sql("UPDATE student SET status = 'GRADUATED', version = version + 1 WHERE id IN (:ids)")
                    .param("ids", passed)
                    .update();
            jdbc.sql("""
                            INSERT INTO student_status_change (student_id, status, kind, changed_on, reason, document,
                                   recorded_by, recorded_at)
                            SELECT id, 'GRADUATED', 'GRADUATE', :on, 'makeUp', :document, :by, :at
                            FROM student WHERE id IN (:ids)
                            """)
                    .param("on", form.graduatedOn())
                    .param("document", form.document().strip())
                    .param("by", tenancy.currentUser().username())
                    .param("at", OffsetDateTime.now(clock))
                    .param("ids", passed)
                    .update();
            audit.record(
                    "GRADUATE_MAKE_UP",
                    "student",
                    passed.size() + " students",
                    schools.size() == 1 ? schools.get(0) : null,
                    null,
                    Map.of(
                            "students",
                            passed,
                            "stillFailing",
                            failing,
                            "graduatedOn",
                            form.graduatedOn().toString(),
                            "document",
                            form.document().strip()));
        }
        return new Outcome(passed, failing);
    }
}
