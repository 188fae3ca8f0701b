package org.craftline.jobs.domain;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A student registers itself for a fair of its school (and takes it back until it attended); the
 * school administrator marks who attended, registering a walk-in on the way.
 */
@Service
public class FairAttendance {

    private final JdbcClient jdbc;
    private final FairQueries queries;
    private final FairAccess access;
    private final AuditLog audit;
    private final Clock clock;

    FairAttendance(JdbcClient jdbc, FairQueries queries, FairAccess access, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public FairViews.FairDetail register(long fairId) {
        long student = access.ownStudent();
        FairViews.FairView fair = queries.get(fairId);
        if (fair.status() != FairStatus.PLANNED) {
            throw new InvalidFieldException("fair", "fair.registration.closed");
        }
        int changed = jdbc.sql(
                        "UPDATE job_fair_registration SET registered = TRUE WHERE fair_id = :f AND student_id = :s")
                .param("f", fairId)
                .param("s", student)
                .update();
        if (changed == 0) {
            jdbc.sql("""
                            INSERT INTO job_fair_registration (fair_id, student_id, registered, registered_at)
                            VALUES (:f, :s, TRUE, :at)""")
                    .param("f", fairId)
                    .param("s", student)
                    .param("at", OffsetDateTime.now(clock))
                    .update();
        }
        audit.record("REGISTER", "job_fair_registration", fairId + "/" + student, queries.schoolOf(fairId), null, null);
        return queries.detail(fairId);
    }

    @Transactional
    public FairViews.FairDetail unregister(long fairId) {
        long student = access.ownStudent();
        queries.get(fairId);
        Boolean attended = jdbc.sql("SELECT attended FROM job_fair_registration WHERE fair_id = :f AND student_id = :s")
                .param("f", fairId)
                .param("s", student)
                .query(Boolean.class)
                .optional()
                .orElse(null);
        if (Boolean.TRUE.equals(attended)) {
            throw new InvalidFieldException("fair", "fair.registration.attended");
        }
        if (attended != null) {
            jdbc.sql("DELETE FROM job_fair_registration WHERE fair_id = :f AND student_id = :s")
                    .param("f", fairId)
                    .param("s", student)
                    .update();
            audit.record(
                    "UNREGISTER",
                    "job_fair_registration",
                    fairId + "/" + student,
                    queries.schoolOf(fairId),
                    null,
                    null);
        }
        return queries.detail(fairId);
    }

    /** Marks whether a student of the organising school was at the fair. */
    @Transactional
    public FairViews.FairFigures markAttendance(long fairId, FairForms.FairAttendanceForm form) {
        long schoolId = queries.administeredOpenFair(fairId, "studentNumber");
        long student = FairOffers.studentOf(jdbc, schoolId, form.studentNumber());
        boolean attended = !Boolean.FALSE.equals(form.attended());
        var now = OffsetDateTime.now(clock);
        int changed = jdbc.sql("""
                        UPDATE job_fair_registration SET attended = :a, marked_by = :by, marked_at = :at
                        WHERE fair_id = :f AND student_id = :s""")
                .params(Map.of("a", attended, "by", access.user().username(), "at", now, "f", fairId, "s", student))
                .update();
        if (changed == 0) {
            jdbc.sql("""
                            INSERT INTO job_fair_registration (fair_id, student_id, registered, registered_at, attended,
                              marked_by, marked_at)
                            VALUES (:f, :s, FALSE, :at, :a, :by, :at)""")
                    .params(Map.of("a", attended, "by", access.user().username(), "at", now, "f", fairId, "s", student))
                    .update();
        }
        audit.record(
                "ATTENDANCE",
                "job_fair_registration",
                fairId + "/" + student,
                schoolId,
                null,
                Map.of("attended", attended));
        return queries.figures(fairId);
    }
}
