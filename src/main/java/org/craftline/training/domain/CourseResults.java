package org.craftline.training.domain;

import java.util.Map;
import org.craftline.shared.PageQuery;
import org.craftline.shared.Paged;
import org.craftline.shared.SqlPages;
import org.craftline.shared.Where;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The students' results of a course (passed or not, per term), read by whoever reads the course;
 * written by the {@code course-results} import of the school's administrators.
 */
@Service
public class CourseResults {

    static final String SELECT =
            "s.student_number, s.name AS student_name, r.term, r.passed, r.recorded_by," + " r.recorded_at";
    static final String FROM = "course_result r JOIN student s ON s.id = r.student_id";

    private final JdbcClient jdbc;
    private final Courses courses;

    CourseResults(JdbcClient jdbc, Courses courses) {
        this.jdbc = jdbc;
        this.courses = courses;
    }

    /** A course's results by term and student number; a course outside the user's scope is not found. */
    @Transactional(readOnly = true)
    public Paged<CourseResultView> list(String schoolCode, String courseCode, PageQuery page) {
        CourseView course = courses.get(schoolCode, courseCode);
        Courses.CourseRef ref = courses.ref(course.schoolCode(), course.code());
        Where where = Where.of("r.school_id = :school", Map.of("school", ref.schoolId()))
                .and("r.course_id = :course", "course", ref.id());
        return SqlPages.fetch(
                jdbc, SELECT, FROM, where, "r.term, s.student_number, r.id", page, CourseResultView.class);
    }
}
