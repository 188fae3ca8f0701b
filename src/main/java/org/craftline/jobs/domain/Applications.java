package org.craftline.jobs.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import org.craftline.jobs.ApplicantHired;
import org.craftline.platform.AuditLog;
import org.craftline.platform.EditVersions;
import org.craftline.platform.Role;
import org.craftline.shared.ConflictException;
import org.craftline.shared.InvalidFieldException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student or graduate applies; the unit moves the application through its stages; the applicant
 * withdraws it. A hire is published as {@link ApplicantHired} in the same transaction.
 */
@Service
public class Applications {

    private final JdbcClient jdbc;
    private final JobAccess access;
    private final PostingQueries postings;
    private final ApplicationQueries queries;
    private final EditVersions versions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Applications(
            JdbcClient jdbc,
            JobAccess access,
            PostingQueries postings,
            ApplicationQueries queries,
            EditVersions versions,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.postings = postings;
        this.queries = queries;
        this.versions = versions;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The signed-in student applies to an open posting its school has not hidden. */
    @Transactional
    public ApplicationView apply(long postingId) {
        var user = access.user();
        if (user.role() != Role.STUDENT || user.studentId() == null) {
            throw new AccessDeniedException("students and graduates apply for themselves");
        }
        PostingView posting = postings.get(postingId); // reach: open, not hidden for the school
        LocalDate today = LocalDate.now(clock);
        if (posting.closed() || posting.deadline().isBefore(today)) {
            throw new InvalidFieldException("postingId", "application.posting.closed");
        }
        long exists = jdbc.sql("SELECT COUNT(*) FROM job_application WHERE posting_id = :p AND student_id = :s")
                .param("p", postingId)
                .param("s", user.studentId())
                .query(Long.class)
                .single();
        if (exists > 0) {
            throw new ConflictException("application.exists", "postingId", "already applied");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO job_application (posting_id, student_id, school_id, stage, stage_on, applied_at)
                        SELECT :p, s.id, s.school_id, 'APPLIED', :today, :at FROM student s
                        WHERE s.id = :s AND s.status IN ('ENROLLED', 'GRADUATED')
                        """)
                .param("p", postingId)
                .param("s", user.studentId())
                .param("today", today)
                .param("at", OffsetDateTime.now(clock))
                .update(keys, "id");
        if (keys.getKey() == null) {
            throw new InvalidFieldException("postingId", "application.student.notActive");
        }
        long id = keys.getKeyAs(Long.class);
        recordStage(id, ApplicationStage.APPLIED, today, null);
        ApplicationView created = queries.get(id);
        audit.created("application", String.valueOf(id), user.schoolId(), created);
        return created;
    }

    /** The unit (or the school that published for it) moves the application on; a hire is published. */
    @Transactional
    public ApplicationView move(long id, StageForm form) {
        ApplicationView before = queries.get(id);
        var posting = jdbc.sql("SELECT enterprise_id, school_id FROM posting WHERE id = :p")
                .param("p", before.postingId())
                .query()
                .singleRow();
        access.checkUnitWrite((Long) posting.get("enterprise_id"), (Long) posting.get("school_id"));
        if (!before.stage().unitMayMoveTo(form.stage())) {
            throw new InvalidFieldException("stage", "application.stage.notAllowed");
        }
        LocalDate on = form.on() == null ? LocalDate.now(clock) : form.on();
        if (on.isBefore(before.appliedAt().toLocalDate())
                || on.isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new InvalidFieldException("on", "application.stage.date");
        }
        ApplicationView after = change(id, form.version(), form.stage(), on, form.note(), before);
        if (form.stage() == ApplicationStage.HIRED) {
            long student = jdbc.sql("SELECT student_id FROM job_application WHERE id = :id")
                    .param("id", id)
                    .query(Long.class)
                    .single();
            events.publishEvent(new ApplicantHired(student, before.enterpriseId(), before.position(), on, id));
        }
        return after;
    }

    /** The applicant takes its application back, unless it has ended. */
    @Transactional
    public ApplicationView withdraw(long id, Integer version) {
        ApplicationView before = queries.get(id);
        if (access.user().role() != Role.STUDENT) {
            throw new AccessDeniedException("only the applicant withdraws");
        }
        if (before.stage().isFinal()) {
            throw new InvalidFieldException("stage", "application.stage.notAllowed");
        }
        return change(id, version, ApplicationStage.WITHDRAWN, LocalDate.now(clock), null, before);
    }

    private ApplicationView change(
            long id, Integer version, ApplicationStage stage, LocalDate on, String note, ApplicationView before) {
        versions.claim("job_application", id, version, "application", String.valueOf(id));
        jdbc.sql("UPDATE job_application SET stage = :stage, stage_on = :on WHERE id = :id")
                .param("stage", stage.name())
                .param("on", on)
                .param("id", id)
                .update();
        recordStage(id, stage, on, note == null || note.isBlank() ? null : note.strip());
        ApplicationView after = queries.get(id);
        audit.updated(
                "application",
                String.valueOf(id),
                schoolOf(id),
                Map.of("stage", before.stage()),
                Map.of("stage", after.stage()));
        return after;
    }

    private long schoolOf(long id) {
        return jdbc.sql("SELECT school_id FROM job_application WHERE id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    private void recordStage(long id, ApplicationStage stage, LocalDate on, String note) {
        jdbc.sql("""
                        INSERT INTO job_application_stage (application_id, stage, stage_on, note, recorded_by, recorded_at)
                        VALUES (:id, :stage, :on, :note, :by, :at)
                        """)
                .param("id", id)
                .param("stage", stage.name())
                .param("on", on)
                .param("note", note)
                .param("by", access.user().username())
                .param("at", OffsetDateTime.now(clock))
                .update();
    }
}
