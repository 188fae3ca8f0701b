package org.craftline.employment.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.craftline.platform.AuditLog;
import org.craftline.platform.CurrentUser;
import org.craftline.platform.NotificationKind;
import org.craftline.platform.Notifications;
import org.craftline.platform.Role;
import org.craftline.platform.Scope;
import org.craftline.platform.Tenancy;
import org.craftline.shared.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * A graduate reports its own current destination (the "later" follow-up point); it counts in the
 * indicators only once the school confirms it. The school corrects a report by recording the
 * destination itself.
 */
@Service
public class SelfReports {

    private final JdbcClient jdbc;
    private final Tenancy tenancy;
    private final Destinations destinations;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Clock clock;

    SelfReports(
            JdbcClient jdbc,
            Tenancy tenancy,
            Destinations destinations,
            AuditLog audit,
            Notifications notifications,
            Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.tenancy = tenancy;
        this.destinations = destinations;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a graduate says it does now; the employer is free text, the terms as a destination's. */
    public record ReportForm(
            @NotNull DestinationKind kind,
            @Size(max = 200) String employerName,
            @Size(max = 100) String position,
            boolean inCounty,
            @Valid EmploymentTerms terms) {}

    /** An unconfirmed report, as the school's list shows it. */
    public record PendingReport(
            long studentId,
            String studentNumber,
            String name,
            int graduationYear,
            String kind,
            String employer,
            String position,
            LocalDate recordedOn) {}

    /** The signed-in graduate's own timeline. */
    @Transactional(readOnly = true)
    public List<DestinationView> mine() {
        return timeline(ownStudent());
    }

    @Transactional
    public DestinationView report(ReportForm form) {
        long student = ownStudent();
        if (form.kind() == DestinationKind.EMPLOYED && !StringUtils.hasText(form.employerName())) {
            throw new InvalidFieldException("employerName", "destination.employer.required");
        }
        EmploymentTerms terms =
                (form.terms() == null ? EmploymentTerms.NONE : form.terms()).checked(form.kind(), null, false);
        boolean local = form.inCounty() && form.kind().directlyEmployed();
        if (terms.abroad() && local) {
            throw new InvalidFieldException("terms.abroad", "destination.terms.abroadLocal");
        }
        var g = jdbc.sql("SELECT school_id, graduation_year FROM student WHERE id = :s AND graduation_year IS NOT NULL")
                .param("s", student)
                .query()
                .listOfRows();
        if (g.isEmpty()) {
            throw new InvalidFieldException("kind", "destination.notGraduated");
        }
        // a new report replaces the point; its version keeps counting, so a school's change made from
        // the version before the report is refused
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM destination WHERE student_id = :s"
                        + " AND follow_up = 'LATER'")
                .param("s", student)
                .query(Integer.class)
                .single();
        jdbc.sql("DELETE FROM destination WHERE student_id = :s AND follow_up = 'LATER' AND source = 'SELF_REPORT'")
                .param("s", student)
                .update();
        jdbc.sql("""
                        INSERT INTO destination (student_id, school_id, graduation_year, follow_up, follow_up_rank, recorded_on,
                               kind, employer_name, position, local_job, matched, source, confirmed, latest, version,
                               channel, sector, pay_band, contract, insured, abroad)
                        SELECT :s, school_id, graduation_year, 'LATER', 4, :on, :kind, :employer, :position, :local, FALSE,
                               'SELF_REPORT', FALSE, FALSE, :version, :channel, :sector, :payBand, :contract, :insured,
                               :abroad FROM student WHERE id = :s
                        """)
                .params(Destinations.termParams(terms))
                .param("s", student)
                .param("on", LocalDate.now(clock))
                .param("kind", form.kind().name())
                .param(
                        "employer",
                        StringUtils.hasText(form.employerName())
                                ? form.employerName().trim()
                                : null)
                .param(
                        "position",
                        StringUtils.hasText(form.position()) ? form.position().trim() : null)
                .param("local", local)
                .param("version", version)
                .update();
        audit.record(
                "SELF_REPORT",
                "destination",
                student + "/LATER",
                (Long) g.get(0).get("school_id"),
                null,
                form);
        return timeline(student).stream()
                .filter(d -> d.followUp().equals("LATER"))
                .findFirst()
                .orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<PendingReport> pending() {
        Scope scope = tenancy.scope();
        return jdbc.sql("SELECT s.id AS student_id, s.student_number, s.name, s.graduation_year, d.kind,"
                        + " d.employer_name AS employer, d.position, d.recorded_on FROM destination d"
                        + " JOIN student s ON s.id = d.student_id WHERE d.confirmed = FALSE AND "
                        + scope.sql("d.school_id")
                        + " ORDER BY d.recorded_on, s.student_number FETCH FIRST 200 ROWS ONLY")
                .params(scope.params())
                .query(PendingReport.class)
                .list();
    }

    /** The school accepts a graduate's report: it now counts as where the graduate is. */
    @Transactional
    public void confirm(long studentId) {
        var g = destinations.graduate(studentId);
        tenancy.checkAdministratorWrite(g.schoolId());
        int changed = jdbc.sql("UPDATE destination SET confirmed = TRUE, version = version + 1"
                        + " WHERE student_id = :s AND confirmed = FALSE")
                .param("s", studentId)
                .update();
        if (changed == 0) {
            throw new InvalidFieldException("studentId", "destination.nothingToConfirm");
        }
        destinations.refreshLatest(studentId);
        audit.record("CONFIRM", "destination", studentId + "/LATER", g.schoolId(), null, Map.of("confirmed", true));
        notifyConfirmed(notifications, studentId);
    }

    /** Tells the graduate (if it has an account) that the school confirmed what it reported. */
    static void notifyConfirmed(Notifications notifications, long studentId) {
        notifications.toStudents(
                "SELECT CAST(:student AS BIGINT)",
                Map.of("student", studentId),
                NotificationKind.SELF_REPORT_CONFIRMED,
                "notify.destination.confirmed",
                List.of(),
                "/me");
    }

    private List<DestinationView> timeline(long student) {
        return destinations.rows(student);
    }

    private long ownStudent() {
        CurrentUser user = tenancy.currentUser();
        if (user.role() != Role.STUDENT || user.studentId() == null) {
            throw new AccessDeniedException("only a graduate bound to its record reports its destination");
        }
        return user.studentId();
    }
}
