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
import org.craftline.indicators.Summaries;
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

    /** The most students one graduation takes: a province's whole year fits. */
    public static final int MAX_STUDENTS = 200_000;

    /** Ids bound per statement: PostgreSQL takes at most 65,535 parameters in one. */
    static final int CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final AuditLog audit;
    private final Clock clock;
    private final Summaries summaries;
    private final GraduationCheck check;

    Graduations(
            JdbcClient jdbc, Tenancy tenancy, AuditLog audit, Clock clock, Summaries summaries, GraduationCheck check) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.audit = audit;
        this.clock = clock;
        this.summaries = summaries;
        this.check = check;
    }

    /**
     * Graduates the enrolled students of a class, or the chosen ones, with a graduation year. Those who
     * fail the graduation check leave with 结业, but the ones an administrator overrides (the listed
     * ones, or all) with a reason.
     */
    public record GraduationForm(
            Long classId,

            @jakarta.validation.constraints.Size(max = MAX_STUDENTS)
            List<Long> studentIds,

            @NotNull @Min(1990) @Max(2100) Integer year,

            @jakarta.validation.constraints.Size(max = MAX_STUDENTS)
            List<Long> overrides,

            Boolean overrideAll,

            @jakarta.validation.constraints.Size(max = 200) String overrideReason) {

        public GraduationForm(Long classId, List<Long> studentIds, Integer year) {
            this(classId, studentIds, year, null, null, null);
        }

        boolean overridesAny() {
            return Boolean.TRUE.equals(overrideAll) || (overrides != null && !overrides.isEmpty());
        }
    }

    /** What a graduation did: graduated (the overridden among them) and left with 结业. */
    public record Outcome(int graduated, int overridden, int completed) {}

    /** One cell of a cohort's destination table: how many graduates of a kind at a point. */
    public record CohortCell(String followUp, String kind, long graduates) {}

    /** The check of the students a graduation would take, before it is committed. */
    @Transactional(readOnly = true)
    public List<GraduationCheck.Result> preview(GraduationForm form) {
        return check.of(chunks(chosen(form, tenancy.scope())), form.year());
    }

    @Transactional
    public Outcome graduate(GraduationForm form) {
        Scope scope = tenancy.scope();
        List<Long> ids = chosen(form, scope);
        if (ids.isEmpty()) {
            throw new InvalidFieldException("studentIds", "graduation.none");
        }
        if (form.overridesAny()
                && (form.overrideReason() == null || form.overrideReason().isBlank())) {
            throw new InvalidFieldException("overrideReason", "graduation.overrideReason");
        }
        if (form.overrideReason() != null && form.overrideReason().strip().length() > 200) {
            throw new InvalidFieldException("overrideReason", "graduation.overrideReasonLength");
        }
        java.util.Set<Long> schools = new java.util.TreeSet<>();
        chunks(ids)
                .forEach(chunk -> schools.addAll(jdbc.sql("SELECT DISTINCT school_id FROM student WHERE id IN (:ids)")
                        .param("ids", chunk)
                        .query(Long.class)
                        .list()));
        schools.forEach(tenancy::checkAdministratorWrite);
        ids = stillEnrolled(ids);
        if (ids.isEmpty()) {
            throw new InvalidFieldException("studentIds", "graduation.none");
        }
        checkInOrder(ids, form.year());
        java.util.Set<Long> overridden =
                new java.util.HashSet<>(form.overrides() == null ? List.of() : form.overrides());
        List<Long> passed = new java.util.ArrayList<>();
        List<Long> excused = new java.util.ArrayList<>();
        List<Long> completed = new java.util.ArrayList<>();
        for (GraduationCheck.Result r : check.of(chunks(ids), form.year())) {
            (r.passed()
                            ? passed
                            : Boolean.TRUE.equals(form.overrideAll()) || overridden.contains(r.id())
                                    ? excused
                                    : completed)
                    .add(r.id());
        }
        LocalDate on = LocalDate.of(form.year(), 7, 1);
        leave(passed, "GRADUATED", "GRADUATE", form.year(), on, "graduation"); // shown in the page's language
        leave(excused, "GRADUATED", "GRADUATE", form.year(), on, form.overrideReason());
        leave(completed, "COMPLETED", "COMPLETE", form.year(), on, "graduationCheck");
        Map<String, Object> after = new HashMap<>();
        after.put("year", form.year());
        after.put("students", ids);
        after.put("overridden", excused);
        after.put("overrideReason", excused.isEmpty() ? null : form.overrideReason());
        after.put("completed", completed);
        audit.record(
                "GRADUATE",
                form.classId() != null ? "class" : "students",
                form.classId() != null ? String.valueOf(form.classId()) : ids.size() + " students",
                schools.size() == 1 ? schools.iterator().next() : null,
                null,
                after);
        return new Outcome(passed.size() + excused.size(), excused.size(), completed.size());
    }

    /**
     * Students leave the school graduated or with 结业, each with its history row and the year they
     * left in (a 结业 student stays a final-year student of that year for the internship rate).
     */
    private void leave(List<Long> ids, String status, String kind, Integer year, LocalDate on, String reason) {
        for (List<Long> chunk : chunks(ids)) {
            jdbc.sql("UPDATE student SET status = :status, graduation_year = :y, version = version + 1"
                            + " WHERE id IN (:ids)")
                    .param("status", status)
                    .param("y", year)
                    .param("ids", chunk)
                    .update();
            jdbc.sql("""
                            INSERT INTO student_status_change (student_id, status, kind, changed_on, reason, recorded_by,
                                   recorded_at)
                            SELECT id, :status, :kind, :on, :reason, :by, :at FROM student WHERE id IN (:ids)
                            """)
                    .param("status", status)
                    .param("kind", kind)
                    .param("on", on)
                    .param("reason", reason)
                    .param("by", tenancy.currentUser().username())
                    .param("at", OffsetDateTime.now(clock))
                    .param("ids", chunk)
                    .update();
        }
    }

    /** Graduation (1 July of the year) comes after enrolment and every earlier change, and not in a later year. */
    private void checkInOrder(List<Long> ids, int year) {
        if (year > LocalDate.now(clock).getYear()) {
            throw new InvalidFieldException("year", "graduation.future");
        }
        boolean early = chunks(ids).stream()
                .anyMatch(
                        chunk -> jdbc.sql("SELECT COUNT(*) FROM student s WHERE s.id IN (:ids) AND (s.entry_year >= :y"
                                                + " OR EXISTS (SELECT 1 FROM student_status_change c WHERE c.student_id = s.id"
                                                + " AND c.changed_on > :on))")
                                        .param("ids", chunk)
                                        .param("y", year)
                                        .param("on", LocalDate.of(year, 7, 1))
                                        .query(Long.class)
                                        .single()
                                > 0);
        if (early) {
            throw new InvalidFieldException("year", "graduation.beforeEnrolment");
        }
    }

    private List<Long> chosen(GraduationForm form, Scope scope) {
        String sql = "SELECT id FROM student WHERE %s AND status = 'ENROLLED' AND " + scope.sql("school_id");
        if (form.classId() != null) {
            return jdbc.sql(sql.formatted("class_id = :c"))
                    .params(scope.params())
                    .param("c", form.classId())
                    .query(Long.class)
                    .list();
        }
        List<Long> wanted = form.studentIds() == null ? List.of() : form.studentIds();
        List<Long> ids = new java.util.ArrayList<>();
        chunks(wanted)
                .forEach(chunk -> ids.addAll(jdbc.sql(sql.formatted("id IN (:ids)"))
                        .params(scope.params())
                        .param("ids", chunk)
                        .query(Long.class)
                        .list()));
        return ids;
    }

    /**
     * The chosen students locked and read again: a change of status committed since they were chosen
     * (a 休学, a transfer) takes them out rather than being overwritten by the graduation.
     */
    private List<Long> stillEnrolled(List<Long> ids) {
        List<Long> enrolled = new java.util.ArrayList<>();
        for (List<Long> chunk : chunks(ids)) {
            // the status is read again once each row's lock is held (a concurrent change has committed)
            enrolled.addAll(jdbc.sql("SELECT id FROM student WHERE id IN (:ids) AND status = 'ENROLLED'"
                            + " ORDER BY id FOR UPDATE")
                    .param("ids", chunk)
                    .query(Long.class)
                    .list());
        }
        return enrolled;
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        List<Long> distinct = ids.stream().distinct().toList();
        List<List<Long>> chunks = new java.util.ArrayList<>();
        for (int from = 0; from < distinct.size(); from += CHUNK) {
            chunks.add(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
        }
        return chunks;
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

    /** The code of the signed-in user's own school, or null for a user of no one school. */
    @Transactional(readOnly = true)
    public String ownSchoolCode() {
        Long schoolId = tenancy.currentUser().schoolId();
        return schoolId == null ? null : schoolCode(schoolId);
    }

    @Transactional(readOnly = true)
    public String schoolCode(long schoolId) {
        return jdbc.sql("SELECT code FROM school WHERE id = :id")
                .param("id", schoolId)
                .query(String.class)
                .single();
    }

    /** A class that has students to graduate. */
    public record ClassOption(long id, String name, int entryYear, long enrolled) {}

    /** A student who may be graduated. */
    public record Graduand(long id, String studentNumber, String name) {}

    /** The school's classes with enrolled students, oldest intake first. */
    @Transactional(readOnly = true)
    public List<ClassOption> classes(String schoolCode) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT c.id, c.name, c.entry_year, COUNT(*) AS enrolled FROM school_class c"
                        + " JOIN school sc ON sc.id = c.school_id JOIN student s ON s.class_id = c.id"
                        + " AND s.status = 'ENROLLED' WHERE sc.code = :school AND " + scope.sql("c.school_id")
                        + " GROUP BY c.id, c.name, c.entry_year ORDER BY c.entry_year, c.name")
                .params(scope.params())
                .param("school", schoolCode)
                .query(ClassOption.class)
                .list();
    }

    /** The enrolled students of a class in scope, by number. */
    @Transactional(readOnly = true)
    public List<Graduand> enrolled(long classId) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT id, student_number, name FROM student WHERE class_id = :c AND status = 'ENROLLED'"
                        + " AND " + scope.sql("school_id") + " ORDER BY school_id, student_number")
                .params(scope.params())
                .param("c", classId)
                .query(Graduand.class)
                .list();
    }

    /** A graduation year and how many graduated in it. */
    public record GraduationYear(int graduationYear, long graduates) {}

    /**
     * Graduates of the school by year, within scope: read from the cohort summary (a few rows a
     * year), brought up to date first, rather than counted from the school's students.
     */
    @Transactional(readOnly = true)
    public List<GraduationYear> years(String schoolCode) {
        Scope scope = tenancy.scope();
        summaries.current();
        // "year" is reserved on H2: the alias is the record's component name
        return jdbc.sql("SELECT y.graduation_year AS graduation_year, SUM(y.graduates) AS graduates"
                        + " FROM summary_cohort y JOIN school sc ON sc.id = y.school_id"
                        + " WHERE sc.code = :school AND " + scope.sql("y.school_id")
                        + " GROUP BY y.graduation_year ORDER BY y.graduation_year DESC")
                .params(scope.params())
                .param("school", schoolCode)
                .query(GraduationYear.class)
                .list();
    }
}
