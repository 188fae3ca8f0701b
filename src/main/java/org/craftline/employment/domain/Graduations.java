package org.craftline.employment.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Graduating a class or chosen students in one audited action, and the cohort's destinations. */
@Service
public class Graduations {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;

    Graduations(JdbcClient jdbc, Tenancy tenancy, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
    }

    /** Graduates the enrolled students of a class, or the chosen ones, with a graduation year. */
    public record GraduationForm(
            Long classId,
            List<Long> studentIds,
            @NotNull @Min(1990) @Max(2100) Integer year) {}

    /** One cell of a cohort's destination table: how many graduates of a kind at a point. */
    public record CohortCell(String followUp, String kind, long graduates) {}

    @Transactional
    public int graduate(GraduationForm form) {
        Scope scope = tenancy.scope();
        List<Long> ids = chosen(form, scope);
        if (ids.isEmpty()) {
            throw new InvalidFieldException("studentIds", "graduation.none");
        }
        List<Long> schools = jdbc.sql("SELECT DISTINCT school_id FROM student WHERE id IN (:ids)")
                .param("ids", ids)
                .query(Long.class)
                .list();
        schools.forEach(tenancy::checkAdministratorWrite);
        jdbc.sql("UPDATE student SET status = 'GRADUATED', graduation_year = :y WHERE id IN (:ids)")
                .param("y", form.year())
                .param("ids", ids)
                .update();
        jdbc.sql("""
                        INSERT INTO student_status_change (student_id, status, changed_on, reason, recorded_by, recorded_at)
                        SELECT id, 'GRADUATED', :on, :reason, :by, :at FROM student WHERE id IN (:ids)
                        """)
                .param("on", LocalDate.of(form.year(), 7, 1))
                .param("reason", "毕业 " + form.year())
                .param("by", tenancy.currentUser().username())
                .param("at", OffsetDateTime.now(clock))
                .param("ids", ids)
                .update();
        Map<String, Object> after = new HashMap<>();
        after.put("year", form.year());
        after.put("students", ids);
        audit.record(
                "GRADUATE",
                form.classId() != null ? "class" : "students",
                form.classId() != null ? String.valueOf(form.classId()) : ids.size() + " students",
                schools.size() == 1 ? schools.get(0) : null,
                null,
                after);
        return ids.size();
    }

    private List<Long> chosen(GraduationForm form, Scope scope) {
        String condition = form.classId() != null ? "class_id = :c" : "id IN (:ids)";
        var spec = jdbc.sql("SELECT id FROM student WHERE " + condition + " AND status = 'ENROLLED' AND "
                        + scope.sql("school_id"))
                .params(scope.params());
        if (form.classId() != null) {
            spec = spec.param("c", form.classId());
        } else {
            spec = spec.param(
                    "ids", form.studentIds() == null || form.studentIds().isEmpty() ? List.of(-1L) : form.studentIds());
        }
        return spec.query(Long.class).list();
    }

    /** Destinations of one graduation year by follow-up point and kind, within scope. */
    @Transactional(readOnly = true)
    public List<CohortCell> cohort(String schoolCode, int year) {
        Scope scope = tenancy.scope();
        return jdbc.sql(
                        "SELECT d.follow_up, d.kind, COUNT(*) AS graduates FROM destination d JOIN school sc ON sc.id = d.school_id"
                                + " WHERE d.graduation_year = :y AND sc.code = :school AND " + scope.sql("d.school_id")
                                + " GROUP BY d.follow_up, d.follow_up_rank, d.kind ORDER BY d.follow_up_rank, d.kind")
                .params(scope.params())
                .param("y", year)
                .param("school", schoolCode)
                .query(CohortCell.class)
                .list();
    }

    @Transactional(readOnly = true)
    public String schoolCode(long schoolId) {
        return jdbc.sql("SELECT code FROM school WHERE id = :id")
                .param("id", schoolId)
                .query(String.class)
                .single();
    }

    /** A graduation year and how many graduated in it. */
    public record GraduationYear(int graduationYear, long graduates) {}

    /** Graduates of the school by year, within scope. */
    @Transactional(readOnly = true)
    public List<GraduationYear> years(String schoolCode) {
        Scope scope = tenancy.scope();
        // "year" is reserved on H2: the alias is the record's component name
        return jdbc.sql("SELECT s.graduation_year AS graduation_year, COUNT(*) AS graduates FROM student s"
                        + " JOIN school sc ON sc.id = s.school_id"
                        + " WHERE s.graduation_year IS NOT NULL AND sc.code = :school AND "
                        + scope.sql("s.school_id")
                        + " GROUP BY s.graduation_year ORDER BY s.graduation_year DESC")
                .params(scope.params())
                .param("school", schoolCode)
                .query(GraduationYear.class)
                .list();
    }
}
