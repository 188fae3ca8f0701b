package org.craftline.internships.domain;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.craftline.platform.NotificationKind;
import org.craftline.platform.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily reminders of internships (docs/notifications.md): from Friday, a student whose weekly log
 * of this week is not written; in the week after, a student whose log of last week is still missing;
 * a school's administrators, of its open placements whose insurance or agreement ends within
 * {@value #COVER_DAYS} days while the placement goes on after it. Each reminder goes once
 * ({@code internship_reminder}), whenever the run comes and however often it runs.
 */
@Service
public class InternshipReminders {

    static final int COVER_DAYS = 30;

    /**
     * The placements that ran in the week {@code :week} (its Monday; up to {@code :until}, the week's
     * Sunday or today if sooner) whose log of that week is missing and which were not reminded of it as
     * {@code :reminder} yet.
     */
    private static final String LOG_MISSING = "i.starts_on <= :until AND i.ends_on >= :week"
            + " AND NOT EXISTS (SELECT 1 FROM internship_log l WHERE l.internship_id = i.id AND l.week_of = :week)"
            + " AND NOT EXISTS (SELECT 1 FROM internship_reminder r WHERE r.internship_id = i.id AND r.kind = :reminder"
            + " AND r.due_on = :week)";

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final Clock clock;
    private final ZoneId zone;
    private final TransactionTemplate transaction;

    InternshipReminders(
            JdbcClient jdbc,
            Notifications notifications,
            Clock clock,
            @Value("${craftline.reminders.zone}") String zone,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What a run sent. */
    public record Sent(int logsDue, int logsOverdue, int coversEnding) {}

    @Scheduled(cron = "${craftline.reminders.cron}", zone = "${craftline.reminders.zone}")
    void daily() {
        // a transaction of its own: called from this bean, run's @Transactional would not apply, and the
        // reminders sent must be remembered in the same transaction as they are sent
        transaction.executeWithoutResult(status -> run(LocalDate.now(clock.withZone(zone)), null));
    }

    /** The reminders due on {@code today} in one school, or in all when {@code schoolId} is null, each sent once. */
    @Transactional
    public Sent run(LocalDate today, Long schoolId) {
        String school = schoolId == null ? "" : " AND i.school_id = " + schoolId;
        // this run's reminders are told apart by their time (to the millisecond, as both databases keep it)
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        int due = today.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) >= 0
                ? logs("LOG_DUE", "i.status = 'IN_PROGRESS'" + school, monday, today, "notify.internship.logDue", at)
                : 0;
        // last week's log: the placement ran that week and has not ended early before it
        int overdue = logs(
                "LOG_OVERDUE",
                "i.status IN ('IN_PROGRESS', 'ENDED') AND (i.ended_on IS NULL OR i.ended_on >= :week)" + school,
                monday.minusWeeks(1),
                today,
                "notify.internship.logOverdue",
                at);
        return new Sent(due, overdue, covers(today, school, at));
    }

    /**
     * Records the reminders first, then tells those this run recorded (by their time): of two runs at
     * once, the second either finds the first's rows or meets the primary key and rolls back, so no
     * one is told twice.
     */
    private int logs(
            String kind, String status, LocalDate week, LocalDate today, String messageKey, OffsetDateTime at) {
        LocalDate sunday = week.plusDays(6);
        Map<String, Object> params =
                Map.of("until", sunday.isBefore(today) ? sunday : today, "week", week, "reminder", kind, "sentAt", at);
        int recorded = remember(
                "SELECT i.id, :reminder, :week, :sentAt FROM internship i WHERE " + status + " AND " + LOG_MISSING,
                params);
        if (recorded > 0) {
            notifications.toStudents(
                    "SELECT i.student_id FROM internship i JOIN internship_reminder r ON r.internship_id = i.id"
                            + " WHERE r.kind = :reminder AND r.due_on = :week AND r.sent_at = :sentAt",
                    params,
                    NotificationKind.INTERNSHIP_LOG,
                    messageKey,
                    List.of(week),
                    "/internships");
        }
        return recorded;
    }

    /** Insurance or agreement ending within the days ahead, before the placement ends: one message per school. */
    private int covers(LocalDate today, String school, OffsetDateTime at) {
        Map<String, Object> params = Map.of("today", today, "until", today.plusDays(COVER_DAYS), "sentAt", at);
        String open = "i.status IN ('PLANNED', 'IN_PROGRESS')" + school;
        remember(
                "SELECT i.id, 'INSURANCE_ENDING', i.insured_to, :sentAt FROM internship i WHERE " + open
                        + " AND i.insured_to BETWEEN :today AND :until AND i.insured_to < i.ends_on"
                        + " AND NOT EXISTS (SELECT 1 FROM internship_reminder r WHERE r.internship_id = i.id"
                        + " AND r.kind = 'INSURANCE_ENDING' AND r.due_on = i.insured_to)",
                params);
        remember(
                "SELECT i.id, 'AGREEMENT_ENDING', i.agreement_ends_on, :sentAt FROM internship i WHERE " + open
                        + " AND i.agreement_ends_on BETWEEN :today AND :until AND i.agreement_ends_on < i.ends_on"
                        + " AND NOT EXISTS (SELECT 1 FROM internship_reminder r WHERE r.internship_id = i.id"
                        + " AND r.kind = 'AGREEMENT_ENDING' AND r.due_on = i.agreement_ends_on)",
                params);
        List<SchoolCount> schools = jdbc.sql("SELECT i.school_id, COUNT(DISTINCT i.id) AS placements"
                        + " FROM internship_reminder r JOIN internship i ON i.id = r.internship_id"
                        + " WHERE r.sent_at = :sentAt AND r.kind IN ('INSURANCE_ENDING', 'AGREEMENT_ENDING')"
                        + " GROUP BY i.school_id ORDER BY i.school_id")
                .param("sentAt", at)
                .query(SchoolCount.class)
                .list();
        for (SchoolCount each : schools) {
            notifications.toSchoolAdmins(
                    each.schoolId(),
                    NotificationKind.INTERNSHIP_COVER,
                    "notify.internship.coverEnding",
                    List.of(each.placements(), COVER_DAYS),
                    "/internships?atRisk=true");
        }
        return schools.stream().mapToInt(SchoolCount::placements).sum();
    }

    record SchoolCount(long schoolId, int placements) {}

    private int remember(String select, Map<String, Object> params) {
        return jdbc.sql("INSERT INTO internship_reminder (internship_id, kind, due_on, sent_at) " + select)
                .params(params)
                .update();
    }
}
