package org.craftline.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The practical-training rate on a small fixture of its own (terms the demo does not use), session
 * validation, and who may read and change what. Each test uses its own course codes and terms.
 */
@PostgresTest
class TrainingIT {

    static final RequestPostProcessor ZP_ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    static final RequestPostProcessor ZP_TEACHER = httpBasic(TestUsers.STAFF, TestUsers.PASSWORD);
    static final RequestPostProcessor BUREAU = httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCodeUsedByTwoSchoolsInTheOperatorsScopeNeedsTheSchool() throws Exception {
        for (String school : List.of(TestUsers.ZHENPING, TestUsers.NEIXIANG)) {
            jdbc.sql("INSERT INTO course (school_id, major_id, code, name) SELECT s.id, sm.major_id, 'TWICE-1', '同码课程'"
                            + " FROM school s JOIN school_major sm ON sm.school_id = s.id WHERE s.code = :s"
                            + " ORDER BY sm.major_id FETCH FIRST 1 ROWS ONLY")
                    .param("s", school)
                    .update();
        }
        var admin = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/training/courses/{code}", "TWICE-1").with(admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("school"));
        mvc.perform(get("/api/v1/training/courses/{code}", "TWICE-1")
                        .param("school", TestUsers.NEIXIANG)
                        .with(admin))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/training/courses/{code}", "TWICE-1").with(ZP_ADMIN))
                .andExpect(status().isOk());
    }

    @Test
    void theRateCountsEachRequiredItemHeldInItsTermOnce() throws Exception {
        String jade1 = classOf("750107", 0);
        String jade2 = classOf("750107", 1);
        String arts = classOf("750106", 0);
        course("T-RATE", "750107", "P1", "P2", "P3", "P4");
        course("T-RATE2", "750107", "Q1", "Q2");
        course("T-RATE3", "750106", "R1");
        for (String item : List.of("P1", "P2", "P3", "P4")) {
            require("T-RATE", item, "2019-2020-1");
        }
        require("T-RATE2", "Q1", "2019-2020-1");
        require("T-RATE2", "Q2", "2019-2020-1");
        require("T-RATE3", "R1", "2019-2020-1");
        // P1 twice (two classes, two days): counted once; P4 only in the next term: not counted
        session(ZP_TEACHER, "T-RATE", "P1", jade1, "2019-10-08", "4").andExpect(status().isCreated());
        session(ZP_TEACHER, "T-RATE", "P1", jade2, "2019-11-12", "4").andExpect(status().isCreated());
        session(ZP_TEACHER, "T-RATE", "P2", jade1, "2020-01-06", "2").andExpect(status().isCreated());
        session(ZP_ADMIN, "T-RATE", "P3", jade2, "2019-09-02", "3.5").andExpect(status().isCreated());
        session(ZP_ADMIN, "T-RATE", "P4", jade1, "2020-03-10", "4").andExpect(status().isCreated());
        session(ZP_ADMIN, "T-RATE2", "Q1", jade1, "2019-12-01", "4").andExpect(status().isCreated());
        session(ZP_ADMIN, "T-RATE3", "R1", arts, "2019-12-02", "4").andExpect(status().isCreated());

        mvc.perform(get("/api/v1/training/rates").param("term", "2019-2020-1").with(ZP_ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schoolCode").value(TestUsers.ZHENPING))
                .andExpect(jsonPath("$.term").value("2019-2020-1"))
                .andExpect(jsonPath("$.required").value(7))
                .andExpect(jsonPath("$.held").value(5))
                .andExpect(jsonPath("$.rate").value(closeTo(5.0 / 7, 1e-9)))
                .andExpect(
                        jsonPath("$.courses[?(@.courseCode == 'T-RATE')].rate").value(0.75))
                .andExpect(jsonPath("$.courses[?(@.courseCode == 'T-RATE')].required")
                        .value(4))
                .andExpect(
                        jsonPath("$.courses[?(@.courseCode == 'T-RATE2')].rate").value(0.5))
                .andExpect(jsonPath("$.majors[?(@.majorCode == '750107')].required")
                        .value(6))
                .andExpect(jsonPath("$.majors[?(@.majorCode == '750107')].held").value(4))
                .andExpect(jsonPath("$.majors[?(@.majorCode == '750106')].rate").value(1.0))
                .andExpect(jsonPath("$.missing.length()").value(2))
                .andExpect(jsonPath("$.missing[*].itemCode", containsInAnyOrder("P4", "Q2")))
                .andExpect(
                        jsonPath("$.missing[?(@.itemCode == 'P4')].courseCode").value("T-RATE"));
        // P4 held in 2019-2020-2 where nothing is required: no rate there
        mvc.perform(get("/api/v1/training/rates").param("term", "2019-2020-2").with(ZP_ADMIN))
                .andExpect(jsonPath("$.required").value(0))
                .andExpect(jsonPath("$.rate").doesNotExist())
                .andExpect(jsonPath("$.missing.length()").value(0));
        mvc.perform(get("/api/v1/training/rates").param("term", "2019-2020-3").with(ZP_ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("term"));
        // the course page shows the items with their terms
        mvc.perform(get("/api/v1/training/courses/T-RATE").with(BUREAU).param("school", TestUsers.ZHENPING))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(4))
                .andExpect(jsonPath("$.items[0].terms[0]").value("2019-2020-1"));
    }

    @Test
    void aSessionIsCheckedAndItsTermFollowsItsDate() throws Exception {
        String jade = classOf("750107", 0);
        String carpet = classOf("750110", 0);
        course("T-VAL", "750107", "V1");
        session(ZP_TEACHER, "T-VAL", "V1", carpet, "2018-03-01", "4")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("className"));
        session(ZP_TEACHER, "T-VAL", "V1", jade, "2018-03-01", "9")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hours"));
        session(ZP_TEACHER, "T-VAL", "V1", jade, "2018-03-01", "0")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("hours"));
        session(ZP_TEACHER, "T-VAL", "V9", jade, "2018-03-01", "4")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("itemCode"));
        // a session is recorded once held: tomorrow's would raise the rate in advance
        session(
                        ZP_TEACHER,
                        "T-VAL",
                        "V1",
                        jade,
                        java.time.LocalDate.now().plusDays(1).toString(),
                        "4")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("heldOn"));
        // every refused value at once: the future day, the unknown item and the class together
        session(
                        ZP_TEACHER,
                        "T-VAL",
                        "V9",
                        "没有这个班",
                        java.time.LocalDate.now().plusDays(1).toString(),
                        "4")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3));
        String created = session(ZP_TEACHER, "T-VAL", "V1", jade, "2018-01-15", "8")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.term").value("2017-2018-1"))
                .andExpect(jsonPath("$.className").value(jade))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(created, "$.id")).longValue();
        int version = JsonPath.read(created, "$.version"); // a change is sent with the version it was read at
        session(ZP_ADMIN, "T-VAL", "V1", jade, "2018-01-15", "2")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("heldOn"));
        mvc.perform(put("/api/v1/training/sessions/{id}", id)
                        .with(ZP_TEACHER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sessionBody("T-VAL", "V1", jade, "2018-03-01", "6", version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.term").value("2017-2018-2"));
        assertThat(jdbc.sql("SELECT term FROM training_session WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo("2017-2018-2");
        mvc.perform(delete("/api/v1/training/sessions/{id}", id).with(ZP_TEACHER))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/training/sessions/{id}", id).with(ZP_ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void staffRecordSessionsButOnlyAdministratorsShapeTheSyllabusAndTheBureauReads() throws Exception {
        String courseBody = "{\"code\":\"T-STAFF\",\"name\":\"教师不能建的课\",\"majorCode\":\"750107\"}";
        mvc.perform(post("/api/v1/training/courses")
                        .with(ZP_TEACHER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(courseBody))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/training/courses")
                        .with(BUREAU)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(courseBody))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/training/courses")
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(courseBody.replace("750107", "710201")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("majorCode"));
        course("T-STAFF", "750107", "S1");
        mvc.perform(post("/api/v1/training/courses")
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(courseBody))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/training/courses/T-STAFF/requirements/S1/2018-2019-1")
                        .with(ZP_TEACHER))
                .andExpect(status().isForbidden());
        session(BUREAU, "T-STAFF", "S1", classOf("750107", 0), "2018-10-10", "4")
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/training/sessions").param("course", "T-STAFF").with(BUREAU))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/training/rates")
                        .param("school", TestUsers.ZHENPING)
                        .with(BUREAU))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schoolCode").value(TestUsers.ZHENPING));

        // pages: a teacher records a session on the page, but cannot create a course there
        var teacher = Sessions.login(mvc, TestUsers.STAFF);
        mvc.perform(post("/training/sessions")
                        .session(teacher)
                        .with(csrf())
                        .param("courseCode", "T-STAFF")
                        .param("itemCode", "S1")
                        .param("className", classOf("750107", 0))
                        .param("heldOn", "2018-10-11")
                        .param("hours", "4")
                        .param("instructorNumber", "T0001")
                        .param("workshopName", ""))
                .andExpect(status().is3xxRedirection());
        // the page shows a blank field and what the records refuse in one round
        String page = mvc.perform(post("/training/sessions")
                        .session(teacher)
                        .with(csrf())
                        .param("courseCode", "T-STAFF")
                        .param("itemCode", "S1")
                        .param("className", "")
                        .param("heldOn", java.time.LocalDate.now().plusDays(3).toString())
                        .param("hours", "4"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("日期不能晚于今天").contains("is-invalid");
        assertThat(page.split("invalid-feedback", -1).length - 1)
                .as("className and heldOn in error together")
                .isGreaterThanOrEqualTo(2);
        mvc.perform(post("/training/courses")
                        .session(teacher)
                        .with(csrf())
                        .param("code", "T-PAGE")
                        .param("name", "x")
                        .param("majorCode", "750107"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_session t JOIN staff s ON s.id = t.instructor_id"
                                + " WHERE t.held_on = DATE '2018-10-11' AND s.staff_number = 'T0001'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        // and the bureau may only read the pages
        var bureau = Sessions.login(mvc, TestUsers.BUREAU);
        mvc.perform(get("/training/rates").session(bureau)).andExpect(status().isOk());
        mvc.perform(post("/training/sessions").session(bureau).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void anotherSchoolsCoursesAndSessionsCannotBeSeenOrChanged() throws Exception {
        String neixiangCourse = jdbc.sql("SELECT c.code FROM course c JOIN school s ON s.id = c.school_id"
                        + " WHERE s.code = :s ORDER BY c.code FETCH FIRST 1 ROWS ONLY")
                .param("s", TestUsers.NEIXIANG)
                .query(String.class)
                .single();
        long neixiangSession = jdbc.sql("SELECT t.id FROM training_session t JOIN school s ON s.id = t.school_id"
                        + " WHERE s.code = :s ORDER BY t.id FETCH FIRST 1 ROWS ONLY")
                .param("s", TestUsers.NEIXIANG)
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/training/courses/{c}", neixiangCourse)
                        .param("school", TestUsers.NEIXIANG)
                        .with(ZP_ADMIN))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/training/courses/{c}", neixiangCourse)
                        .param("school", TestUsers.NEIXIANG)
                        .with(ZP_ADMIN))
                .andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/training/courses/{c}/requirements/P01/2019-2020-1", neixiangCourse)
                        .param("school", TestUsers.NEIXIANG)
                        .with(ZP_ADMIN))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/training/courses")
                        .param("school", TestUsers.NEIXIANG)
                        .with(ZP_ADMIN))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/training/sessions/{id}", neixiangSession).with(ZP_ADMIN))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/training/sessions/{id}", neixiangSession).with(ZP_TEACHER))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/training/sessions").param("size", "200").with(ZP_ADMIN))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) neixiangSession))));
        mvc.perform(get("/api/v1/training/rates")
                        .param("school", TestUsers.NEIXIANG)
                        .with(ZP_ADMIN))
                .andExpect(status().isNotFound());
        mvc.perform(get("/training/courses/{c}", neixiangCourse)
                        .param("school", TestUsers.NEIXIANG)
                        .session(Sessions.login(mvc, TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/training/courses/{c}", neixiangCourse)
                        .param("school", TestUsers.NEIXIANG)
                        .with(BUREAU))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM training_session WHERE id = :id")
                        .param("id", neixiangSession)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void thePagesRender() throws Exception {
        var admin = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        for (String page : List.of(
                "/training/courses",
                "/training/courses/new",
                "/training/courses/750107-01",
                "/training/courses/750107-01/edit",
                "/training/workshops",
                "/training/workshops/new",
                "/training/sessions",
                "/training/sessions/new",
                "/training/rates",
                "/training/rates?term=2025-2026-2",
                "/training/rates?lang=en")) {
            mvc.perform(get(page).session(admin)).andExpect(status().isOk());
        }
        var teacher = Sessions.login(mvc, TestUsers.STAFF);
        mvc.perform(get("/training/sessions?term=2025-2026-1").session(teacher)).andExpect(status().isOk());
    }

    // --- fixture helpers ---

    private String classOf(String majorCode, int n) {
        return jdbc.sql("""
                        SELECT k.name FROM school_class k JOIN school s ON s.id = k.school_id JOIN major m ON m.id = k.major_id
                        WHERE s.code = :s AND m.code = :m ORDER BY k.name
                        """)
                .param("s", TestUsers.ZHENPING)
                .param("m", majorCode)
                .query(String.class)
                .list()
                .get(n);
    }

    private void course(String code, String major, String... items) throws Exception {
        mvc.perform(post("/api/v1/training/courses")
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"name\":\"测试课程 " + code + "\",\"majorCode\":\"" + major
                                + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.schoolCode").value(TestUsers.ZHENPING));
        for (String item : items) {
            mvc.perform(post("/api/v1/training/courses/{c}/items", code)
                            .with(ZP_ADMIN)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"" + item + "\",\"name\":\"项目 " + item + "\",\"hours\":8}"))
                    .andExpect(status().isCreated());
        }
    }

    private void require(String course, String item, String term) throws Exception {
        mvc.perform(put("/api/v1/training/courses/{c}/requirements/{i}/{t}", course, item, term)
                        .with(ZP_ADMIN))
                .andExpect(status().isNoContent());
    }

    private ResultActions session(
            RequestPostProcessor user, String course, String item, String className, String day, String hours)
            throws Exception {
        return mvc.perform(post("/api/v1/training/sessions")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(sessionBody(course, item, className, day, hours)));
    }

    static String sessionBody(String course, String item, String className, String day, String hours) {
        return "{\"courseCode\":\"" + course + "\",\"itemCode\":\"" + item + "\",\"className\":\"" + className
                + "\",\"heldOn\":\"" + day + "\",\"hours\":" + hours + "}";
    }

    static String sessionBody(String course, String item, String className, String day, String hours, int version) {
        String body = sessionBody(course, item, className, day, hours);
        return body.substring(0, body.length() - 1) + ",\"version\":" + version + "}";
    }
}
