package org.craftline.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.stream.Collectors;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 70,000 students graduated in one request: PostgreSQL binds at most 65,535 parameters a statement. */
@PostgresTest
class LargeGraduationIT {

    static final int STUDENTS = 70_000;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    /** The demo school's figures are other tests' expectations: the 70,000 leave again. */
    @org.junit.jupiter.api.AfterEach
    void removeThem() {
        jdbc.sql("DELETE FROM student_status_change WHERE student_id IN"
                        + " (SELECT id FROM student WHERE student_number LIKE 'BIG%')")
                .update();
        jdbc.sql("DELETE FROM student WHERE student_number LIKE 'BIG%'").update();
    }

    @Test
    void seventyThousandStudentsGraduateInOneRequest() throws Exception {
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                               major_id, entry_year, status)
                        SELECT sc.id, 'BIG' || g, '学生' || g, LPAD(CAST(g AS VARCHAR), 18, '9'), 'MALE', DATE '2007-01-01',
                               'RURAL', (SELECT MIN(id) FROM major), 2022, 'ENROLLED'
                        FROM school sc CROSS JOIN generate_series(1, :n) g WHERE sc.code = :code
                        """).param("n", STUDENTS).param("code", TestUsers.ZHENPING).update();
        List<Long> ids = jdbc.sql("SELECT id FROM student WHERE student_number LIKE 'BIG%'")
                .query(Long.class)
                .list();
        assertThat(ids).hasSize(STUDENTS);
        // none has a passed post internship: the office graduates them all by an override with its reason
        String body = "{\"year\":2025,\"overrideAll\":true,\"overrideReason\":\"实习考核另行核验\",\"studentIds\":["
                + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]}";
        mvc.perform(post("/api/v1/graduations")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.graduated").value(STUDENTS))
                .andExpect(jsonPath("$.overridden").value(STUDENTS))
                .andExpect(jsonPath("$.completed").value(0));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM student WHERE student_number LIKE 'BIG%' AND status = 'GRADUATED'"
                                + " AND graduation_year = 2025")
                        .query(Long.class)
                        .single())
                .isEqualTo(STUDENTS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM student_status_change c JOIN student s ON s.id = c.student_id"
                                + " WHERE s.student_number LIKE 'BIG%' AND c.status = 'GRADUATED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(STUDENTS);
    }
}
