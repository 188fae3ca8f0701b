package org.craftline.students.domain;

import java.util.List;
import java.util.Optional;
import org.craftline.platform.StudentDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lets the platform bind a student user to its record by school and student number. */
@Component
class StudentLookup implements StudentDirectory {

    private final JdbcClient jdbc;

    StudentLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> studentId(long schoolId, String studentNumber) {
        return jdbc.sql("SELECT id FROM student WHERE school_id = :s AND student_number = :n")
                .param("s", schoolId)
                .param("n", studentNumber)
                .query(Long.class)
                .optional();
    }

    @Override
    public List<Graduate> graduates(long schoolId, int year, int limit) {
        return jdbc.sql("SELECT id, student_number, name FROM student WHERE school_id = :s AND graduation_year = :y"
                        + " AND status = 'GRADUATED' ORDER BY school_id, student_number FETCH FIRST " + limit
                        + " ROWS ONLY")
                .param("s", schoolId)
                .param("y", year)
                .query(Graduate.class)
                .list();
    }
}
