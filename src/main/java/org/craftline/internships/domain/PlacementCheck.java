package org.craftline.internships.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.craftline.employment.MatchRule;
import org.craftline.enterprises.EnterprisesApi;
import org.craftline.enterprises.EnterprisesApi.EnterpriseRef;
import org.craftline.organisation.OrganisationApi;
import org.craftline.platform.AuditLog;
import org.craftline.shared.InvalidFieldException;
import org.craftline.shared.InvalidFieldsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checks a planned placement against the rules before anything is written: finds its student,
 * unit and supervisor, gathers what else is on record, and refuses (audited, so a refused attempt
 * stays visible) or lets an administrator accept the warnings with a reason.
 */
@Component
class PlacementCheck {

    private final JdbcClient jdbc;
    private final EnterprisesApi registry;
    private final OrganisationApi organisation;
    private final InternshipAccess access;
    private final AuditLog audit;
    private final TransactionTemplate separately;

    PlacementCheck(
            JdbcClient jdbc,
            EnterprisesApi registry,
            OrganisationApi organisation,
            InternshipAccess access,
            AuditLog audit,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The student as the rules see it, with whether a legal guardian of it is on record. */
    record Student(
            long id,
            java.time.LocalDate birthDate,
            int entryYear,
            String status,
            String majorCode,
            boolean legalGuardian,
            boolean namedGuardian) {}

    /** The records a placement refers to, found in its school. */
    record Target(Student student, EnterpriseRef enterprise, long supervisorId, boolean matched) {}

    /** What the rules let through: the records it refers to, the mentor's phone as kept, the warnings accepted. */
    record Admitted(Target target, String phone, String acceptedWarnings) {}

    /**
     * The one rule path of a placement, for the page, the API and the import alike: its values, its
     * student, unit and supervisor, then the 2021 rules. {@code self} is the placement being changed
     * (none for a new one); {@code auditRefusal}: a person's refused attempt is audited, an import's
     * refused rows are named in its run instead (a dry run is no attempt).
     */
    Admitted admit(
            long schoolId,
            PlacementForm form,
            Long self,
            boolean hasAgreement,
            boolean hasConsent,
            boolean auditRefusal) {
        String phone = PlacementValues.check(form);
        Target target = resolve(schoolId, form);
        Set<Rule> rules = broken(target, form, self, hasAgreement, hasConsent);
        return new Admitted(target, phone, enforce(rules, form, schoolId, auditRefusal));
    }

    /** Finds the student (locked, so two placements of one student cannot pass together), unit and supervisor. */
    Target resolve(long schoolId, PlacementForm form) {
        List<InvalidFieldException> problems = new ArrayList<>();
        // the guardian fact comes with the student: one query a placement (a row of an import), never one more
        var student = jdbc.sql("SELECT s.id, s.birth_date, s.entry_year, s.status, m.code AS major_code,"
                        + " EXISTS (SELECT 1 FROM guardian g WHERE g.student_id = s.id AND g.legal_guardian)"
                        + " AS legal_guardian, EXISTS (SELECT 1 FROM guardian g WHERE g.student_id = s.id"
                        + " AND g.legal_guardian AND g.name = :guardian) AS named_guardian FROM student s"
                        + " JOIN major m ON m.id = s.major_id WHERE s.school_id = :school AND s.student_number = :n"
                        + " FOR UPDATE")
                .param("school", schoolId)
                .param("n", form.studentNumber().strip())
                .param(
                        "guardian",
                        form.guardianName() == null ? "" : form.guardianName().strip())
                .query(Student.class)
                .optional();
        var enterprise = registry.byId(form.enterpriseId());
        var supervisor = organisation.staffId(schoolId, form.supervisorNumber().strip());
        student.ifPresentOrElse(
                s -> {}, () -> problems.add(new InvalidFieldException("studentNumber", "internship.student.unknown")));
        enterprise.ifPresentOrElse(
                e -> {},
                () -> problems.add(new InvalidFieldException("enterpriseId", "internship.enterprise.unknown")));
        supervisor.ifPresentOrElse(
                s -> {},
                () -> problems.add(new InvalidFieldException("supervisorNumber", "internship.supervisor.unknown")));
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        boolean matched =
                MatchRule.matches(student.get().majorCode(), enterprise.get().industry());
        return new Target(student.get(), enterprise.get(), supervisor.get(), matched);
    }

    /** The rules the placement breaks; {@code self} is the placement being changed (none for a new one). */
    Set<Rule> broken(Target t, PlacementForm f, Long self, boolean hasAgreement, boolean hasConsent) {
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("self", self == null ? -1L : self);
        period.put("starts", f.startsOn());
        period.put("ends", f.endsOn());
        String overlapping = " FROM internship i WHERE i.id <> :self AND i.starts_on <= :ends"
                + " AND COALESCE(i.ended_on, i.ends_on) >= :starts AND i.status <> 'ENDED_EARLY'";
        long ofStudent = count(
                "SELECT COUNT(*)" + overlapping + " AND i.student_id = :x",
                period,
                t.student().id());
        long ofUnit = count(
                "SELECT COUNT(*)" + overlapping + " AND i.kind = 'POST' AND i.enterprise_id = :x",
                period,
                t.enterprise().id());
        period.put("post", f.post().strip().toLowerCase(java.util.Locale.ROOT));
        long ofPost = count(
                "SELECT COUNT(*)" + overlapping + " AND i.kind = 'POST' AND i.enterprise_id = :x"
                        + " AND LOWER(i.post) = :post",
                period,
                t.enterprise().id());
        Integer staff = jdbc.sql("SELECT staff_count FROM enterprise WHERE id = :id")
                .param("id", t.enterprise().id())
                .query(Integer.class)
                .optional()
                .orElse(null);
        var facts = new PlacementFacts(
                f.kind(),
                f.startsOn(),
                f.endsOn(),
                t.student().birthDate(),
                t.student().entryYear(),
                "ENROLLED".equals(t.student().status()),
                f.hoursPerDay(),
                f.daysPerWeek(),
                PlacementForm.yes(f.nightShifts()),
                PlacementForm.yes(f.overtime()),
                PlacementForm.yes(f.publicHolidays()),
                f.monthlyPay(),
                f.postWage(),
                f.insuredFrom(),
                f.insuredTo(),
                hasAgreement,
                f.agreementEndsOn(),
                hasConsent,
                f.guardianName(),
                // a placement of this student admitted before guardians were kept (V86) stays editable
                t.student().legalGuardian() || sameStudent(self, t.student().id()),
                t.student().namedGuardian() || sameStudent(self, t.student().id()),
                ofStudent,
                ofUnit,
                staff,
                ofPost,
                f.postHeadcount());
        return PlacementRules.broken(facts);
    }

    /** Whether the placement being changed (none for a new one) is already the student's. */
    private boolean sameStudent(Long self, long studentId) {
        return self != null
                && jdbc.sql("SELECT COUNT(*) FROM internship WHERE id = :self AND student_id = :s")
                                .param("self", self)
                                .param("s", studentId)
                                .query(Long.class)
                                .single()
                        > 0;
    }

    private long count(String sql, Map<String, Object> params, long x) {
        return jdbc.sql(sql).params(params).param("x", x).query(Long.class).single();
    }

    /**
     * Refuses a placement that breaks a refusing rule, or warnings not accepted by an administrator
     * with a reason; a refusal is audited in its own transaction, so it outlives the refused change.
     * Returns the warnings accepted.
     */
    private String enforce(Set<Rule> broken, PlacementForm form, long schoolId, boolean auditRefusal) {
        List<Rule> refusing = broken.stream().filter(Rule::refuses).toList();
        List<Rule> warnings = broken.stream().filter(r -> !r.refuses()).toList();
        boolean accepted = PlacementForm.yes(form.acceptWarnings())
                && form.acceptanceReason() != null
                && !form.acceptanceReason().isBlank();
        List<InvalidFieldException> problems = new ArrayList<>();
        refusing.forEach(r -> problems.add(new InvalidFieldException(r.field(), r.messageKey())));
        if (!warnings.isEmpty() && !accepted) {
            warnings.forEach(r -> problems.add(new InvalidFieldException(r.field(), r.messageKey())));
        }
        if (!warnings.isEmpty() && accepted && !access.isAdministrator()) {
            problems.add(new InvalidFieldException("acceptWarnings", "internship.accept.administratorsOnly"));
        }
        if (!problems.isEmpty()) {
            if (auditRefusal) {
                refused(form, schoolId, broken);
            }
            throw new InvalidFieldsException(problems);
        }
        return warnings.isEmpty()
                ? null
                : String.join(",", warnings.stream().map(Rule::name).toList());
    }

    private void refused(PlacementForm form, long schoolId, Set<Rule> broken) {
        separately.executeWithoutResult(tx -> audit.record(
                "REFUSE", "internship", form.studentNumber().strip(), schoolId, null, attempt(form, broken)));
    }

    /** What the audit log keeps of a refused attempt: who, where, when, and the rules it broke. */
    static Map<String, Object> attempt(PlacementForm form, Set<Rule> broken) {
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("studentNumber", form.studentNumber());
        attempt.put("enterpriseId", form.enterpriseId());
        attempt.put("kind", form.kind());
        attempt.put("startsOn", form.startsOn());
        attempt.put("endsOn", form.endsOn());
        attempt.put("rules", broken.stream().map(Rule::name).toList());
        return attempt;
    }
}
