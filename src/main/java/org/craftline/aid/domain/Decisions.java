package org.craftline.aid.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.NotFoundException;
import org.craftline.shared.Term;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school's decisions, one a student and term, within what the records make the student eligible
 * for: a waiver or a grant outside eligibility is refused at its field. Saved with a version, so two
 * administrators deciding on one student never overwrite each other unseen. A decision never falls
 * below what the ledger paid for it (the payments are reversed first).
 */
@Service
public class Decisions {

    static final String SELECT = "d.id, d.school_id, s.student_number, d.term, d.waiver, d.grant_tier, d.decided_by,"
            + " d.decided_at, d.version";

    private final JdbcClient jdbc;
    private final AidStudents students;
    private final Eligibility eligibility;
    private final AuditLog audit;
    private final EditVersions versions;
    private final Clock clock;

    Decisions(
            JdbcClient jdbc,
            AidStudents students,
            Eligibility eligibility,
            AuditLog audit,
            EditVersions versions,
            Clock clock) {
        this.jdbc = jdbc;
        this.students = students;
        this.eligibility = eligibility;
        this.audit = audit;
        this.versions = versions;
        this.clock = clock;
    }

    @Transactional
    public DecisionView decide(DecisionForm form) {
        AidStudents.StudentRef student = students.forChange(form.schoolCode(), form.studentNumber());
        Term term = Term.parse(form.term());
        check(student, term, form.waiver(), form.grantTier());
        String auditKey = student.id() + "/" + term;
        DecisionView before = find(student.id(), term.toString());
        Map<String, Object> key = Map.of("s", student.id(), "t", term.toString());
        int version = versions.claimWhere(
                "aid_decision", "student_id = :s AND term = :t", key, form.version(), "aid-decision", auditKey);
        // under the decision's lock (the claim's), as a payment checks the ceiling under it
        checkPaid(student.id(), term, form.waiver(), form.grantTier());
        String sql = before == null
                ? "INSERT INTO aid_decision (school_id, student_id, term, waiver, grant_tier, decided_by, decided_at,"
                        + " version) VALUES (:school, :s, :t, :waiver, :tier, :by, :at, :version)"
                : "UPDATE aid_decision SET waiver = :waiver, grant_tier = :tier, decided_by = :by, decided_at = :at"
                        + " WHERE student_id = :s AND term = :t";
        jdbc.sql(sql)
                .params(key)
                .param("school", student.schoolId())
                .param("waiver", form.waiver())
                .param(
                        "tier",
                        form.grantTier() == null ? null : form.grantTier().name())
                .param("by", students.username())
                .param("at", OffsetDateTime.now(clock))
                .param("version", version)
                .update();
        DecisionView after = find(student.id(), term.toString());
        audit.record(before == null ? "CREATE" : "UPDATE", "aid-decision", auditKey, student.schoolId(), before, after);
        return after;
    }

    /** The decision, or not found when there is none or the student is outside the user's scope. */
    @Transactional(readOnly = true)
    public DecisionView get(long studentId, Term term) {
        DecisionView d = find(studentId, term.toString());
        if (d == null || !students.scope().canRead(d.schoolId())) {
            throw new NotFoundException("aid-decision", studentId + "/" + term);
        }
        return d;
    }

    /** Refuses a waiver or a grant the records do not make the student eligible for in the term. */
    private void check(AidStudents.StudentRef student, Term term, boolean waiver, GrantTier tier) {
        var e = eligibility.of(student.id(), term);
        if (waiver && !e.map(EligibilityView::waiverEligible).orElse(false)) {
            throw new InvalidFieldException("waiver", "aid.decision.waiverNotEligible");
        }
        if (tier != null && !e.map(EligibilityView::grantEligible).orElse(false)) {
            throw new InvalidFieldException("grantTier", "aid.decision.grantNotEligible");
        }
    }

    /** Refuses a decision below what the ledger already paid: the payments are reversed first. */
    private void checkPaid(long studentId, Term term, boolean waiver, GrantTier tier) {
        if (!waiver && AidLedger.netPaid(jdbc, studentId, term, AidKind.WAIVER).signum() > 0) {
            throw new InvalidFieldException("waiver", "aid.decision.belowPaid");
        }
        BigDecimal ceiling = tier == null ? BigDecimal.ZERO : tier.perTerm();
        if (AidLedger.netPaid(jdbc, studentId, term, AidKind.GRANT).compareTo(ceiling) > 0) {
            throw new InvalidFieldException("grantTier", "aid.decision.belowPaid");
        }
    }

    private DecisionView find(long studentId, String term) {
        return jdbc.sql("SELECT " + SELECT + " FROM aid_decision d JOIN student s ON s.id = d.student_id"
                        + " WHERE d.student_id = :s AND d.term = :t")
                .param("s", studentId)
                .param("t", term)
                .query(DecisionView.class)
                .optional()
                .orElse(null);
    }
}
