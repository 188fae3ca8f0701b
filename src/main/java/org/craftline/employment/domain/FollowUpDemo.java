package org.craftline.employment.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.craftline.platform.DemoContributor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Follow-up rounds of the demo schools for the graduates of 2023-2026 at each point that has come:
 * the closed rounds answered by most graduates (fewer the longer ago they left), each answer the
 * destination recorded at the point and confirmed by the school, which makes that destination the
 * graduate's own report; the round of the 2026 graduates at six months still open, a third answered
 * and waiting for confirmation, the others reminded once. Set-based and deterministic (who answers
 * and how satisfied follow the student's id).
 */
@Component
class FollowUpDemo implements DemoContributor {

    private final JdbcTemplate jdbc;

    FollowUpDemo(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 310; // after the graduates and their destinations (EmploymentDemo)
    }

    @Override
    public void load() {
        closed(2023, FollowUp.MONTHS_6, LocalDate.of(2023, 12, 1), 84);
        closed(2023, FollowUp.YEAR_1, LocalDate.of(2024, 6, 3), 76);
        closed(2023, FollowUp.YEAR_3, LocalDate.of(2026, 6, 1), 58);
        closed(2024, FollowUp.MONTHS_6, LocalDate.of(2024, 12, 2), 86);
        closed(2024, FollowUp.YEAR_1, LocalDate.of(2025, 6, 2), 73);
        closed(2025, FollowUp.MONTHS_6, LocalDate.of(2025, 12, 1), 88);
        closed(2025, FollowUp.YEAR_1, LocalDate.of(2026, 6, 1), 79);
        open(2026, FollowUp.MONTHS_6, LocalDate.of(2026, 12, 1), 34);
    }

    private void closed(int year, FollowUp point, LocalDate opened, int percentAnswering) {
        OffsetDateTime answered = opened.plusDays(9).atTime(20, 0).atOffset(ZoneOffset.ofHours(8));
        for (long round : rounds(year, point, opened)) {
            answer(round, point, point, percentAnswering, answered);
            jdbc.update(
                    "UPDATE follow_up_request SET confirmed_at = ? WHERE round_id = ? AND answered_at IS NOT NULL",
                    answered.plusDays(3),
                    round);
            // a confirmed answer is the graduate's own report of where it is at the point
            jdbc.update("""
                    UPDATE destination d SET source = 'SELF_REPORT' WHERE d.follow_up = ? AND EXISTS
                           (SELECT 1 FROM follow_up_request q WHERE q.student_id = d.student_id AND q.round_id = ?
                            AND q.confirmed_at IS NOT NULL)
                    """, point.name(), round);
        }
    }

    private void open(int year, FollowUp point, LocalDate opened, int percentAnswering) {
        OffsetDateTime answered = opened.plusDays(2).atTime(21, 0).atOffset(ZoneOffset.ofHours(8));
        OffsetDateTime reminded = opened.plusDays(7).atTime(9, 0).atOffset(ZoneOffset.ofHours(8));
        for (long round : rounds(year, point, opened)) {
            // nothing is recorded at the point yet: the answer says the graduate is where it was at graduation
            answer(round, point, FollowUp.AT_GRADUATION, percentAnswering, answered);
            jdbc.update(
                    "UPDATE follow_up_request SET reminders = 1, last_reminded_at = ? WHERE round_id = ?"
                            + " AND answered_at IS NULL",
                    reminded,
                    round);
        }
    }

    /** The round at every demo school with graduates of the year, and a request per graduate; the rounds' ids. */
    private List<Long> rounds(int year, FollowUp point, LocalDate opened) {
        jdbc.update("""
                INSERT INTO follow_up_round (school_id, graduation_year, follow_up, opened_on, closes_on)
                SELECT DISTINCT school_id, graduation_year, ?, ?, ? FROM student
                WHERE graduation_year = ? AND status = 'GRADUATED'
                """, point.name(), opened, opened.plusDays(45), year);
        List<Long> rounds = jdbc.queryForList(
                "SELECT id FROM follow_up_round WHERE graduation_year = ? AND follow_up = ? ORDER BY id",
                Long.class,
                year,
                point.name());
        for (long round : rounds) {
            jdbc.update("""
                    INSERT INTO follow_up_request (round_id, school_id, student_id, class_id)
                    SELECT r.id, s.school_id, s.id, s.class_id FROM follow_up_round r
                    JOIN student s ON s.school_id = r.school_id AND s.graduation_year = r.graduation_year
                    WHERE r.id = ? AND s.status = 'GRADUATED'
                    """, round);
        }
        return rounds;
    }

    /** The graduates whose id falls in the share answer with the destination recorded at {@code from}. */
    private void answer(long round, FollowUp point, FollowUp from, int percent, OffsetDateTime answeredAt) {
        jdbc.update(
                """
                UPDATE follow_up_request q SET answered_at = ?,
                       kind = (SELECT d.kind FROM destination d WHERE d.student_id = q.student_id AND d.follow_up = ?),
                       enterprise_id = (SELECT d.enterprise_id FROM destination d WHERE d.student_id = q.student_id AND d.follow_up = ?),
                       employer_name = (SELECT d.employer_name FROM destination d WHERE d.student_id = q.student_id AND d.follow_up = ?),
                       position = (SELECT d.position FROM destination d WHERE d.student_id = q.student_id AND d.follow_up = ?),
                       in_county = (SELECT d.local_job FROM destination d WHERE d.student_id = q.student_id AND d.follow_up = ?),
                       channel = (SELECT d.channel FROM destination d WHERE d.student_id = q.student_id AND d.follow_up = ?),
                       sector = (SELECT d.sector FROM destination d WHERE d.student_id = q.student_id AND d.follow_up = ?),
                       pay_band = (SELECT d.pay_band FROM destination d WHERE d.student_id = q.student_id AND d.follow_up = ?),
                       contract = (SELECT d.contract FROM destination d WHERE d.student_id = q.student_id AND d.follow_up = ?),
                       insured = (SELECT d.insured FROM destination d WHERE d.student_id = q.student_id AND d.follow_up = ?),
                       abroad = (SELECT d.abroad FROM destination d WHERE d.student_id = q.student_id AND d.follow_up = ?),
                       satisfaction = CASE MOD(q.student_id * 7, 20) WHEN 0 THEN 1 WHEN 1 THEN 2 WHEN 2 THEN 2
                                      WHEN 3 THEN 3 WHEN 4 THEN 3 WHEN 5 THEN 3 WHEN 6 THEN 3 WHEN 7 THEN 5 WHEN 8 THEN 5
                                      WHEN 9 THEN 5 WHEN 10 THEN 5 WHEN 11 THEN 5 ELSE 4 END
                WHERE MOD(q.student_id * 37 + ?, 100) < ?
                  AND EXISTS (SELECT 1 FROM destination d WHERE d.student_id = q.student_id AND d.follow_up = ?)
                  AND q.round_id = ?
                """,
                answeredAt,
                from.name(),
                from.name(),
                from.name(),
                from.name(),
                from.name(),
                from.name(),
                from.name(),
                from.name(),
                from.name(),
                from.name(),
                from.name(),
                point.rank() * 13,
                percent,
                from.name(),
                round);
    }
}
