package org.craftline.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.craftline.support.BoundUsers;
import org.craftline.support.ImportFiles;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Required courses and course results: the required flag set and cleared through the API and the
 * form and shown in the list; the {@code course-results} import creating, leaving unchanged and
 * updating results by student number, course code and term, a row of an unknown student or course
 * refusing the whole file, a teacher refused (403); the results listed on the course's page and by
 * the API to the school's teachers, unseen by another school (404); a course with results not deleted.
 *
 * <p>Run on PostgreSQL ({@link CourseResultsIT}) and on the embedded H2 ({@link CourseResultsH2Test}).
 */
abstract class CourseResultsChecks {

    static final String HEADER = "学号,课程代码,学期,是否合格";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final String course = "CR" + tag;
    final String number = "CR" + tag + "1";
    final String other = "CR" + tag + "2";
    long school;
    String major;

    @BeforeEach
    void aCourseAndTwoStudents() throws Exception {
        school = schoolId(TestUsers.ZHENPING);
        major = jdbc.sql("SELECT m.code FROM major m WHERE m.id = (SELECT MIN(major_id) FROM school_major"
                        + " WHERE school_id = :s)")
                .param("s", school)
                .query(String.class)
                .single();
        for (String n : List.of(number, other)) {
            jdbc.sql("""
                            INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date,
                              household, major_id, entry_year, status)
                            SELECT :s, :n, '成绩测试生', :idn, 'FEMALE', DATE '2008-05-01', 'RURAL', MIN(major_id), 2024,
                              'ENROLLED' FROM school_major WHERE school_id = :s
                            """)
                    .param("s", school)
                    .param("n", n)
                    .param("idn", (n + "000000000000000000").substring(0, 18))
                    .update();
        }
        mvc.perform(post("/api/v1/training/courses")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + course + "\",\"name\":\"成绩测试课\",\"majorCode\":\"" + major
                                + "\",\"required\":true}")
                        .with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.required").value(true));
    }

    @AfterEach
    void remove() {
        jdbc.sql("DELETE FROM course_result WHERE course_id IN (SELECT id FROM course WHERE code = :c)")
                .param("c", course)
                .update();
        jdbc.sql("DELETE FROM course WHERE code = :c").param("c", course).update();
        jdbc.sql("DELETE FROM student WHERE student_number IN (:n)")
                .param("n", List.of(number, other))
                .update();
        jdbc.sql("DELETE FROM app_user WHERE username LIKE :u")
                .param("u", "cr%" + tag.toLowerCase() + "%")
                .update();
    }

    @Test
    void theRequiredFlagIsSetByTheApiAndTheFormAndShownInTheList() throws Exception {
        assertThat(required()).isTrue();
        mvc.perform(put("/api/v1/training/courses/{code}", course)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"成绩测试课\",\"majorCode\":\"" + major + "\",\"version\":0}")
                        .with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.required").value(false));
        assertThat(required()).isFalse();
        var admin = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        assertThat(page("/training/courses/" + course + "/edit", admin)).contains("name=\"required\"");
        mvc.perform(post("/training/courses/{code}", course)
                        .session(admin)
                        .with(csrf())
                        .param("school", TestUsers.ZHENPING)
                        .param("schoolCode", TestUsers.ZHENPING)
                        .param("code", course)
                        .param("name", "成绩测试课")
                        .param("majorCode", major)
                        .param("required", "true")
                        .param("version", "1"))
                .andExpect(redirectedUrl("/training/courses/" + course + "?school=" + TestUsers.ZHENPING));
        assertThat(required()).isTrue();
        mvc.perform(get("/api/v1/training/courses").param("major", major).with(as(TestUsers.STAFF)))
                .andExpect(jsonPath("$.items[?(@.code == '" + course + "')].required")
                        .value(true));
        mvc.perform(put("/api/v1/training/courses/{code}", course)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"name\":\"成绩测试课\",\"majorCode\":\"" + major + "\",\"required\":false,\"version\":2}")
                        .with(as(TestUsers.STAFF)))
                .andExpect(status().isForbidden());
        assertThat(page("/training/courses/" + course, admin)).contains("id=\"course-required\"");
    }

    @Test
    void theImportCreatesLeavesUnchangedAndUpdatesAndAnUnknownStudentOrCourseRefusesTheFile() throws Exception {
        List<String> good = List.of(
                HEADER,
                number + "," + course + ",2024-2025-1,否",
                number + "," + course + ",2024-2025-2,是",
                other + "," + course + ",2024-2025-1,是");
        upload(good, true, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3));
        assertThat(count()).isZero();
        upload(good, false, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(3));
        upload(good, false, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(3));
        assertThat(count()).isEqualTo(3);
        upload(List.of(HEADER, other + "," + course + ",2024-2025-1,no"), false, TestUsers.SCHOOL_ADMIN)
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(passed(other, "2024-2025-1")).isFalse();
        upload(
                        List.of(
                                HEADER,
                                number + "," + course + ",2025-2026-1,是",
                                "NOSUCH" + tag + "," + course + ",2025-2026-1,是"),
                        false,
                        TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("学号"))
                .andExpect(jsonPath("$.errors[0].message").value("本校没有该学号的学生。"));
        upload(
                        List.of(
                                HEADER,
                                number + "," + course + ",2025-2026-1,是",
                                number + ",NOSUCH" + tag + ",2025-2026-1,是",
                                number + "," + course + ",2025-2026,也许"),
                        false,
                        TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("课程代码"))
                .andExpect(jsonPath("$.errors.length()").value(3));
        assertThat(count()).isEqualTo(3);
        upload(good, false, TestUsers.STAFF).andExpect(status().isForbidden());
        upload(good, false, TestUsers.BUREAU).andExpect(status().isForbidden());
        assertThat(export()).contains(number + "," + course + ",2024-2025-2,是," + TestUsers.ZHENPING);
        // the operator names each row's school; a row without one is refused at its column
        upload(good, false, TestUsers.ADMIN)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].column").value("学校标识码"));
        upload(
                        List.of(HEADER + ",学校标识码", number + "," + course + ",2025-2026-2,是," + TestUsers.ZHENPING),
                        false,
                        TestUsers.ADMIN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(1));
        assertThat(passed(number, "2025-2026-2")).isTrue();
    }

    @Test
    void teachersReadTheResultsAnotherSchoolDoesNotAndACourseWithResultsStays() throws Exception {
        upload(
                        List.of(
                                HEADER,
                                number + "," + course + ",2024-2025-2,是",
                                other + "," + course + ",2024-2025-1,否"),
                        false,
                        TestUsers.SCHOOL_ADMIN)
                .andExpect(jsonPath("$.created").value(2));
        mvc.perform(get("/api/v1/training/courses/{code}/results", course)
                        .param("size", "1")
                        .with(as(TestUsers.STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].studentNumber").value(other))
                .andExpect(jsonPath("$.items[0].term").value("2024-2025-1"))
                .andExpect(jsonPath("$.items[0].passed").value(false));
        mvc.perform(get("/api/v1/training/courses/{code}/results", course)
                        .param("size", "1")
                        .param("page", "2")
                        .with(as(TestUsers.STAFF)))
                .andExpect(jsonPath("$.items[0].studentNumber").value(number))
                .andExpect(jsonPath("$.items[0].passed").value(true));
        String otherAdmin =
                BoundUsers.insert(jdbc, "cr", tag, "SCHOOL_ADMIN", schoolId(TestUsers.NEIXIANG), null, null);
        mvc.perform(get("/api/v1/training/courses/{code}/results", course)
                        .param("school", TestUsers.ZHENPING)
                        .with(as(otherAdmin)))
                .andExpect(status().isNotFound());
        String shown = page("/training/courses/" + course, Sessions.login(mvc, TestUsers.STAFF));
        assertThat(shown).contains("id=\"course-results\"").contains(number).contains(other);
        mvc.perform(delete("/api/v1/training/courses/{code}", course).with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isConflict());
        assertThat(count()).isEqualTo(2);
    }

    private ResultActions upload(List<String> lines, boolean dryRun, String who) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/course-results")
                .file(ImportFiles.csv("course-results.csv", lines, StandardCharsets.UTF_8))
                .param("dryRun", String.valueOf(dryRun))
                .header("Accept-Language", "zh-CN")
                .with(as(who)));
    }

    private String export() throws Exception {
        return mvc.perform(get("/api/v1/exports/course-results")
                        .param("format", "csv")
                        .header("Accept-Language", "zh-CN")
                        .with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String url, org.springframework.mock.web.MockHttpSession session) throws Exception {
        return mvc.perform(get(url).param("school", TestUsers.ZHENPING).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private boolean required() {
        return jdbc.sql("SELECT required FROM course WHERE school_id = :s AND code = :c")
                .param("s", school)
                .param("c", course)
                .query(Boolean.class)
                .single();
    }

    private boolean passed(String student, String term) {
        return jdbc.sql("SELECT r.passed FROM course_result r JOIN student s ON s.id = r.student_id"
                        + " JOIN course c ON c.id = r.course_id WHERE s.student_number = :n AND c.code = :c"
                        + " AND r.term = :t")
                .param("n", student)
                .param("c", course)
                .param("t", term)
                .query(Boolean.class)
                .single();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM course_result r JOIN course c ON c.id = r.course_id WHERE c.code = :c")
                .param("c", course)
                .query(Long.class)
                .single();
    }

    private long schoolId(String code) {
        return jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
