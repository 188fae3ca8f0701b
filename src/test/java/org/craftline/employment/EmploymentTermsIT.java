package org.craftline.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The terms the ministry's statistics ask of a directly employed graduate (channel, sector, pay
 * band, contract, insurance, abroad): through the API, the grid, the graduate's own report and the
 * destinations import, each with the same rules.
 */
@PostgresTest
class EmploymentTermsIT {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApiRecordsTheTermsAndRefusesThoseTheKindOrUnitDoesNotTake() throws Exception {
        long graduate = graduate(30);
        String unit = jadeUnit();
        record(
                        graduate,
                        "YEAR_1",
                        "EMPLOYED",
                        "\"enterpriseId\":" + unit,
                        terms("\"OTHER\"", "\"TERTIARY\"", "\"TO_4000\"", "true", "true", "false"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("terms.sector"));
        record(
                        graduate,
                        "YEAR_1",
                        "EMPLOYED",
                        "\"enterpriseId\":" + unit,
                        terms("\"AGENCY\"", "null", "\"TO_4000\"", "true", "false", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("terms.abroad"));
        record(
                        graduate,
                        "YEAR_1",
                        "FURTHER_STUDY",
                        "\"enterpriseId\":null",
                        terms("null", "null", "\"TO_3000\"", "null", "null", "false"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("terms.payBand"));
        record(
                        graduate,
                        "YEAR_1",
                        "SELF_EMPLOYED",
                        "\"employerName\":\"自家玉雕作坊\"",
                        terms("null", "null", "null", "true", "null", "false"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("terms.contract"));
        record(
                        graduate,
                        "YEAR_1",
                        "EMPLOYED",
                        "\"enterpriseId\":" + unit,
                        terms("\"AGENCY\"", "null", "\"TO_4000\"", "true", "false", "false"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.channel").value("AGENCY"))
                .andExpect(jsonPath("$.sector").value("SECONDARY"))
                .andExpect(jsonPath("$.payBand").value("TO_4000"))
                .andExpect(jsonPath("$.contract").value(true))
                .andExpect(jsonPath("$.insured").value(false))
                .andExpect(jsonPath("$.abroad").value(false));
        // abroad, outside the registry: not local, whatever the box says
        record(
                        graduate(31),
                        "YEAR_1",
                        "EMPLOYED",
                        "\"employerName\":\"迪拜玉石行\",\"local\":true",
                        terms("\"OTHER\"", "\"TERTIARY\"", "\"OVER_6000\"", "true", "null", "true"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("terms.abroad"));
        record(
                        graduate(31),
                        "YEAR_1",
                        "EMPLOYED",
                        "\"employerName\":\"迪拜玉石行\",\"local\":false",
                        terms("\"OTHER\"", "\"TERTIARY\"", "\"OVER_6000\"", "true", "null", "true"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.abroad").value(true))
                .andExpect(jsonPath("$.sector").value("TERTIARY"))
                .andExpect(jsonPath("$.insured").doesNotExist());
    }

    @Test
    void theGridKeepsTheTermsAndTheTimelineShowsThem() throws Exception {
        long graduate = graduate(32);
        String unit = jadeUnit();
        record(
                        graduate,
                        "MONTHS_6",
                        "EMPLOYED",
                        "\"enterpriseId\":" + unit,
                        terms("\"SCHOOL\"", "null", "\"TO_3000\"", "true", "true", "false"))
                .andExpect(status().isOk());
        var row = row(graduate, "MONTHS_6");
        var office = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(post("/graduates/destinations")
                        .session(office)
                        .with(csrf())
                        .param("school", TestUsers.ZHENPING)
                        .param("year", row.get("graduation_year").toString())
                        .param("point", "MONTHS_6")
                        .param("page", "1")
                        .param("recordedOn", "2026-12-01")
                        .param("rows[0].studentId", String.valueOf(graduate))
                        .param("rows[0].version", row.get("version").toString())
                        .param("rows[0].kind", "EMPLOYED")
                        .param("rows[0].employer", "#" + unit)
                        .param("rows[0].position", "玉雕师"))
                .andExpect(status().is3xxRedirection());
        assertThat(row(graduate, "MONTHS_6"))
                .containsEntry("position", "玉雕师")
                .containsEntry("channel", "SCHOOL")
                .containsEntry("pay_band", "TO_3000")
                .containsEntry("contract", true);
        mvc.perform(get("/graduates/{id}", graduate).session(office))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("2001–3000元")))
                .andExpect(content().string(Matchers.containsString("学校推荐")))
                .andExpect(content().string(Matchers.containsString("第二产业")));
    }

    @Test
    void theGraduateReportsTheTermsOnItsPage() throws Exception {
        long me = jdbc.sql("SELECT student_id FROM app_user WHERE username = 'student'")
                .query(Long.class)
                .single();
        var student = Sessions.login(mvc, "student");
        mvc.perform(get("/me").session(student))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("name=\"terms.payBand\"")));
        mvc.perform(post("/me/destination")
                        .session(student)
                        .with(csrf())
                        .param("kind", "UNEMPLOYED")
                        .param("_inCounty", "on")
                        .param("terms.payBand", "TO_3000"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("此项只适用于直接就业")));
        mvc.perform(post("/me/destination")
                        .session(student)
                        .with(csrf())
                        .param("kind", "EMPLOYED")
                        .param("employerName", "苏州玉雕工作室")
                        .param("position", "设计")
                        .param("_inCounty", "on")
                        .param("terms.channel", "OTHER")
                        .param("terms.sector", "SECONDARY")
                        .param("terms.payBand", "TO_5000")
                        .param("terms.contract", "true")
                        .param("terms.insured", "")
                        .param("_terms.abroad", "on"))
                .andExpect(status().is3xxRedirection());
        assertThat(row(me, "LATER"))
                .containsEntry("confirmed", false)
                .containsEntry("channel", "OTHER")
                .containsEntry("pay_band", "TO_5000")
                .containsEntry("contract", true)
                .containsEntry("insured", null)
                .containsEntry("abroad", false);
    }

    @Test
    void theImportCarriesTheTermsAndAnOlderFileKeepsThem() throws Exception {
        String a = number(graduate(33));
        String b = number(graduate(34));
        String older = "学号,跟踪节点,记录日期,去向,用人单位信用代码,名录企业编号（无信用代码时）,用人单位（名录外）,岗位,在本县（名录外单位）,专业对口（人工判定）,判定理由";
        String header = older + ",就业渠道,产业,月收入,签订劳动合同,缴纳社会保险,境外就业";
        List<String> lines = List.of(
                header,
                a + ",毕业一年,2027-07-01,就业,,,杭州地毯厂,织工,否,,,中介,第二产业,3001-4000元,是,是,否",
                b + ",毕业一年,2027-07-01,升学,,,,,,,,,,,,,",
                a + ",毕业三年,2029-07-01,就业,,,某厂,,否,,,熟人介绍,,,,,",
                b + ",毕业三年,2029-07-01,待业,,,,,,,,,,6000元以上,,,");
        upload(csv(lines), true)
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[?(@.row == 4)].column").value("就业渠道"))
                .andExpect(jsonPath("$.errors[?(@.row == 5)].column").value("月收入"));
        upload(csv(lines.subList(0, 3)), false).andExpect(jsonPath("$.created").value(2));
        long graduateA = graduate(33);
        assertThat(row(graduateA, "YEAR_1"))
                .containsEntry("channel", "AGENCY")
                .containsEntry("sector", "SECONDARY")
                .containsEntry("pay_band", "TO_4000")
                .containsEntry("insured", true);
        // a file of the columns before the terms changes the position and keeps the terms
        upload(csv(List.of(older, a + ",毕业一年,2027-07-01,就业,,,杭州地毯厂,挡车工,否,,")), false)
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(row(graduateA, "YEAR_1"))
                .containsEntry("position", "挡车工")
                .containsEntry("channel", "AGENCY")
                .containsEntry("pay_band", "TO_4000");
        upload(csv(List.of(older, a + ",毕业一年,2027-07-01,就业,,,杭州地毯厂,挡车工,否,,")), false)
                .andExpect(jsonPath("$.unchanged").value(1));
        byte[] export = mvc.perform(get("/api/v1/exports/destinations")
                        .param("format", "csv")
                        .param("lang", "en")
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(export, StandardCharsets.UTF_8)).contains("Agency,Secondary sector,\"3,001–4,000 yuan\"");
        upload(new MockMultipartFile("file", "d.csv", null, export), true)
                .andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0));
        // the committed import told its user in the inbox; the preview after it did not
        mvc.perform(get("/api/v1/me/notifications").with(ADMIN))
                .andExpect(jsonPath("$.items[0].kind").value("IMPORT_FINISHED"))
                .andExpect(jsonPath("$.items[0].messageKey").value("notify.import.finished"))
                .andExpect(jsonPath("$.items[0].args").value(Matchers.startsWith("terms.csv")))
                .andExpect(jsonPath("$.items[0].link").value("/imports"));
    }

    @Test
    void theCohortBreaksDownAsTheMinistryCountsOnAHandBuiltFixture() throws Exception {
        int year = jdbc.sql("SELECT graduation_year FROM student WHERE id = :s")
                .param("s", graduate(40))
                .query(Integer.class)
                .single();
        List<Long> five = jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id WHERE sc.code = :c"
                        + " AND s.graduation_year = :y AND NOT EXISTS (SELECT 1 FROM destination d"
                        + " WHERE d.student_id = s.id AND d.follow_up = 'LATER') ORDER BY s.student_number DESC"
                        + " FETCH FIRST 5 ROWS ONLY")
                .param("c", TestUsers.ZHENPING)
                .param("y", year)
                .query(Long.class)
                .list();
        String before = breakdown(year);
        String localUnit = jdbc.sql("SELECT CAST(e.id AS VARCHAR(20)) FROM enterprise e JOIN school sc"
                        + " ON sc.region_id = e.region_id WHERE sc.code = :c AND e.industry = 'JADE_CARVING'"
                        + " ORDER BY e.id FETCH FIRST 1 ROWS ONLY")
                .param("c", TestUsers.ZHENPING)
                .query(String.class)
                .single();
        record(
                        five.get(0),
                        "LATER",
                        "EMPLOYED",
                        "\"enterpriseId\":" + localUnit,
                        terms("\"SCHOOL\"", "null", "\"TO_3000\"", "true", "true", "false"))
                .andExpect(status().isOk());
        record(
                        five.get(1),
                        "LATER",
                        "EMPLOYED",
                        "\"employerName\":\"杭州地毯厂\",\"local\":false",
                        terms("\"AGENCY\"", "\"SECONDARY\"", "\"TO_5000\"", "false", "null", "false"))
                .andExpect(status().isOk());
        record(
                        five.get(2),
                        "LATER",
                        "SELF_EMPLOYED",
                        "\"employerName\":\"自家作坊\",\"local\":true",
                        terms("null", "\"SECONDARY\"", "\"TO_4000\"", "null", "false", "false"))
                .andExpect(status().isOk());
        record(five.get(3), "LATER", "FURTHER_STUDY", "\"enterpriseId\":null", "null")
                .andExpect(status().isOk());
        record(
                        five.get(4),
                        "LATER",
                        "EMPLOYED",
                        "\"employerName\":\"迪拜玉石行\",\"local\":false",
                        terms("\"OTHER\"", "\"TERTIARY\"", "\"OVER_6000\"", "true", "true", "true"))
                .andExpect(status().isOk());
        String after = breakdown(year);
        Map<String, Long> expected = new java.util.LinkedHashMap<>();
        expected.put("recorded", 5L);
        expected.put("employed", 3L);
        expected.put("selfEmployed", 1L);
        expected.put("furtherStudy", 1L);
        expected.put("military", 0L);
        expected.put("channelSchool", 1L);
        expected.put("channelAgency", 1L);
        expected.put("channelOther", 1L);
        expected.put("sectorPrimary", 0L);
        expected.put("sectorSecondary", 3L);
        expected.put("sectorTertiary", 1L);
        expected.put("regionLocal", 2L);
        expected.put("regionElsewhere", 1L);
        expected.put("regionAbroad", 1L);
        expected.put("contractYes", 2L);
        expected.put("contractNo", 1L);
        expected.put("insuredYes", 2L);
        expected.put("insuredNo", 1L);
        expected.put("payTo3000", 1L);
        expected.put("payTo4000", 1L);
        expected.put("payTo5000", 1L);
        expected.put("payOver6000", 1L);
        expected.forEach(
                (field, delta) -> assertThat(later(after, "counts." + field) - later(before, "counts." + field))
                        .as(field)
                        .isEqualTo(delta));
        if (later(before, "counts.recorded") == 0) {
            // the point holds the fixture only: its median is the fixture's (bands 3000, 4000, 5000, 6000+)
            assertThat(com.jayway.jsonpath.JsonPath.<List<String>>read(
                            after, "$[?(@.counts.followUp == 'LATER')].medianPayBand"))
                    .containsExactly("TO_4000");
        }
        // the county's bureau reads the same counts for its region (the demo school is in it)
        String region = mvc.perform(get("/api/v1/indicators/breakdown")
                        .param("region", "411324")
                        .param("year", String.valueOf(year))
                        .with(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(later(region, "counts.recorded")).isGreaterThanOrEqualTo(later(after, "counts.recorded"));
        assertThat(later(region, "counts.regionAbroad")).isGreaterThanOrEqualTo(1);
        mvc.perform(get("/api/v1/reports/quality")
                        .param("school", TestUsers.ZHENPING)
                        .param("year", String.valueOf(year))
                        .param("format", "html")
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("直接就业情况（按教育部中职毕业生就业统计口径）")));
        var office = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(get("/graduates").param("year", String.valueOf(year)).session(office))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("按教育部中职毕业生就业统计口径")));
        mvc.perform(get("/graduates")
                        .param("year", String.valueOf(year))
                        .param("lang", "en")
                        .session(office))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Median monthly pay band")));
    }

    private String breakdown(int year) throws Exception {
        return mvc.perform(get("/api/v1/cohorts/{year}/breakdown", year)
                        .param("school", TestUsers.ZHENPING)
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A count of the LATER point in a breakdown answer (0 when the point has no row). */
    private static long later(String body, String field) {
        List<Number> values = com.jayway.jsonpath.JsonPath.read(body, "$[?(@.counts.followUp == 'LATER')]." + field);
        return values.isEmpty() ? 0 : values.get(0).longValue();
    }

    private ResultActions record(long student, String point, String kind, String employer, String terms)
            throws Exception {
        String body = "{\"followUp\":\"" + point + "\",\"recordedOn\":\"2026-11-30\",\"kind\":\"" + kind + "\","
                + employer + ",\"terms\":" + terms + ",\"version\":"
                + StoredVersions.destination(jdbc, student, point) + "}";
        return mvc.perform(post("/api/v1/graduates/{id}/destinations", student)
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static String terms(
            String channel, String sector, String payBand, String contract, String insured, String abroad) {
        return "{\"channel\":" + channel + ",\"sector\":" + sector + ",\"payBand\":" + payBand + ",\"contract\":"
                + contract + ",\"insured\":" + insured + ",\"abroad\":" + abroad + "}";
    }

    /** A graduate of the demo school, the n-th by student number, apart from other tests' graduates. */
    private long graduate(int n) {
        return jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id WHERE sc.code = :c"
                        + " AND s.graduation_year IS NOT NULL ORDER BY s.graduation_year DESC, s.student_number"
                        + " OFFSET " + n + " ROWS FETCH FIRST 1 ROWS ONLY")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
    }

    private String number(long student) {
        return jdbc.sql("SELECT student_number FROM student WHERE id = :s")
                .param("s", student)
                .query(String.class)
                .single();
    }

    private String jadeUnit() {
        return jdbc.sql("SELECT CAST(id AS VARCHAR(20)) FROM enterprise WHERE industry = 'JADE_CARVING'"
                        + " ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .query(String.class)
                .single();
    }

    private Map<String, Object> row(long student, String point) {
        return jdbc.sql("SELECT * FROM destination WHERE student_id = :s AND follow_up = :p")
                .param("s", student)
                .param("p", point)
                .query()
                .singleRow();
    }

    private ResultActions upload(MockMultipartFile file, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/destinations")
                .file(file)
                .param("dryRun", String.valueOf(dryRun))
                .with(ADMIN));
    }

    private static MockMultipartFile csv(List<String> lines) {
        return ImportFiles.csv("terms.csv", lines, StandardCharsets.UTF_8);
    }
}
