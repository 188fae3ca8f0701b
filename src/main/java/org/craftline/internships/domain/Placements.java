package org.craftline.internships.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.StoredFiles;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Placements kept by the school: created and changed only when the 2021 rules hold (or an
 * administrator accepted the warnings), moved through their statuses with history.
 */
@Service
public class Placements {

    static final StoredFiles.Kind AGREEMENT =
            new StoredFiles.Kind("internship", "internships", "agreement", "internship.agreement");
    static final StoredFiles.Kind CONSENT =
            new StoredFiles.Kind("internship", "internships", "consent", "internship.consent");

    private final JdbcClient jdbc;
    private final PlacementQueries queries;
    private final PlacementCheck check;
    private final InternshipAccess access;
    private final StoredFiles files;
    private final EditVersions versions;
    private final AuditLog audit;
    private final StatusHistory history;
    private final Clock clock;

    Placements(
            JdbcClient jdbc,
            PlacementQueries queries,
            PlacementCheck check,
            InternshipAccess access,
            StoredFiles files,
            EditVersions versions,
            AuditLog audit,
            StatusHistory history,
            Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.check = check;
        this.access = access;
        this.files = files;
        this.versions = versions;
        this.audit = audit;
        this.history = history;
        this.clock = clock;
    }

    @Transactional
    public PlacementView create(PlacementForm form, MultipartFile agreement, MultipartFile consent) {
        long schoolId = access.schoolFor(form.schoolCode());
        var admitted = check.admit(schoolId, form, null, present(agreement), present(consent), true);
        var target = admitted.target();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO internship (school_id, student_id, enterprise_id, kind, post, post_headcount, matched,
                          starts_on, ends_on, supervisor_id, mentor_name, mentor_phone, hours_per_day, days_per_week,
                          night_shifts, overtime, public_holidays, monthly_pay, post_wage, insurer, policy_number,
                          insured_from, insured_to, agreement_ends_on, minor, guardian_name, status, accepted_warnings,
                          acceptance_reason, created_at)
                        VALUES (:school, :student, :enterprise, :kind, :post, :headcount, :matched, :starts, :ends,
                          :supervisor, :mentor, :phone, :hours, :days, :nights, :overtime, :holidays, :pay, :wage,
                          :insurer, :policy, :insuredFrom, :insuredTo, :agreementEnds, :minor, :guardian, 'PLANNED',
                          :accepted, :reason, :at)
                        """)
                .params(values(form, admitted))
                .param("school", schoolId)
                .param("student", target.student().id())
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        files.attach(AGREEMENT, id, agreement);
        if (present(consent)) {
            files.attach(CONSENT, id, consent);
        }
        history.record(id, InternshipStatus.PLANNED, form.startsOn(), null);
        PlacementView created = queries.get(id);
        audit.created("internship", String.valueOf(id), schoolId, created.audited());
        return created;
    }

    /** Changes the plan; the rules are checked again on the changed placement. */
    @Transactional
    public PlacementView update(long id, PlacementForm form) {
        PlacementView before = queries.get(id);
        long schoolId = queries.schoolOf(id);
        access.checkSchoolWrite(schoolId);
        if (!before.status().isOpen()) {
            throw new InvalidFieldException("status", "internship.closed");
        }
        if (!before.studentNumber().equals(form.studentNumber().strip())) {
            throw new InvalidFieldException("studentNumber", "internship.student.fixed");
        }
        versions.claim("internship", id, form.version(), "internship", String.valueOf(id));
        var admitted = check.admit(schoolId, form, id, before.hasAgreement(), before.hasConsent(), true);
        var target = admitted.target();
        jdbc.sql("""
                        UPDATE internship SET student_id = :student, enterprise_id = :enterprise, kind = :kind,
                          post = :post, post_headcount = :headcount, matched = :matched, starts_on = :starts,
                          ends_on = :ends, supervisor_id = :supervisor, mentor_name = :mentor, mentor_phone = :phone,
                          hours_per_day = :hours, days_per_week = :days, night_shifts = :nights, overtime = :overtime,
                          public_holidays = :holidays, monthly_pay = :pay, post_wage = :wage, insurer = :insurer,
                          policy_number = :policy, insured_from = :insuredFrom, insured_to = :insuredTo,
                          agreement_ends_on = :agreementEnds, minor = :minor, guardian_name = :guardian,
                          accepted_warnings = :accepted, acceptance_reason = :reason
                        WHERE id = :id
                        """)
                .params(values(form, admitted))
                .param("student", target.student().id())
                .param("id", id)
                .update();
        PlacementView after = queries.get(id);
        audit.updated("internship", String.valueOf(id), schoolId, before.audited(), after.audited());
        return after;
    }

    /** The columns of a placement the rules let through, by parameter name (the import stages the same). */
    static Map<String, Object> values(PlacementForm f, PlacementCheck.Admitted admitted) {
        var t = admitted.target();
        String phone = admitted.phone();
        String accepted = admitted.acceptedWarnings();
        var v = new java.util.HashMap<String, Object>();
        v.put("enterprise", t.enterprise().id());
        v.put("kind", f.kind().name());
        v.put("post", f.post().strip());
        v.put("headcount", f.postHeadcount());
        v.put("matched", t.matched());
        v.put("starts", f.startsOn());
        v.put("ends", f.endsOn());
        v.put("supervisor", t.supervisorId());
        v.put("mentor", f.mentorName().strip());
        v.put("phone", phone);
        v.put("hours", f.hoursPerDay());
        v.put("days", f.daysPerWeek());
        v.put("nights", PlacementForm.yes(f.nightShifts()));
        v.put("overtime", PlacementForm.yes(f.overtime()));
        v.put("holidays", PlacementForm.yes(f.publicHolidays()));
        v.put("pay", f.monthlyPay());
        v.put("wage", f.postWage());
        v.put("insurer", f.insurer().strip());
        v.put("policy", f.policyNumber().strip());
        v.put("insuredFrom", f.insuredFrom());
        v.put("insuredTo", f.insuredTo());
        v.put("agreementEnds", f.agreementEndsOn());
        v.put("minor", PlacementRules.isMinor(t.student().birthDate(), f.startsOn()));
        v.put(
                "guardian",
                f.guardianName() == null || f.guardianName().isBlank()
                        ? null
                        : f.guardianName().strip());
        v.put("accepted", accepted);
        v.put("reason", accepted == null ? null : f.acceptanceReason().strip());
        return v;
    }

    static boolean present(MultipartFile file) {
        return file != null && !file.isEmpty();
    }
}
