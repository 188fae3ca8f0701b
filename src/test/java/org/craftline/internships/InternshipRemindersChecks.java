package org.craftline.internships;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.craftline.internships.domain.InternshipReminders;
import org.craftline.support.BoundUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The internships' daily reminders on the placements of {@link org.craftline.support.InternshipFixture}
 * (one in progress, 2025-10-06 to 2026-01-16, its agreement ending 2025-12-31; the others planned,
 * ended or ended early): on Friday the student is reminded of this week's missing log, on Monday of
 * last week's; the school's administrator of the agreement ending within 30 days; each once, however
 * often the run comes; a written log is not reminded of; placements not in progress never are.
 *
 * <p>Run on PostgreSQL ({@link InternshipRemindersIT}) and on the embedded H2 ({@link InternshipRemindersH2Test}).
 */
abstract class InternshipRemindersChecks {

    static final String CODE = "4141099077";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InternshipReminders reminders;

    org.craftline.support.InternshipFixture fixture;
    long school;
    long student;
    long intern;
    long admin;

    @BeforeEach
    void fixture() {
        fixture = new org.craftline.support.InternshipFixture(jdbc, CODE);
        removeUsers();
        school = fixture.create();
        student = jdbc.sql("SELECT id FROM student WHERE school_id = :s AND student_number = 'IN-s7'")
                .param("s", school)
                .query(Long.class)
                .single();
        intern = user(BoundUsers.insert(jdbc, "remind", "s", "STUDENT", school, null, student));
        admin = user(BoundUsers.insert(jdbc, "remind", "a", "SCHOOL_ADMIN", school, null, null));
    }

    @AfterEach
    void remove() {
        removeUsers();
        fixture.remove();
    }

    @Test
    void eachReminderGoesOnceToWhomItConcerns() {
        // Friday 2025-12-05: this week's log is missing; the agreement ends 2025-12-31, before the placement
        assertThat(reminders.run(LocalDate.of(2025, 12, 5), school)).isEqualTo(new InternshipReminders.Sent(1, 0, 1));
        assertThat(inbox(intern)).containsExactly("INTERNSHIP_LOG notify.internship.logDue 2025-12-01");
        assertThat(inbox(admin)).containsExactly("INTERNSHIP_COVER notify.internship.coverEnding 1\u001f30");
        // the same day again, and the day after: nothing more
        assertThat(reminders.run(LocalDate.of(2025, 12, 5), school)).isEqualTo(new InternshipReminders.Sent(0, 0, 0));
        assertThat(reminders.run(LocalDate.of(2025, 12, 6), school)).isEqualTo(new InternshipReminders.Sent(0, 0, 0));

        // Monday 2025-12-08: last week's log is overdue; nothing is due on a Monday
        assertThat(reminders.run(LocalDate.of(2025, 12, 8), school)).isEqualTo(new InternshipReminders.Sent(0, 1, 0));
        assertThat(inbox(intern)).hasSize(2).contains("INTERNSHIP_LOG notify.internship.logOverdue 2025-12-01");

        // the log of the week of 2025-12-08 is written: Friday reminds of nothing
        jdbc.sql(
                        "INSERT INTO internship_log (internship_id, week_of, body, submitted_at)"
                                + " SELECT id, DATE '2025-12-08', '本周学习了打磨。', CURRENT_TIMESTAMP FROM internship WHERE student_id = :s")
                .param("s", student)
                .update();
        assertThat(reminders.run(LocalDate.of(2025, 12, 12), school)).isEqualTo(new InternshipReminders.Sent(0, 0, 0));
        assertThat(inbox(intern)).hasSize(2);
        assertThat(inbox(admin)).hasSize(1);
    }

    @Test
    void aStudentWhoTurnedTheKindOffGetsNoneButItIsStillCountedAsSent() {
        jdbc.sql("INSERT INTO notification_opt_out (user_id, kind) VALUES (:u, 'INTERNSHIP_LOG')")
                .param("u", intern)
                .update();
        assertThat(reminders.run(LocalDate.of(2025, 12, 5), school).logsDue()).isEqualTo(1);
        assertThat(inbox(intern)).isEmpty();
    }

    @Test
    void aPlacementStartedThisWeekIsNotOverdueForLastWeek() {
        jdbc.sql("UPDATE internship SET starts_on = DATE '2025-12-10' WHERE student_id = :s")
                .param("s", student)
                .update();
        // Friday 2025-12-12: this week's log is due; last week (from 2025-12-01) the placement had not begun
        assertThat(reminders.run(LocalDate.of(2025, 12, 12), school).logsOverdue())
                .isZero();
        assertThat(inbox(intern)).containsExactly("INTERNSHIP_LOG notify.internship.logDue 2025-12-08");
    }

    private List<String> inbox(long user) {
        return jdbc.sql(
                        "SELECT kind || ' ' || message_key || ' ' || args FROM notification WHERE user_id = :u ORDER BY id")
                .param("u", user)
                .query(String.class)
                .list();
    }

    private long user(String name) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u")
                .param("u", name)
                .query(Long.class)
                .single();
    }

    private void removeUsers() {
        jdbc.sql("DELETE FROM app_user WHERE username LIKE 'remind%'").update();
    }
}
