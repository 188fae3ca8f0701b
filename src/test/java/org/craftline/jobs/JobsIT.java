package org.craftline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The unit posts, a graduate applies from its phone, the unit moves the application on, and a
 * hire records exactly one destination waiting for the school's confirmation. Another unit never
 * finds the posting or its applicants; a school hides a posting from its own students.
 */
@PostgresTest
class JobsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    long school;
    long unit;
    long otherUnit;
    String unitUser;
    String otherUnitUser;
    long graduate;
    String graduateUser;
    long pupil;
    String pupilUser;

    @BeforeEach
    void setUp() {
        school = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        unit = unit("A");
        otherUnit = unit("B");
        unitUser = account("ENTERPRISE", unit, null);
        otherUnitUser = account("ENTERPRISE", otherUnit, null);
        graduate = student("G", "GRADUATED", 2026);
        graduateUser = account("STUDENT", null, graduate);
        pupil = student("P", "ENROLLED", null);
        pupilUser = account("STUDENT", null, pupil);
    }

    @AfterEach
    void cleanUp() {
        String mine = "(SELECT id FROM posting WHERE enterprise_id IN (SELECT id FROM enterprise WHERE name LIKE :n))";
        for (String sql : new String[] {
            "DELETE FROM job_application_stage WHERE application_id IN (SELECT id FROM job_application WHERE posting_id IN "
                    + mine + ")",
            "DELETE FROM job_application WHERE posting_id IN " + mine,
            "DELETE FROM posting_hidden WHERE posting_id IN " + mine,
            "DELETE FROM posting_major WHERE posting_id IN " + mine,
            "DELETE FROM posting WHERE id IN " + mine,
            "DELETE FROM destination WHERE enterprise_id IN (SELECT id FROM enterprise WHERE name LIKE :n)",
            "DELETE FROM app_user WHERE username LIKE :u",
            "DELETE FROM student WHERE student_number LIKE :s",
            "DELETE FROM enterprise WHERE name LIKE :n"
        }) {
            var statement = jdbc.sql(sql);
            for (var p : Map.of("n", "招聘测试" + tag + "%", "u", "job" + tag + "%", "s", "JB" + tag + "%")
                    .entrySet()) {
                if (sql.contains(":" + p.getKey())) {
                    statement = statement.param(p.getKey(), p.getValue());
                }
            }
            statement.update();
        }
    }

    long unit(String suffix) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO enterprise (name, industry, region_id, size_band)"
                        + " SELECT :n, 'JADE_CARVING', region_id, 'SMALL' FROM school WHERE id = :s")
                .param("n", "招聘测试" + tag + suffix)
                .param("s", school)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    long student(String suffix, String status, Integer graduationYear) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                          major_id, entry_year, status, graduation_year)
                        SELECT :s, :n, :name, :idn, 'MALE', DATE '2007-05-01', 'RURAL', m.id, 2023, :status, :y
                        FROM major m WHERE m.code = '750107'
                        """)
                .param("s", school)
                .param("n", "JB" + tag + suffix)
                .param("name", "求职者" + suffix)
                .param("idn", ("J" + tag + suffix + "0000000000").substring(0, 18))
                .param("status", status)
                .param("y", graduationYear)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    String account(String role, Long enterprise, Long student) {
        String name = "job" + tag + role.toLowerCase() + (enterprise == null ? student : enterprise);
        jdbc.sql("INSERT INTO app_user (username, display_name, password_hash, role, school_id, enterprise_id,"
                        + " student_id, enabled, created_at) VALUES (:u, :u, '{noop}x', :r, :s, :e, :st, TRUE, :at)")
                .param("u", name)
                .param("r", role)
                .param("s", school)
                .param("e", enterprise)
                .param("st", student)
                .param("at", OffsetDateTime.now())
                .update();
        return name;
    }

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    String posting(String position) {
        return "{\"kind\":\"JOB\",\"position\":\"" + position + "\",\"majorCodes\":[\"750107\"],\"minSkillRank\":2,"
                + "\"headcount\":3,\"payFrom\":3000,\"payTo\":4500,\"town\":\"石佛寺镇\",\"deadline\":\""
                + LocalDate.now().plusMonths(1) + "\"}";
    }

    ResultActions send(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String who, String body)
            throws Exception {
        return mvc.perform(
                request.with(as(who)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    @Test
    void aHireThroughAPostingRecordsExactlyOneDestinationForTheSchoolToConfirm() throws Exception {
        long posting = id(send(post("/api/v1/postings"), unitUser, posting("玉雕师"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.majors").value("玉雕艺术"))
                .andExpect(jsonPath("$.enterpriseId").value(unit)));
        long application = id(mvc.perform(
                        post("/api/v1/postings/" + posting + "/applications").with(as(graduateUser)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stage").value("APPLIED")));
        mvc.perform(post("/api/v1/postings/" + posting + "/applications").with(as(graduateUser)))
                .andExpect(status().isConflict());
        // the unit sees its applicant without the student number; the other unit sees nothing
        mvc.perform(get("/api/v1/applications/" + application).with(as(unitUser)))
                .andExpect(jsonPath("$.studentName").value("求职者G"))
                .andExpect(jsonPath("$.studentNumber").doesNotExist());
        mvc.perform(get("/api/v1/applications/" + application).with(as(otherUnitUser)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/postings/" + posting).with(as(otherUnitUser))).andExpect(status().isNotFound());
        send(
                        post("/api/v1/applications/" + application + "/stage"),
                        otherUnitUser,
                        "{\"stage\":\"HIRED\",\"version\":0}")
                .andExpect(status().isNotFound());
        // a teacher does not move the applicants of a unit that posts for itself
        send(
                        post("/api/v1/applications/" + application + "/stage"),
                        TestUsers.STAFF,
                        "{\"stage\":\"HIRED\",\"version\":0}")
                .andExpect(status().isForbidden());
        send(
                        post("/api/v1/applications/" + application + "/stage"),
                        unitUser,
                        "{\"stage\":\"SHORTLISTED\",\"version\":0}")
                .andExpect(jsonPath("$.stage").value("SHORTLISTED"));
        send(post("/api/v1/applications/" + application + "/stage"), unitUser, "{\"stage\":\"HIRED\",\"version\":0}")
                .andExpect(status().isConflict());
        assertThat(destinations()).isZero();
        send(post("/api/v1/applications/" + application + "/stage"), unitUser, "{\"stage\":\"HIRED\",\"version\":1}")
                .andExpect(jsonPath("$.stage").value("HIRED"));
        var written = jdbc.sql("SELECT kind, enterprise_id, position, source, channel, confirmed, matched, local_job"
                        + " FROM destination WHERE student_id = :s")
                .param("s", graduate)
                .query()
                .singleRow();
        assertThat(written)
                .containsEntry("kind", "EMPLOYED")
                .containsEntry("enterprise_id", unit)
                .containsEntry("position", "玉雕师")
                .containsEntry("source", "HIRE")
                .containsEntry("channel", "SCHOOL")
                .containsEntry("confirmed", false)
                .containsEntry("matched", true)
                .containsEntry("local_job", true);
        // a hired application is over
        send(post("/api/v1/applications/" + application + "/stage"), unitUser, "{\"stage\":\"DECLINED\",\"version\":2}")
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/graduates/" + graduate + "/confirm").with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().is2xxSuccessful());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM destination WHERE student_id = :s AND confirmed AND latest")
                        .param("s", graduate)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aStudentNotYetGraduatedIsHiredWithoutADestination() throws Exception {
        long posting = id(send(post("/api/v1/postings"), unitUser, posting("学徒")));
        long application = id(mvc.perform(
                post("/api/v1/postings/" + posting + "/applications").with(as(pupilUser))));
        mvc.perform(get("/api/v1/applications/" + application).with(as(graduateUser)))
                .andExpect(status().isNotFound());
        send(post("/api/v1/applications/" + application + "/stage"), unitUser, "{\"stage\":\"HIRED\",\"version\":0}")
                .andExpect(status().isOk());
        assertThat(destinations()).isZero();
        send(post("/api/v1/applications/" + application + "/withdraw"), pupilUser, "{\"version\":1}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void aSchoolHidesAPostingFromItsStudentsAndPublishesForAUnitWithoutAccount() throws Exception {
        long posting = id(send(post("/api/v1/postings"), unitUser, posting("包装工")));
        send(post("/api/v1/postings/" + posting + "/hide"), TestUsers.SCHOOL_ADMIN, "{\"reason\":\"工资低于当地最低工资标准\"}")
                .andExpect(jsonPath("$.hiddenReason").value("工资低于当地最低工资标准"));
        mvc.perform(get("/api/v1/postings/" + posting).with(as(graduateUser))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/postings/" + posting + "/applications").with(as(graduateUser)))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/postings/" + posting + "/hide").with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/postings/" + posting).with(as(graduateUser))).andExpect(status().isOk());
        // the unit has an account: the school does not post for it; for one without, it does
        String forUnit = posting("雕刻工").replace("{", "{\"enterpriseId\":" + unit + ",");
        send(post("/api/v1/postings"), TestUsers.SCHOOL_ADMIN, forUnit)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enterpriseId"));
        long quiet = unit("C");
        long forQuiet = id(send(
                        post("/api/v1/postings"),
                        TestUsers.SCHOOL_ADMIN,
                        posting("雕刻工").replace("{", "{\"enterpriseId\":" + quiet + ","))
                .andExpect(status().isCreated()));
        String body = mvc.perform(get("/api/v1/postings/" + forQuiet).with(as(TestUsers.STAFF)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        send(
                        put("/api/v1/postings/" + forQuiet),
                        TestUsers.STAFF,
                        posting("雕刻工").replace("{", "{\"version\":" + JsonPath.read(body, "$.version") + ","))
                .andExpect(status().isOk());
        send(put("/api/v1/postings/" + forQuiet), unitUser, posting("雕刻工").replace("{", "{\"version\":1,"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/postings")
                        .with(as(TestUsers.BUREAU))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(posting("x")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theEnterpriseUserStartsAtItsUnitsPortal() throws Exception {
        jdbc.sql("""
                        INSERT INTO destination (student_id, school_id, graduation_year, follow_up, follow_up_rank,
                          recorded_on, kind, enterprise_id, position, local_job, matched, source, confirmed, latest)
                        VALUES (:s, :school, 2026, 'AT_GRADUATION', 0, DATE '2026-09-01', 'EMPLOYED', :u, '雕刻师',
                          TRUE, TRUE, 'SCHOOL', TRUE, TRUE)
                        """)
                .param("s", graduate)
                .param("school", school)
                .param("u", unit)
                .update();
        send(post("/api/v1/postings"), unitUser, posting("抛光工")).andExpect(status().isCreated());
        mvc.perform(get("/").with(as(unitUser)))
                .andExpect(
                        org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl("/jobs/unit"));
        String home = mvc.perform(get("/jobs/unit").with(as(unitUser)).locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(home).contains("招聘测试" + tag + "A").contains("求职者G").contains("雕刻师");
        String other = mvc.perform(get("/jobs/unit").with(as(otherUnitUser)))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(other).contains("招聘测试" + tag + "B").doesNotContain("求职者G");
        mvc.perform(get("/jobs/unit").with(as(TestUsers.STAFF))).andExpect(status().isForbidden());
    }

    long destinations() {
        return jdbc.sql("SELECT COUNT(*) FROM destination WHERE student_id IN (:a, :b)")
                .param("a", graduate)
                .param("b", pupil)
                .query(Long.class)
                .single();
    }
}
