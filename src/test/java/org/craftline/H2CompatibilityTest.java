package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.craftline.support.H2Test;
import org.craftline.support.InternshipFixture;
import org.craftline.support.JobsFixture;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The embedded database that {@code ./mvnw spring-boot:run} uses: the app starts on H2 in
 * PostgreSQL mode, every migration applies, the demo loads, and one flow per module works.
 */
@H2Test
class H2CompatibilityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void migrationsApplyAndTheDemoLoads() {
        assertThat(jdbc.sql("SELECT COUNT(*) FROM school").query(Long.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM app_user WHERE username NOT LIKE 'zp-unit-%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(6);
        // the 200 Zhenping units of the demo's job market, one account each (issue #16)
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT enterprise_id) FROM app_user WHERE username LIKE 'zp-unit-%'"
                                + " AND role = 'ENTERPRISE' AND school_id = (SELECT id FROM school WHERE code = :c)")
                        .param("c", TestUsers.ZHENPING)
                        .query(Long.class)
                        .single())
                .isEqualTo(200);
        // the teachers of the three demo schools (160, 70, 50), and beside them one in ten administrative,
        // one in twenty support and one in twenty-five service staff (of each school's teachers)
        assertThat(jdbc.sql("SELECT category, COUNT(*) FROM staff GROUP BY category ORDER BY category")
                        .query((rs, i) -> rs.getString(1) + "=" + rs.getLong(2))
                        .list())
                .containsExactly(
                        "ADMINISTRATIVE=" + (160 / 10 + 70 / 10 + 50 / 10),
                        "SUPPORT=" + (160 / 20 + 70 / 20 + 50 / 20),
                        "TEACHER=" + (160 + 70 + 50),
                        "WORKER=" + (160 / 25 + 70 / 25 + 50 / 25));
    }

    @Test
    void organisationFlowWorksOnH2() throws Exception {
        var basic = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
        String created = mvc.perform(post("/api/v1/staff")
                        .with(basic)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"staffNumber\":\"H2-1\",\"name\":\"张三\",\"fullTime\":true,\"dualQualified\":true}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        mvc.perform(get("/api/v1/staff").param("q", "H2-1").with(basic))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(delete(created).with(basic)).andExpect(status().isNoContent());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'staff'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        mvc.perform(get("/api/v1/classes").param("q", "玉雕").with(basic))
                .andExpect(jsonPath("$.total").value(24));
    }

    @Test
    void theInternshipFiguresAreTheSameOnH2() throws Exception {
        // the hand-checked school of InternshipFixture, with the values InternshipIndicatorsIT expects on PostgreSQL
        InternshipFixture fixture = new InternshipFixture(jdbc, "4141019974");
        fixture.create();
        try {
            var basic = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);
            mvc.perform(get("/api/v1/indicators")
                            .param("school", "4141019974")
                            .param("year", "2025")
                            .with(basic))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.indicators.internship_rate").value(0.4286))
                    .andExpect(jsonPath("$.indicators.internship_insured_rate").value(0.6))
                    .andExpect(
                            jsonPath("$.indicators.internship_agreement_rate").value(0.4))
                    .andExpect(jsonPath("$.indicators.matched_internship_rate").value(0.6667))
                    .andExpect(jsonPath("$.indicators.internship_pass_rate").value(0.5))
                    .andExpect(jsonPath("$.indicators.internships_at_risk").value(3))
                    .andExpect(jsonPath("$.indicators.log_submission_rate").value(0.403));
            mvc.perform(get("/api/v1/indicators")
                            .param("school", "4141019974")
                            .param("year", "2024")
                            .with(basic))
                    .andExpect(jsonPath("$.indicators.internship_rate").value(0.0))
                    .andExpect(jsonPath("$.indicators.log_submission_rate").value(0.5));
        } finally {
            fixture.remove();
        }
    }

    @Test
    void theJobsFiguresAreTheSameOnH2() throws Exception {
        // the hand-checked county of JobsFixture, with the values JobsIndicatorsIT and JobsDashboardIT expect
        JobsFixture fixture = new JobsFixture(jdbc, "4141019964");
        fixture.create();
        try {
            var basic = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);
            mvc.perform(get("/api/v1/indicators")
                            .param("school", "4141019964")
                            .param("year", "2025")
                            .with(basic))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.indicators.postings_published").value(4))
                    .andExpect(jsonPath("$.indicators.places_offered").value(15))
                    .andExpect(jsonPath("$.indicators.applications_per_posting").value(1.25))
                    .andExpect(jsonPath("$.indicators.school_hire_share").value(0.3333));
            mvc.perform(get("/api/v1/reports/dashboard")
                            .param("school", "4141019964")
                            .param("year", "2025")
                            .with(basic))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.tables[?(@.key == 'postingTowns')].rows[*].label")
                            .value(org.hamcrest.Matchers.contains("外县镇", "甲镇", "乙镇")))
                    .andExpect(jsonPath("$.tables[?(@.key == 'demand')].rows[*].values[0]")
                            .value(org.hamcrest.Matchers.contains(11, 6)));
        } finally {
            fixture.remove();
        }
    }

    @Test
    void theDemoSchoolsProfileFiguresComeFromTheRecords() throws Exception {
        mvc.perform(get("/api/v1/indicators")
                        .param("school", TestUsers.ZHENPING)
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(jsonPath("$.indicators.graduates_total").value(28400))
                .andExpect(jsonPath("$.indicators.enterprises_employing_graduates")
                        .value(org.hamcrest.Matchers.greaterThanOrEqualTo(2000)))
                .andExpect(jsonPath("$.indicators.masters_national").value(4))
                .andExpect(jsonPath("$.indicators.masters_provincial_municipal").value(21))
                .andExpect(jsonPath("$.indicators.senior_craftsmen").value(62))
                .andExpect(
                        jsonPath("$.indicators.practical_training_rate").value(org.hamcrest.Matchers.greaterThan(0.8)));
    }

    /**
     * H2's VARCHAR(n) counts UTF-16 chars: its text columns are widened (keeping NOT NULL) so a name of
     * 50 rare characters (two chars each), which the code-point limits accept, is stored as on PostgreSQL.
     */
    @Test
    void aNameOfRareCharactersAtTheLimitFitsOnH2() throws Exception {
        String rare = "\uD840\uDC00".repeat(50);
        String body = "41138120090101" + "977";
        String id = body + org.craftline.shared.ResidentIds.checkCharacter(body);
        mvc.perform(post("/api/v1/students")
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentNumber\":\"H2-CP\",\"name\":\"" + rare + "\",\"idNumber\":\"" + id
                                + "\",\"household\":\"RURAL\",\"majorCode\":\"750107\",\"entryYear\":\"2026\"}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT is_nullable FROM information_schema.columns"
                                + " WHERE table_name = 'student' AND column_name = 'name'")
                        .query(String.class)
                        .single())
                .isEqualTo("NO");
    }

    /** The lists show the birth year beside a masked ID number (EXTRACT on H2 as on PostgreSQL). */
    @Test
    void studentAndTraineeListsShowTheBirthYearOnH2() throws Exception {
        for (String path : List.of("/api/v1/students", "/api/v1/social/trainees")) {
            mvc.perform(get(path).with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].birthYear").isNumber())
                    .andExpect(jsonPath("$.items[0].birthDate").doesNotExist());
        }
    }

    /** A job fair's walk on the embedded database: its SQL, its page and its printed list. */
    @Test
    void aJobFairRunsOnH2() throws Exception {
        var admin = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
        jdbc.sql("INSERT INTO enterprise (name, industry, region_id, size_band, staff_count)"
                        + " SELECT 'H2双选会玉雕坊', 'JADE_CARVING', region_id, 'SMALL', 12 FROM school WHERE code = :c")
                .param("c", TestUsers.ZHENPING)
                .update();
        long unit = jdbc.sql("SELECT id FROM enterprise WHERE name = 'H2双选会玉雕坊'")
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO posting (enterprise_id, kind, position, headcount, deadline, published_by, created_at)"
                        + " VALUES (:e, 'JOB', '玉雕师', 4, DATE '2027-06-30', 'h2', CURRENT_TIMESTAMP)")
                .param("e", unit)
                .update();
        long posting = jdbc.sql("SELECT id FROM posting WHERE enterprise_id = :e")
                .param("e", unit)
                .query(Long.class)
                .single();
        String body = mvc.perform(post("/api/v1/fairs")
                        .with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"H2春季双选会\",\"heldOn\":\"" + java.time.LocalDate.now()
                                + "\",\"place\":\"体育馆\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long fair = ((Number) com.jayway.jsonpath.JsonPath.read(body, "$.id")).longValue();
        String fairs = "/api/v1/fairs/" + fair;
        mvc.perform(post(fairs + "/units")
                        .with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":" + unit + ",\"booth\":\"A1\",\"postingIds\":[" + posting + "]}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/me/fairs/" + fair + "/registration").with(httpBasic("student", TestUsers.PASSWORD)))
                .andExpect(status().isOk());
        mvc.perform(post(fairs + "/attendance")
                        .with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentNumber\":\"G202600001\"}"))
                .andExpect(status().isOk());
        mvc.perform(post(fairs + "/offers")
                        .with(admin)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"enterpriseId\":" + unit + ",\"studentNumber\":\"G202600001\",\"postingId\":"
                                + posting + ",\"offeredOn\":\"" + java.time.LocalDate.now() + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get(fairs + "/figures").with(admin))
                .andExpect(jsonPath("$.units").value(1))
                .andExpect(jsonPath("$.places").value(4))
                .andExpect(jsonPath("$.registrations").value(1))
                .andExpect(jsonPath("$.attended").value(1))
                .andExpect(jsonPath("$.offers").value(1));
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(get("/fairs").session(session)).andExpect(status().isOk());
        mvc.perform(get("/fairs/" + fair).session(session)).andExpect(status().isOk());
        mvc.perform(get("/fairs/" + fair + "/sheet").session(session)).andExpect(status().isOk());
    }

    @Test
    void pagesRenderOnH2() throws Exception {
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(get("/organisation/classes").session(session)).andExpect(status().isOk());
        mvc.perform(get("/audit").session(session)).andExpect(status().isOk());
        mvc.perform(get("/talent/masters").session(session)).andExpect(status().isOk());
        mvc.perform(get("/training/rates").session(session)).andExpect(status().isOk());
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        mvc.perform(get("/dashboard/body").session(session)).andExpect(status().isOk());
        mvc.perform(get("/dashboard/schools/body").session(session)).andExpect(status().isOk());
        mvc.perform(get("/reports/profile").session(session)).andExpect(status().isOk());
        mvc.perform(get("/reports/quality").session(session)).andExpect(status().isOk());
        // the employment pages the schools are judged on (a column alias "year" broke /graduates on H2)
        mvc.perform(get("/graduates").session(session))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("id=\"breakdown\"")));
        mvc.perform(get("/api/v1/cohorts/2025/breakdown")
                        .param("school", TestUsers.ZHENPING)
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].counts.followUp").value("AT_GRADUATION"))
                .andExpect(jsonPath("$[0].counts.sectorSecondary").isNumber())
                .andExpect(jsonPath("$[0].medianPayBand").isString());
        mvc.perform(get("/graduates/destinations").session(session)).andExpect(status().isOk());
        mvc.perform(get("/graduates/graduations/new").session(session)).andExpect(status().isOk());
        var bureau = Sessions.login(mvc, TestUsers.BUREAU);
        mvc.perform(get("/graduates").param("school", TestUsers.ZHENPING).session(bureau))
                .andExpect(status().isOk());
        for (String format : List.of("html", "pdf", "xlsx")) {
            mvc.perform(get("/api/v1/reports/quality")
                            .param("school", TestUsers.ZHENPING)
                            .param("format", format)
                            .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                    .andExpect(status().isOk());
        }
    }

    /** The figures, stated in the generated prose of a fresh demo (the source text's shape). */
    @Test
    void theDemoSchoolsProfileStatesItsRecordsInProse() throws Exception {
        String zh = profile("zh");
        assertThat(zh)
                .contains("累计向社会输送毕业生28,400名")
                .contains("国家级大师4名、省市级大师21名、省级高级工艺美术师62名")
                .contains("河南省工艺美术职业教育集团理事长单位")
                .contains("镇平县玉雕职业教育集团牵头单位")
                .as("its practical-training rate leads its province (product.md, the demo school)")
                .containsPattern("在河南省\\d+所学校中位居第1位");
        java.util.regex.Matcher enterprises =
                java.util.regex.Pattern.compile("毕业生就业于([0-9,]+)家企业").matcher(zh);
        assertThat(enterprises.find()).isTrue();
        assertThat(Integer.parseInt(enterprises.group(1).replace(",", ""))).isGreaterThan(2000);
        for (String title : jdbc.sql("SELECT h.title FROM honour h JOIN school s ON s.id = h.school_id"
                        + " WHERE s.code = :c AND h.student_id IS NULL AND h.staff_id IS NULL")
                .param("c", TestUsers.ZHENPING)
                .query(String.class)
                .list()) {
            assertThat(zh).contains("“" + title + "”");
        }
        assertThat(profile("en"))
                .contains("sent 28,400 graduates")
                .contains("4 national masters, 21 provincial and municipal masters and 62 provincial senior craftsmen")
                .contains("the director unit of the Henan");
    }

    private String profile(String lang) throws Exception {
        String json = mvc.perform(get("/api/v1/reports/profile")
                        .param("school", TestUsers.ZHENPING)
                        .param("lang", lang)
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        return String.join("\n", com.jayway.jsonpath.JsonPath.<List<String>>read(json, "$.paragraphs"));
    }

    /**
     * The demo's job market: its units post with accounts of their own, the demo user "enterprise" sees
     * its unit's postings and applicants, and each hire of a graduate is the destination the employment
     * module records for a hire (source HIRE, channel 学校推荐, waiting for the school).
     */
    @Test
    void theDemoUnitsPostAndTheirHiresBecomeDestinations() throws Exception {
        long units = jdbc.sql(
                        "SELECT COUNT(DISTINCT p.enterprise_id) FROM posting p JOIN app_user u"
                                + " ON u.enterprise_id = p.enterprise_id AND u.role = 'ENTERPRISE' AND u.username LIKE 'zp-unit-%'")
                .query(Long.class)
                .single();
        assertThat(units).isGreaterThanOrEqualTo(200);
        Long unit = jdbc.sql("SELECT enterprise_id FROM app_user WHERE username = :u")
                .param("u", TestUsers.ENTERPRISE)
                .query(Long.class)
                .single();
        long own = count("SELECT COUNT(*) FROM posting WHERE enterprise_id = " + unit);
        assertThat(own).isPositive();
        var basic = httpBasic(TestUsers.ENTERPRISE, TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/postings").with(basic))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(own));
        mvc.perform(get("/jobs/postings").session(Sessions.login(mvc, TestUsers.ENTERPRISE)))
                .andExpect(status().isOk());
        long hires = count("SELECT COUNT(*) FROM job_application a JOIN student s ON s.id = a.student_id"
                + " WHERE a.stage = 'HIRED' AND s.graduation_year IS NOT NULL");
        assertThat(hires).isPositive();
        assertThat(count("SELECT COUNT(*) FROM destination d WHERE d.source = 'HIRE' AND d.channel = 'SCHOOL'"
                        + " AND d.confirmed = FALSE AND d.kind = 'EMPLOYED' AND EXISTS (SELECT 1 FROM job_application a"
                        + " JOIN posting p ON p.id = a.posting_id WHERE a.student_id = d.student_id AND a.stage = 'HIRED'"
                        + " AND p.enterprise_id = d.enterprise_id)"))
                .isEqualTo(hires);
        mvc.perform(get("/api/v1/applications").with(httpBasic("student", TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(org.hamcrest.Matchers.greaterThan(0)));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
