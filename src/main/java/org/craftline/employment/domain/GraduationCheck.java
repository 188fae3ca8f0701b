package org.craftline.employment.domain;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The graduation conditions a student is checked on before 毕业, read from the records: the years of
 * study completed (three for secondary vocational school: a student who entered in autumn 2024
 * graduates in 2027) and a 岗位实习 (post internship) whose final evaluation passed. A student who
 * fails them leaves with 结业 unless an administrator overrides, with a reason. The required courses
 * (必修) of the student's major at its school are checked too: each needs a passed result of the
 * student, in any term (training's {@code course} and {@code course_result}, read here by SQL as the
 * students' and internships' tables are). A student transferred in from another school of the
 * installation brings the post internship passed there: every record of the person made by transfers
 * names the first one ({@code student.transfer_origin_id}).
 */
@Component
public class GraduationCheck {

    /** Years of study before graduation in a three-year programme. */
    static final int YEARS = 3;

    private final JdbcClient jdbc;

    GraduationCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One student's result: each condition met or not. */
    public record Result(
            long id,
            String studentNumber,
            String name,
            boolean yearsMet,
            boolean internshipPassed,
            boolean coursesPassed) {

        public boolean passed() {
            return yearsMet && internshipPassed && coursesPassed;
        }
    }

    /** The students' results, by student number; {@code ids} are already in the user's scope. */
    List<Result> of(List<List<Long>> chunks, int year) {
        List<Result> results = new ArrayList<>();
        for (List<Long> chunk : chunks) {
            results.addAll(jdbc.sql("""
                            SELECT s.id, s.student_number, s.name,
                                   CASE WHEN :y - s.entry_year >= :years THEN TRUE ELSE FALSE END AS years_met,
                                   CASE WHEN EXISTS (SELECT 1 FROM internship i
                                                     JOIN internship_evaluation e ON e.internship_id = i.id
                                                     WHERE i.student_id = s.id AND i.kind = 'POST' AND e.passed = TRUE)
                                          OR s.transfer_origin_id IS NOT NULL
                                             AND EXISTS (SELECT 1 FROM student p JOIN internship i ON i.student_id = p.id
                                                         JOIN internship_evaluation e ON e.internship_id = i.id
                                                         WHERE (p.id = s.transfer_origin_id
                                                                OR p.transfer_origin_id = s.transfer_origin_id)
                                                           AND i.kind = 'POST' AND e.passed = TRUE)
                                        THEN TRUE ELSE FALSE END AS internship_passed,
                                   CASE WHEN NOT EXISTS (SELECT 1 FROM course c
                                                         WHERE c.school_id = s.school_id AND c.major_id = s.major_id
                                                           AND c.required = TRUE
                                                           AND NOT EXISTS (SELECT 1 FROM course_result r
                                                                           WHERE r.student_id = s.id
                                                                             AND r.course_id = c.id AND r.passed = TRUE))
                                        THEN TRUE ELSE FALSE END AS courses_passed
                            FROM student s WHERE s.id IN (:ids) ORDER BY s.school_id, s.student_number
                            """)
                    .param("y", year)
                    .param("years", YEARS)
                    .param("ids", chunk)
                    .query(Result.class)
                    .list());
        }
        return results;
    }
}
