package org.craftline.aid.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Scope;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.Keyset;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.SqlVendor;
import org.craftline.shared.Term;
import org.craftline.shared.Text;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hardship recognitions (家庭经济困难认定), one a student and school year, recorded and reviewed by the
 * school's administrators, read by its staff. A recognition is never deleted: a wrong one is refused
 * on review, unless aid paid in its school year rests on it (the payments are reversed first).
 */
@Service
public class Hardships {

    static final String SELECT = "h.id, h.school_id, s.student_number, s.name AS student_name, h.school_year, h.level,"
            + " h.evidence, h.decision, h.reviewer, h.reviewed_on, h.version";
    static final String FROM = "hardship_recognition h JOIN student s ON s.id = h.student_id";

    private final JdbcClient jdbc;
    private final AidStudents students;
    private final Eligibility eligibility;
    private final AuditLog audit;
    private final EditVersions versions;
    private final Clock clock;

    Hardships(
            JdbcClient jdbc,
            AidStudents students,
            AuditLog audit,
            EditVersions versions,
            Clock clock,
            Eligibility eligibility) {
        this.jdbc = jdbc;
        this.students = students;
        this.audit = audit;
        this.versions = versions;
        this.clock = clock;
        this.eligibility = eligibility;
    }

    /** The filters of the list: a school year, a student number or name. */
    public record Filter(Integer schoolYear, String q) {}

    @Transactional(readOnly = true)
    public Paged<HardshipView> list(Filter filter, PageQuery page) {
        Scope scope = students.scope();
        Where where = Where.of(scope.sql("h.school_id"), scope.params())
                .and("h.school_year = :year", "year", filter.schoolYear());
        boolean postgres = SqlVendor.postgres(jdbc);
        StudentNameSearch.apply(where, filter.q(), postgres, "hardship_recognition", "h");
        // school by school, the latest school year first, then the latest students: the index
        // (school_id, school_year, student_id) read backwards, one row a student and year; a name
        // search on PostgreSQL by the name
        Keyset<HardshipView> keyset = StudentNameSearch.byName(filter.q(), postgres)
                ? Keyset.of(StudentNameSearch.byNameOrder("h"), false, "h.id", HardshipView::id, page)
                : Keyset.of(
                        List.of("h.school_id", "h.school_year", "h.student_id"), true, "h.id", HardshipView::id, page);
        return SqlPages.fetch(jdbc, SELECT, FROM, where, page, keyset, HardshipView.class);
    }

    @Transactional(readOnly = true)
    public HardshipView get(long id) {
        Scope scope = students.scope();
        return jdbc.sql("SELECT " + SELECT + " FROM " + FROM + " WHERE h.id = :id AND " + scope.sql("h.school_id"))
                .params(scope.params())
                .param("id", id)
                .query(HardshipView.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("hardship", String.valueOf(id)));
    }

    @Transactional
    public HardshipView create(HardshipForm form) {
        AidStudents.StudentRef student = students.forChange(form.schoolCode(), form.studentNumber());
        if (jdbc.sql("SELECT COUNT(*) FROM hardship_recognition WHERE student_id = :s AND school_year = :y")
                        .param("s", student.id())
                        .param("y", form.schoolYear())
                        .query(Long.class)
                        .single()
                > 0) {
            throw new ConflictException("hardship.year.taken", "schoolYear", String.valueOf(form.schoolYear()));
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO hardship_recognition (school_id, student_id, school_year, level, evidence, decision,
                               reviewer, reviewed_on, created_at)
                        VALUES (:school, :student, :year, :level, :evidence, :decision, :reviewer, :on, :now)
                        """)
                .param("school", student.schoolId())
                .param("student", student.id())
                .param("year", form.schoolYear())
                .param("now", OffsetDateTime.now(clock))
                .params(review(form))
                .update(keys, "id");
        HardshipView created = get(keys.getKeyAs(Long.class));
        audit.created("hardship", String.valueOf(created.id()), created.schoolId(), created);
        return created;
    }

    /** Saves the level, evidence and review as read at the form's version; the student and year stay. */
    @Transactional
    public HardshipView update(long id, HardshipForm form) {
        HardshipView before = get(id);
        students.checkWrite(before.schoolId());
        versions.claim("hardship_recognition", id, form.version(), "hardship", String.valueOf(id));
        jdbc.sql("UPDATE hardship_recognition SET level = :level, evidence = :evidence, decision = :decision,"
                        + " reviewer = :reviewer, reviewed_on = :on WHERE id = :id")
                .params(review(form))
                .param("id", id)
                .update();
        checkPaidStillEligible(id, before.schoolYear());
        HardshipView after = get(id);
        audit.updated("hardship", String.valueOf(id), before.schoolId(), before, after);
        return after;
    }

    /**
     * Refuses a review that takes away the eligibility a payment of the school year rests on (a recognition
     * refused or set back to pending while its waiver or grant is paid): the payments are reversed first.
     */
    private void checkPaidStillEligible(long id, int schoolYear) {
        long studentId = jdbc.sql("SELECT student_id FROM hardship_recognition WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        // the decisions' locks, as a payment takes them: a payment cannot slip past the check
        jdbc.sql("SELECT id FROM aid_decision WHERE student_id = :s AND term IN (:terms) ORDER BY id FOR UPDATE")
                .param("s", studentId)
                .param("terms", List.of(new Term(schoolYear, 1).toString(), new Term(schoolYear, 2).toString()))
                .query(Long.class)
                .list();
        for (int half = 1; half <= 2; half++) {
            Term term = new Term(schoolYear, half);
            var e = eligibility.of(studentId, term);
            boolean waiver = e.map(EligibilityView::waiverEligible).orElse(false);
            boolean grant = e.map(EligibilityView::grantEligible).orElse(false);
            if (!waiver
                            && AidLedger.netPaid(jdbc, studentId, term, AidKind.WAIVER)
                                            .signum()
                                    > 0
                    || !grant
                            && AidLedger.netPaid(jdbc, studentId, term, AidKind.GRANT)
                                            .signum()
                                    > 0) {
                throw new InvalidFieldException("decision", "aid.hardship.paid");
            }
        }
    }

    /** The level, evidence and review of the form; a reviewed recognition gets a reviewer and a date. */
    private java.util.Map<String, Object> review(HardshipForm form) {
        boolean reviewed = form.decision() != ReviewDecision.PENDING;
        String reviewer = Text.blankToNull(Text.normalise(form.reviewer()));
        var values = new java.util.HashMap<String, Object>();
        values.put("level", form.level().name());
        values.put("evidence", Text.normalise(form.evidence()));
        values.put("decision", form.decision().name());
        values.put("reviewer", reviewed ? (reviewer == null ? students.username() : reviewer) : reviewer);
        values.put(
                "on",
                reviewed ? (form.reviewedOn() == null ? LocalDate.now(clock) : form.reviewedOn()) : form.reviewedOn());
        return values;
    }
}
