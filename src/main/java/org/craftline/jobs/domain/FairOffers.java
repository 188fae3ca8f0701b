package org.craftline.jobs.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import org.craftline.platform.AuditLog;
import org.craftline.platform.Role;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers made at a fair: recorded by the school administrator for any unit at the fair, or by the
 * enterprise user for its own unit only. An offer for a posting the student has an open application
 * to (applied, shortlisted, interviewed) moves that application to OFFERED, with a stage entry.
 */
@Service
public class FairOffers {

    static final Set<String> OPEN_STAGES = Set.of("APPLIED", "SHORTLISTED", "INTERVIEWED");

    private final JdbcClient jdbc;
    private final FairQueries queries;
    private final FairAccess access;
    private final AuditLog audit;
    private final Clock clock;

    FairOffers(JdbcClient jdbc, FairQueries queries, FairAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public FairViews.FairOffer record(long fairId, FairForms.FairOfferForm form) {
        FairViews.FairView fair = queries.get(fairId);
        long schoolId = queries.schoolOf(fairId);
        long unit = offeringUnit(schoolId, form);
        if (fair.status() == FairStatus.CANCELLED) {
            throw new InvalidFieldException("postingId", "fair.cancelled");
        }
        long fairUnit = jdbc.sql("SELECT id FROM job_fair_unit WHERE fair_id = :f AND enterprise_id = :e")
                .param("f", fairId)
                .param("e", unit)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidFieldException("enterpriseId", "fair.unit.absent"));
        checkAtBooth(fairUnit, form.postingId());
        long student = studentOf(jdbc, schoolId, form.studentNumber());
        checkDay(fair, form.offeredOn());
        if (jdbc.sql(
                                "SELECT COUNT(*) FROM job_fair_offer WHERE fair_unit_id = :u AND student_id = :s AND posting_id = :p")
                        .params(Map.of("u", fairUnit, "s", student, "p", form.postingId()))
                        .query(Long.class)
                        .single()
                > 0) {
            throw new InvalidFieldException("postingId", "fair.offer.duplicate");
        }
        Long application = moveApplication(student, form.postingId(), form.offeredOn(), fair.name());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO job_fair_offer (fair_unit_id, student_id, posting_id, offered_on, application_id,
                          recorded_by, recorded_at)
                        VALUES (:u, :s, :p, :on, :app, :by, :at)""")
                .params(Map.of("u", fairUnit, "s", student, "p", form.postingId(), "on", form.offeredOn()))
                .param("app", application)
                .param("by", access.user().username())
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        FairViews.FairOffer offer = queries.offers(fairId).stream()
                .filter(o -> o.id() == id)
                .findFirst()
                .orElseThrow();
        audit.created("job_fair_offer", String.valueOf(id), schoolId, offer);
        return offer;
    }

    /** The enterprise user's own unit (naming another is refused), or the unit the administrator names. */
    private long offeringUnit(long schoolId, FairForms.FairOfferForm form) {
        var user = access.user();
        if (user.role() == Role.ENTERPRISE) {
            if (form.enterpriseId() != null && !form.enterpriseId().equals(user.enterpriseId())) {
                throw new AccessDeniedException("an enterprise records its own unit's offers");
            }
            return user.enterpriseId();
        }
        access.checkAdministratorWrite(schoolId);
        if (form.enterpriseId() == null) {
            throw new InvalidFieldException("enterpriseId", "fair.unit.absent");
        }
        return form.enterpriseId();
    }

    private void checkAtBooth(long fairUnit, long posting) {
        if (jdbc.sql("SELECT COUNT(*) FROM job_fair_posting WHERE fair_unit_id = :u AND posting_id = :p")
                        .param("u", fairUnit)
                        .param("p", posting)
                        .query(Long.class)
                        .single()
                == 0) {
            throw new InvalidFieldException("postingId", "fair.posting.notAtBooth");
        }
    }

    /** On or after the fair's day, and not ahead of today (as an application's stage date). */
    private void checkDay(FairViews.FairView fair, LocalDate offeredOn) {
        if (offeredOn.isBefore(fair.heldOn())) {
            throw new InvalidFieldException("offeredOn", "fair.offer.beforeFair");
        }
        if (offeredOn.isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new InvalidFieldException("offeredOn", "fair.offer.future");
        }
    }

    /** Moves the student's open application to the posting to OFFERED; the application's id, or null when none was open. */
    private Long moveApplication(long student, long posting, LocalDate on, String fairName) {
        var open = jdbc.sql("SELECT id, stage FROM job_application WHERE posting_id = :p AND student_id = :s")
                .param("p", posting)
                .param("s", student)
                .query((rs, i) -> Map.entry(rs.getLong("id"), rs.getString("stage")))
                .optional()
                .filter(a -> OPEN_STAGES.contains(a.getValue()));
        if (open.isEmpty()) {
            return null;
        }
        long id = open.get().getKey();
        jdbc.sql("UPDATE job_application SET stage = 'OFFERED', stage_on = :on, version = version + 1 WHERE id = :id")
                .param("on", on)
                .param("id", id)
                .update();
        jdbc.sql("""
                        INSERT INTO job_application_stage (application_id, stage, stage_on, note, recorded_by, recorded_at)
                        VALUES (:id, 'OFFERED', :on, :note, :by, :at)""")
                .param("id", id)
                .param("on", on)
                .param("note", fairName)
                .param("by", access.user().username())
                .param("at", OffsetDateTime.now(clock))
                .update();
        audit.updated(
                "application",
                String.valueOf(id),
                schoolOfApplication(id),
                Map.of("stage", open.get().getValue()),
                Map.of("stage", "OFFERED"));
        return id;
    }

    private long schoolOfApplication(long id) {
        return jdbc.sql("SELECT school_id FROM job_application WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    /** A student of the school by its number; refused at the field when the school has none such. */
    static long studentOf(JdbcClient jdbc, long schoolId, String number) {
        return jdbc.sql("SELECT id FROM student WHERE school_id = :school AND student_number = :n")
                .param("school", schoolId)
                .param("n", number.strip())
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidFieldException("studentNumber", "fair.student.unknown"));
    }
}
