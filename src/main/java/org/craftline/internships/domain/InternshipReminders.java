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
import org.springframework.transaction.annotation.Transactional;

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

    /** The placements whose log of the week {@code :week} (its Monday) is missing and not reminded of as {@code :reminder}. */
    private static final String LOG_MISSING = "i.starts_on <= :today AND i.ends_on >= :week"
            + " AND NOT EXISTS (SELECT 1 FROM internship_log l WHERE l.internship_id = i.id AND l.week_of = :week)"
            + " AND NOT EXISTS (SELECT 1 FROM internship_reminder r WHERE r.internship_id = i.id AND r.kind = :reminder"
            + " AND r.due_on = :week)";

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final Clock clock;
    private final ZoneId zone;

    InternshipReminders(
            JdbcClient jdbc,
            Notifications notifications,
            Clock clock,
            @Value("${craftline.reminders.zone}") String zone) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** What a run sent. */
    public record Sent(int logsDue, int logsOverdue, int coversEnding) {}

    @Scheduled(cron = "${craftline.reminders.cron}", zone = "${craftline.reminders.zone}")
    void daily() {
        run(LocalDate.now(clock.withZone(zone)), null);
    }

    /** The reminders due on {@code today} in one school, or in all when {@code schoolId} is null, each sent once. */
    @Transactional
    public Sent run(LocalDate today, Long schoolId) {
        String school = schoolId == null ? "" : " AND i.school_id = " + schoolId;
        LocalDate monday = today.with(DayOfWeek.MONDAY);
        int due = today.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) >= 0
                ? logs("LOG_DUE", "i.status = 'IN_PROGRESS'" + school, monday, today, "notify.internship.logDue")
                : 0;
        // last week's log: the placement ran that week and has not ended early before it
        int overdue = logs(
                "LOG_OVERDUE",
                "i.status IN ('IN_PROGRESS', 'ENDED') AND (i.ended_on IS NULL OR i.ended_on >= :week)" + school,
                monday.minusWeeks(1),
                today,
                "notify.internship.logOverdue");
        return new Sent(due, overdue, covers(today, school));
    }

    private int logs(String kind, String status, LocalDate week, LocalDate today, String messageKey) {
        String where = status + " AND " + LOG_MISSING;
        Map<String, Object> params = Map.of("today", today, "week", week, "reminder", kind);
        notifications.toStudents(
                "SELECT i.student_id FROM internship i WHERE " + where,
                params,
                NotificationKind.INTERNSHIP_LOG,
                messageKey,
                List.of(week),
                "/internships");
        return remember("SELECT i.id, :reminder, :week, :at FROM internship i WHERE " + where, params);
    }

    /** Insurance or agreement ending within the days ahead, before the placement ends: one message per school. */
    private int covers(LocalDate today, String school) {
        Map<String, Object> params = Map.of("today", today, "until", today.plusDays(COVER_DAYS));
        String open = "i.status IN ('PLANNED', 'IN_PROGRESS')" + school;
        String insurance = open + " AND i.insured_to BETWEEN :today AND :until AND i.insured_to < i.ends_on"
                + " AND NOT EXISTS (SELECT 1 FROM internship_reminder r WHERE r.internship_id = i.id"
                + " AND r.kind = 'INSURANCE_ENDING' AND r.due_on = i.insured_to)";
        String agreement = open + " AND i.agreement_ends_on BETWEEN :today AND :until"
                + " AND i.agreement_ends_on < i.ends_on"
                + " AND NOT EXISTS (SELECT 1 FROM internship_reminder r WHERE r.internship_id = i.id"
                + " AND r.kind = 'AGREEMENT_ENDING' AND r.due_on = i.agreement_ends_on)";
        List<SchoolCount> schools = jdbc.sql("SELECT i.school_id, COUNT(*) AS placements FROM internship i WHERE ("
                        + insurance + ") OR (" + agreement + ") GROUP BY i.school_id ORDER BY i.school_id")
                .params(params)
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
        remember("SELECT i.id, 'INSURANCE_ENDING', i.insured_to, :at FROM internship i WHERE " + insurance, params);
        remember(
                "SELECT i.id, 'AGREEMENT_ENDING', i.agreement_ends_on, :at FROM internship i WHERE " + agreement,
                params);
        return schools.stream().mapToInt(SchoolCount::placements).sum();
    }

    record SchoolCount(long schoolId, int placements) {}

    private int remember(String select, Map<String, Object> params) {
        return jdbc.sql("INSERT INTO internship_reminder (internship_id, kind, due_on, sent_at) " + select)
                .params(params)
                .param("at", OffsetDateTime.now(clock))
                .update();
    }
}
