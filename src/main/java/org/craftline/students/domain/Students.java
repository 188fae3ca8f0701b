package org.craftline.students.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.InvalidFieldsException;
import org.craftline.shared.Keyset;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.SqlVendor;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Students of the schools in scope. ID numbers and phones leave this service masked; only an
 * administrator's deliberate reveal shows them, and every reveal is audited.
 */
@Service
public class Students {

    static final String SELECT = "s.id, sc.code AS school_code, sc.name AS school_name, s.student_number, s.name,"
            + " s.id_number, s.gender, EXTRACT(YEAR FROM s.birth_date) AS birth_year, s.birth_date, s.household, s.phone, m.code AS major_code, m.name AS major_name,"
            + " c.name AS class_name, s.entry_year, s.status, s.national_number, s.full_time, s.version";
    static final String FROM = "student s JOIN school sc ON sc.id = s.school_id JOIN major m ON m.id = s.major_id"
            + " LEFT JOIN school_class c ON c.id = s.class_id";

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final OrganisationApi organisation;
    private final AuditLog audit;
    private final Clock clock;
    private final IdNumberHolders holders;
    private final EditVersions versions;

    Students(
            JdbcClient jdbc,
            Tenancy tenancy,
            OrganisationApi organisation,
            AuditLog audit,
            Clock clock,
            IdNumberHolders holders,
            EditVersions versions) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
        this.organisation = organisation;
        this.audit = audit;
        this.clock = clock;
        this.holders = holders;
        this.versions = versions;
    }

    public record Filter(
            String schoolCode,
            Long classId,
            String majorCode,
            Integer entryYear,
            StudentStatus status,
            String q,
            Boolean registered,
            Registrations.Season intake) {}

    /** An intake (see {@link Registrations}): the students in school whose enrolment falls in its season. */
    private static final String SPRING_ENROLMENT = "EXISTS (SELECT 1 FROM student_status_change e WHERE e.student_id"
            + " = s.id AND e.kind = 'ENROL' AND " + Registrations.springEnrolment("e.changed_on") + ")";

    @Transactional(readOnly = true)
    public Paged<StudentView> list(Filter f, PageQuery page) {
        return list(f, page, null);
    }

    /**
     * A page of the students in scope, ordered by school and student number (by name for a name
     * search), read after the student {@code after} when given (keyset, see {@link Keyset}). The
     * filters name the school and the major by subquery, so that the total is counted on the
     * student table alone.
     */
    @Transactional(readOnly = true)
    public Paged<StudentView> list(Filter f, PageQuery page, Long after) {
        Scope scope = tenancy.scope();
        boolean postgres = SqlVendor.postgres(jdbc);
        Where where = Where.of(scope.sql("s.school_id"), scope.params())
                .and("s.school_id = (SELECT x.id FROM school x WHERE x.code = :school)", "school", f.schoolCode())
                .and("s.class_id = :classId", "classId", f.classId())
                .and("s.major_id = (SELECT x.id FROM major x WHERE x.code = :major)", "major", f.majorCode())
                .and("s.entry_year = :year", "year", f.entryYear())
                .and(
                        "s.status = :status",
                        "status",
                        f.status() == null ? null : f.status().name())
                .andIf(Boolean.FALSE.equals(f.registered()), "s.national_number IS NULL")
                .andIf(Boolean.TRUE.equals(f.registered()), "s.national_number IS NOT NULL")
                .andIf(f.intake() != null, Registrations.IN_SCHOOL)
                .andIf(f.intake() == Registrations.Season.SPRING, SPRING_ENROLMENT)
                .andIf(f.intake() == Registrations.Season.AUTUMN, "NOT " + SPRING_ENROLMENT);
        where = StudentSearch.apply(where, f.q(), postgres);
        Keyset<StudentView> keyset =
                new Keyset<>(StudentSearch.order(f.q(), postgres), false, "s.id", StudentView::id, after);
        return SqlPages.fetch(jdbc, SELECT, FROM, "student s", where, null, page, keyset, StudentView.class)
                .map(StudentView::masked);
    }

    @Transactional(readOnly = true)
    public StudentView get(long id) {
        return find(id).masked();
    }

    /** The unmasked ID number and phone, for an administrator who needs them; audited. */
    @Transactional
    public StudentView reveal(long id) {
        StudentView student = find(id);
        CurrentUser user = tenancy.currentUser();
        if (user.role() != Role.SYSTEM_ADMIN && user.role() != Role.SCHOOL_ADMIN) {
            throw new AccessDeniedException("only administrators reveal personal data");
        }
        audit.record(
                "REVEAL",
                "student",
                String.valueOf(id),
                schoolIdOf(id),
                null,
                Map.of("fields", "idNumber, phone, nationalNumber"));
        return student;
    }

    /**
     * The record's history, latest first. What a change moved the student from is given for the
     * changes that move it (转专业, 留级, 复学), not for a transfer in: the receiving school does not
     * see the student's earlier major.
     */
    @Transactional(readOnly = true)
    public List<StatusChange> history(long id) {
        find(id);
        return jdbc.sql("""
                        SELECT c.status, c.kind, c.changed_on, c.reason, c.document, m.name AS major_name,
                               k.name AS class_name, c.entry_year, f.name AS from_major_name,
                               CASE WHEN c.kind IN ('REPEAT_YEAR', 'RESUME') THEN c.from_entry_year END AS from_entry_year,
                               COALESCE(o.name, c.other_school_name) AS other_school, c.recorded_by, c.recorded_at
                        FROM student_status_change c LEFT JOIN major m ON m.id = c.major_id
                        LEFT JOIN major f ON f.id = c.from_major_id AND c.kind = 'CHANGE_MAJOR'
                        LEFT JOIN school_class k ON k.id = c.class_id LEFT JOIN school o ON o.id = c.other_school_id
                        WHERE c.student_id = :id ORDER BY c.changed_on DESC, c.id DESC
                        """).param("id", id).query(StatusChange.class).list();
    }

    @Transactional
    public StudentView create(StudentForm form) {
        long schoolId = tenancy.administeredSchool(form.schoolCode());
        ValidStudent s = validate(form.values(), schoolId);
        LocalDate enrolled = form.enrolmentDay(s.entryYear());
        if (numberTaken(schoolId, s.studentNumber(), -1)) {
            throw new ConflictException("student.number.taken", "studentNumber", s.studentNumber());
        }
        holders.checkFree(s.idNumber(), s.status(), -1, tenancy.scope());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                               phone, major_id, class_id, entry_year, status, national_number, full_time)
                        VALUES (:school, :number, :name, :id, :gender, :birth, :household, :phone, :major, :class, :year,
                                :status, :national, COALESCE(CAST(:fullTime AS BOOLEAN), TRUE))
                        """).paramSource(params(s)).update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        recordStatus(id, s.status(), enrolled, null);
        StudentView created = get(id);
        audit.created("student", String.valueOf(id), schoolId, created);
        return created;
    }

    @Transactional
    public StudentView update(long id, StudentForm form) {
        StudentView stored = find(id);
        long schoolId = schoolIdOf(id);
        tenancy.checkAdministratorWrite(schoolId);
        Map<String, String> values = form.values();
        keepIfMasked(values, "idNumber", stored.idNumber());
        keepIfMasked(values, "phone", stored.phone());
        keepIfMasked(values, "nationalNumber", stored.nationalNumber());
        values.put("status", stored.status());
        // a change of major or entry year is 转专业 or 留级, recorded with its reason by StatusChanges
        values.put("majorCode", stored.majorCode());
        values.put("entryYear", String.valueOf(stored.entryYear()));
        ValidStudent s = validate(values, schoolId);
        if (numberTaken(schoolId, s.studentNumber(), id)) {
            throw new ConflictException("student.number.taken", "studentNumber", s.studentNumber());
        }
        holders.checkFree(s.idNumber(), s.status(), id, tenancy.scope());
        versions.claim("student", id, form.version(), "student", String.valueOf(id));
        jdbc.sql("""
                        UPDATE student SET student_number = :number, name = :name, id_number = :id, gender = :gender,
                               birth_date = :birth, household = :household, phone = :phone, major_id = :major,
                               class_id = :class, entry_year = :year, national_number = :national,
                               full_time = COALESCE(CAST(:fullTime AS BOOLEAN), full_time)
                        WHERE id = :studentId
                        """).paramSource(params(s).addValue("studentId", id)).update();
        StudentView after = get(id);
        audit.updated("student", String.valueOf(id), schoolId, stored.masked(), after);
        return after;
    }

    /** What a school's students are checked against. */
    @Transactional(readOnly = true)
    public StudentRules.Refs refs(long schoolId) {
        return new StudentRules.Refs(schoolId, organisation.majorsOffered(schoolId), organisation.classes(schoolId));
    }

    private ValidStudent validate(Map<String, String> values, long schoolId) {
        List<InvalidFieldException> problems = new ArrayList<>();
        ValidStudent s = StudentRules.check(
                values, refs(schoolId), (field, value, key) -> problems.add(new InvalidFieldException(field, key)));
        if (s == null) {
            throw new InvalidFieldsException(problems);
        }
        return s;
    }

    private static void keepIfMasked(Map<String, String> values, String field, String stored) {
        if (values.getOrDefault(field, "").contains("*")) {
            values.put(field, stored == null ? "" : stored);
        }
    }

    private StudentView find(long id) {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE s.id = :id AND " + scope.sql("s.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(StudentView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("student", String.valueOf(id)));
    }

    long schoolIdOf(long id) {
        return jdbc.sql("SELECT school_id FROM student WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    boolean numberTaken(long schoolId, String number, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM student WHERE school_id = :s AND student_number = :n AND id <> :id")
                        .param("s", schoolId)
                        .param("n", number)
                        .param("id", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void recordStatus(long id, StudentStatus status, LocalDate on, String reason) {
        jdbc.sql("""
                        INSERT INTO student_status_change (student_id, status, kind, changed_on, reason, recorded_by,
                               recorded_at)
                        VALUES (:id, :status, 'ENROL', :on, :reason, :by, :at)
                        """)
                .param("id", id)
                .param("status", status.name())
                .param("on", on)
                .param("reason", reason)
                .param("by", tenancy.currentUser().username())
                .param("at", OffsetDateTime.now(clock))
                .update();
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(ValidStudent s) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("school", s.schoolId())
                .addValue("number", s.studentNumber())
                .addValue("name", s.name())
                .addValue("id", s.idNumber())
                .addValue("gender", s.gender().name())
                .addValue("birth", s.birthDate())
                .addValue("household", s.household().name())
                .addValue("phone", s.phone())
                .addValue("major", s.majorId())
                .addValue("class", s.classId())
                .addValue("year", s.entryYear())
                .addValue("status", s.status().name())
                .addValue("national", s.nationalNumber())
                .addValue("fullTime", s.fullTime());
    }
}
