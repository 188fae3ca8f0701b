package org.craftline.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.craftline.support.PassedInternships;
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

/**
 * Graduation with a check: three years of study, a passed post internship and a passed result of
 * every required course of the student's major (in any term; another major's courses do not count). The preview lists who
 * passes and who does not before anything is written; a graduation gives the ones who fail 结业
 * unless the administrator overrides them with a reason, and the history and audit keep both.
 *
 * <p>Run on PostgreSQL ({@link GraduationCheckIT}) and on the embedded H2 ({@link GraduationCheckH2Test}).
 */
abstract class GraduationCheckChecks {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    final int year = LocalDate.now().getYear();
    long school;
    long passes;
    long failedInternship;
    long noInternship;
    long tooEarly;
    long missingCourse;
    long ownCourse;
    long otherMajorCourse;

    @BeforeEach
    void fiveFinalYearStudents() {
        school = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        // a required course of the students' major and one of another major, besides any the school has
        ownCourse = course("R", "MIN");
        otherMajorCourse = course("X", "MAX");
        passes = student("A", year - 3, Boolean.TRUE);
        failedInternship = student("B", year - 3, Boolean.FALSE);
        noInternship = student("C", year - 3, null);
        tooEarly = student("D", year - 2, Boolean.TRUE);
        for (long id : List.of(passes, failedInternship, noInternship, tooEarly)) {
            passRequiredCourses(id);
        }
        missingCourse = student("E", year - 3, Boolean.TRUE);
    }

    @AfterEach
    void remove() {
        List<Long> ids = List.of(passes, failedInternship, noInternship, tooEarly, missingCourse);
        PassedInternships.remove(jdbc, ids);
        jdbc.sql("DELETE FROM student_status_change WHERE student_id IN (:ids)")
                .param("ids", ids)
                .update();
        jdbc.sql("DELETE FROM course_result WHERE student_id IN (:ids)")
                .param("ids", ids)
                .update();
        jdbc.sql("DELETE FROM student WHERE id IN (:ids)").param("ids", ids).update();
        jdbc.sql("DELETE FROM course WHERE id IN (:ids)")
                .param("ids", List.of(ownCourse, otherMajorCourse))
                .update();
    }

    @Test
    void aRequiredCourseOfTheMajorNeedsAPassInAnyTermAndAnotherMajorsCourseDoesNotCount() throws Exception {
        assertThat(majorOf(otherMajorCourse)).isNotEqualTo(majorOf(ownCourse));
        result(missingCourse, ownCourse, "2024-2025-1", false);
        previewOf(missingCourse, passes)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passing").value(1))
                .andExpect(jsonPath("$.failing[0].id").value(missingCourse))
                .andExpect(jsonPath("$.failing[0].yearsMet").value(true))
                .andExpect(jsonPath("$.failing[0].internshipPassed").value(true))
                .andExpect(jsonPath("$.failing[0].coursesPassed").value(false));
        // the other required courses of the major passed, and a pass of another major's course instead
        passRequiredCoursesBut(missingCourse, ownCourse);
        result(missingCourse, otherMajorCourse, "2025-2026-1", true);
        previewOf(missingCourse)
                .andExpect(jsonPath("$.failing[0].coursesPassed").value(false));
        // passed at the second try, a term later: the failed first try does not matter
        result(missingCourse, ownCourse, "2025-2026-2", true);
        previewOf(missingCourse, passes)
                .andExpect(jsonPath("$.passing").value(2))
                .andExpect(jsonPath("$.failingTotal").value(0));
        // passes holds no result of the other major's required course, and still passes
        assertThat(jdbc.sql("SELECT COUNT(*) FROM course_result WHERE course_id = :c AND student_id = :s")
                        .param("c", otherMajorCourse)
                        .param("s", passes)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private ResultActions previewOf(long... ids) throws Exception {
        String list = java.util.Arrays.stream(ids).mapToObj(String::valueOf).collect(Collectors.joining(","));
        return send("/api/v1/graduations/preview", "{\"year\":" + year + ",\"studentIds\":[" + list + "]}");
    }

    /** A required course of the school's first (MIN) or last (MAX) major it offers. */
    private long course(String suffix, String which) {
        String code = "GC" + tag + suffix;
        jdbc.sql("INSERT INTO course (school_id, major_id, code, name, required) SELECT :s, " + which
                        + "(major_id), :c, '毕业核对课', TRUE FROM school_major WHERE school_id = :s")
                .param("s", school)
                .param("c", code)
                .update();
        return jdbc.sql("SELECT id FROM course WHERE school_id = :s AND code = :c")
                .param("s", school)
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private long majorOf(long course) {
        return jdbc.sql("SELECT major_id FROM course WHERE id = :c")
                .param("c", course)
                .query(Long.class)
                .single();
    }

    private void result(long student, long course, String term, boolean passed) {
        jdbc.sql("INSERT INTO course_result (school_id, student_id, course_id, term, passed, recorded_by, recorded_at)"
                        + " VALUES (:s, :st, :c, :t, :p, 'test', CURRENT_TIMESTAMP)")
                .param("s", school)
                .param("st", student)
                .param("c", course)
                .param("t", term)
                .param("p", passed)
                .update();
    }

    /** A passed result, in the student's first term, of every required course of its major. */
    private void passRequiredCourses(long student) {
        passRequiredCoursesBut(student, 0L);
    }

    private void passRequiredCoursesBut(long student, long except) {
        jdbc.sql("""
                        INSERT INTO course_result (school_id, student_id, course_id, term, passed, recorded_by,
                          recorded_at)
                        SELECT c.school_id, s.id, c.id, :t, TRUE, 'test', CURRENT_TIMESTAMP
                        FROM student s JOIN course c ON c.school_id = s.school_id AND c.major_id = s.major_id
                        WHERE s.id = :st AND c.required = TRUE AND c.id <> :x
                        """)
                .param("t", (year - 3) + "-" + (year - 2) + "-1")
                .param("st", student)
                .param("x", except)
                .update();
    }

    @Test
    void thePreviewSaysWhoPassesAndTheGraduationGivesTheOthersCompletionButTheOverridden() throws Exception {
        String ids = List.of(passes, failedInternship, noInternship, tooEarly).stream()
                .map(String::valueOf)
                .collect(Collectors.joining(","));
        send("/api/v1/graduations/preview", "{\"year\":" + year + ",\"studentIds\":[" + ids + "]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passing").value(1))
                .andExpect(jsonPath("$.failingTotal").value(3))
                .andExpect(jsonPath("$.failing[?(@.id == " + failedInternship + ")].internshipPassed")
                        .value(false))
                .andExpect(jsonPath("$.failing[?(@.id == " + tooEarly + ")].yearsMet")
                        .value(false))
                .andExpect(jsonPath("$.failing[?(@.id == " + tooEarly + ")].internshipPassed")
                        .value(true));
        assertThat(statusOf(passes)).isEqualTo("ENROLLED");
        String graduate = "{\"year\":" + year + ",\"studentIds\":[" + ids + "],\"overrides\":[" + noInternship + "]";
        send("/api/v1/graduations", graduate + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("overrideReason"));
        send("/api/v1/graduations", graduate + ",\"overrideReason\":\"校外实习经学校认定合格\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.graduated").value(2))
                .andExpect(jsonPath("$.overridden").value(1))
                .andExpect(jsonPath("$.completed").value(2));
        assertThat(List.of(statusOf(passes), statusOf(noInternship), statusOf(failedInternship), statusOf(tooEarly)))
                .containsExactly("GRADUATED", "GRADUATED", "COMPLETED", "COMPLETED");
        assertThat(jdbc.sql("SELECT kind || ':' || reason FROM student_status_change WHERE student_id = :s"
                                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                        .param("s", noInternship)
                        .query(String.class)
                        .single())
                .isEqualTo("GRADUATE:校外实习经学校认定合格");
        assertThat(jdbc.sql("SELECT kind FROM student_status_change WHERE student_id = :s"
                                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                        .param("s", tooEarly)
                        .query(String.class)
                        .single())
                .isEqualTo("COMPLETE");
        String audited = jdbc.sql("SELECT after_json FROM audit_event WHERE action = 'GRADUATE' ORDER BY id DESC"
                        + " FETCH FIRST 1 ROWS ONLY")
                .query(String.class)
                .single();
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(audited, "$.overrideReason"))
                .isEqualTo("校外实习经学校认定合格");
        assertThat(com.jayway.jsonpath.JsonPath.<List<Number>>read(audited, "$.overridden"))
                .extracting(Number::longValue)
                .containsExactly(noInternship);
        assertThat(com.jayway.jsonpath.JsonPath.<List<Number>>read(audited, "$.completed"))
                .extracting(Number::longValue)
                .containsExactlyInAnyOrder(failedInternship, tooEarly);
    }

    @Test
    void aStudentWhoLeftWithCompletionKeepsTheYearAndGraduatesOnceTheConditionsAreMet() throws Exception {
        send(
                        "/api/v1/graduations",
                        "{\"year\":" + year + ",\"studentIds\":[" + failedInternship + "," + tooEarly + "]}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.completed").value(2));
        assertThat(jdbc.sql("SELECT graduation_year FROM student WHERE id = :id")
                        .param("id", failedInternship)
                        .query(Integer.class)
                        .single())
                .isEqualTo(year);
        // the post internship made up afterwards
        PassedInternships.add(jdbc, school, failedInternship, true);
        mvc.perform(get("/api/v1/graduations/completed")
                        .param("school", TestUsers.ZHENPING)
                        .with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + failedInternship + ")].internshipPassed")
                        .value(true))
                .andExpect(jsonPath("$[?(@.id == " + tooEarly + ")].yearsMet").value(false));
        var office = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String page = mvc.perform(get("/graduates/graduations/new").session(office))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("id=\"make-up-student-" + failedInternship + "\"");
        String tooEarlyBox = page.substring(page.indexOf("id=\"make-up-student-" + tooEarly + "\""));
        assertThat(tooEarlyBox.substring(0, tooEarlyBox.indexOf('>'))).contains("disabled");
        String passingBox = page.substring(page.indexOf("id=\"make-up-student-" + failedInternship + "\""));
        assertThat(passingBox.substring(0, passingBox.indexOf('>'))).doesNotContain("disabled");
        String ids = "\"studentIds\":[" + failedInternship + "," + tooEarly + "],\"document\":\"镇职校〔2026〕12号\"";
        send(
                        "/api/v1/graduations/make-up",
                        "{" + ids + ",\"graduatedOn\":\"" + LocalDate.now().plusDays(1) + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("graduatedOn"));
        send(
                        "/api/v1/graduations/make-up",
                        "{\"studentIds\":[" + failedInternship + "],\"document\":\"  \",\"graduatedOn\":\""
                                + LocalDate.now() + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("document"));
        send("/api/v1/graduations/make-up", "{" + ids + ",\"graduatedOn\":\"" + LocalDate.now() + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.graduated.length()").value(1))
                .andExpect(jsonPath("$.graduated[0]").value(failedInternship))
                .andExpect(jsonPath("$.stillFailing[0]").value(tooEarly));
        assertThat(List.of(statusOf(failedInternship), statusOf(tooEarly))).containsExactly("GRADUATED", "COMPLETED");
        assertThat(jdbc.sql("SELECT kind || ':' || reason || ':' || document FROM student_status_change"
                                + " WHERE student_id = :s ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                        .param("s", failedInternship)
                        .query(String.class)
                        .single())
                .isEqualTo("GRADUATE:makeUp:镇职校〔2026〕12号");
        assertThat(jdbc.sql("SELECT graduation_year FROM student WHERE id = :id")
                        .param("id", failedInternship)
                        .query(Integer.class)
                        .single())
                .isEqualTo(year);
        mvc.perform(post("/api/v1/graduations/make-up")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{" + ids + ",\"graduatedOn\":\"" + LocalDate.now() + "\"}")
                        .with(user(users.loadUserByUsername(TestUsers.STAFF))))
                .andExpect(status().isForbidden());
    }

    @Test
    void thePageShowsTheCheckBeforeTheGraduationAndOffersTheOverride() throws Exception {
        var office = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String page = mvc.perform(
                        post("/graduates/graduations/preview")
                                .session(office)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("classId", "0")
                                .param("year", String.valueOf(year))
                                .param("studentIds", String.valueOf(passes), String.valueOf(tooEarly)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("1 名学生达到毕业条件；1 名未达到")
                .contains("name=\"overrides\" value=\"" + tooEarly + "\"")
                .doesNotContain("name=\"overrides\" value=\"" + passes + "\"")
                .contains("id=\"overrideReason\"");
        assertThat(statusOf(tooEarly)).isEqualTo("ENROLLED");
    }

    private ResultActions send(String url, String json) throws Exception {
        return mvc.perform(post(url)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN))));
    }

    private String statusOf(long id) {
        return jdbc.sql("SELECT status FROM student WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    /** A student entered in autumn of the year, with a post internship evaluated (passed or not) or none. */
    private long student(String suffix, int entryYear, Boolean internshipPassed) {
        String number = "GC" + tag + suffix;
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                          major_id, entry_year, status)
                        SELECT :s, :n, '毕业核对生', :idn, 'MALE', DATE '2006-03-01', 'RURAL', MIN(major_id), :y,
                          'ENROLLED' FROM school_major WHERE school_id = :s
                        """)
                .param("s", school)
                .param("n", number)
                .param("idn", (number + "000000000000000000").substring(0, 18))
                .param("y", entryYear)
                .update();
        long id = jdbc.sql("SELECT id FROM student WHERE school_id = :s AND student_number = :n")
                .param("s", school)
                .param("n", number)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO student_status_change (student_id, status, kind, changed_on, reason, recorded_by,
                          recorded_at)
                        VALUES (:id, 'ENROLLED', 'ENROL', :on, '入学', 'test', CURRENT_TIMESTAMP)
                        """).param("id", id).param("on", LocalDate.of(entryYear, 9, 1)).update();
        if (internshipPassed != null) {
            PassedInternships.add(jdbc, school, id, internshipPassed);
        }
        return id;
    }
}
