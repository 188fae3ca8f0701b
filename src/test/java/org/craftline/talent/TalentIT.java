package org.craftline.talent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.concurrent.atomic.AtomicInteger;
import org.craftline.shared.Paged;
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
 * Certificates, masters, consent and apprenticeships: validation, uniqueness of numbers per issuing
 * body, the once-at-the-highest-level rule, the public page, tenancy, and the demo's figures.
 * Changes that would move the Zhenping figures (valid master honours, senior titles, its setting)
 * are made at the Nanyang school only.
 */
@PostgresTest
class TalentIT {

    static final RequestPostProcessor ZP_ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    static final RequestPostProcessor ZP_TEACHER = httpBasic(TestUsers.STAFF, TestUsers.PASSWORD);
    static final RequestPostProcessor BUREAU = httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD);
    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);
    static final RequestPostProcessor STUDENT = httpBasic("student", TestUsers.PASSWORD);
    static final String NANYANG = "4141013001";
    static final AtomicInteger SEQ = new AtomicInteger();
    static final String ZHENPING_GRADUATES = "SELECT COUNT(*) FROM student s JOIN school sc ON sc.id = s.school_id"
            + " WHERE sc.code = '" + TestUsers.ZHENPING + "' AND s.status = 'GRADUATED'";
    static final String HONOUR = "SELECT 1 FROM certificate c WHERE c.student_id = s.id AND c.kind = 'MASTER'"
            + " AND c.grade = '%s' AND c.status = '%s'";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoReproducesTheProfileFiguresCountingEachGraduateOnceAtTheHighestLevel() throws Exception {
        var levels = jdbc.sql("""
                        SELECT x.lvl, COUNT(*) FROM (
                          SELECT s.id, MAX(CASE
                              WHEN c.kind = 'MASTER' AND c.grade = 'NATIONAL' THEN 3
                              WHEN c.kind = 'MASTER' THEN 2
                              WHEN c.kind = 'TITLE' AND c.grade_rank >= 4 THEN 1
                              WHEN c.kind = 'SKILL' AND c.grade_rank >= ts.senior_skill_rank THEN 1
                              ELSE 0 END) AS lvl
                          FROM student s JOIN school sc ON sc.id = s.school_id
                          JOIN certificate c ON c.student_id = s.id AND c.status = 'VALID'
                          LEFT JOIN talent_setting ts ON ts.school_id = s.school_id
                          WHERE sc.code = :z AND s.status = 'GRADUATED' AND s.graduation_year IS NOT NULL
                          GROUP BY s.id) x
                        WHERE x.lvl > 0 GROUP BY x.lvl ORDER BY x.lvl
                        """)
                .param("z", TestUsers.ZHENPING)
                .query((rs, i) -> rs.getInt(1) + "=" + rs.getLong(2))
                .list();
        assertThat(levels).containsExactly("1=62", "2=21", "3=4");
        // the once rule matters: the national masters hold a provincial honour too, and one lapsed honour counts
        // nowhere
        assertThat(count(ZHENPING_GRADUATES + " AND EXISTS (" + HONOUR.formatted("NATIONAL", "VALID") + ") AND EXISTS ("
                        + HONOUR.formatted("PROVINCIAL", "VALID") + ")"))
                .isEqualTo(4);
        assertThat(count(ZHENPING_GRADUATES + " AND EXISTS (" + HONOUR.formatted("NATIONAL", "LAPSED")
                        + ") AND NOT EXISTS ("
                        + "SELECT 1 FROM certificate c WHERE c.student_id = s.id AND c.status = 'VALID'"
                        + " AND (c.kind = 'MASTER' OR (c.kind = 'TITLE' AND c.grade_rank >= 4)))"))
                .isEqualTo(1);
        mvc.perform(get("/api/v1/masters").param("level", "NATIONAL").with(ZP_ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4));
        mvc.perform(get("/api/v1/masters").param("size", "200").with(ZP_TEACHER))
                .andExpect(jsonPath("$.total").value(25));
        var page = mvc.perform(get("/talent/masters")
                        .param("level", "NATIONAL")
                        .session(Sessions.login(mvc, TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getModelAndView()
                .getModel()
                .get("masters");
        assertThat(((Paged<?>) page).total()).isEqualTo(4);
        assertThat(count(
                        "SELECT COUNT(*) FROM talent_setting ts JOIN school sc ON sc.id = ts.school_id WHERE sc.code = '"
                                + TestUsers.ZHENPING + "'"))
                .isZero();
    }

    @Test
    void aCertificateIsCreatedEditedAndDeletedWithItsRulesChecked() throws Exception {
        String number = number();
        String json = create(ZP_ADMIN, skill("G201800005", "LEVEL_3", number, "河南省职业技能鉴定中心"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.schoolCode").value(TestUsers.ZHENPING))
                .andExpect(jsonPath("$.studentNumber").value("G201800005"))
                .andExpect(jsonPath("$.gradeRank").value(3))
                .andExpect(jsonPath("$.issuedYear").value(2018))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();
        int version = JsonPath.read(json, "$.version"); // a change is sent with the version it was read at

        create(ZP_ADMIN, skill("G201800005", "LEVEL_3", "", "河南省职业技能鉴定中心"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("certNumber")));
        create(ZP_ADMIN, skill("G201800005", "SENIOR", number(), "河南省职业技能鉴定中心"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("grade")));
        create(ZP_ADMIN, skill("NOBODY-1", "LEVEL_3", number(), "河南省职业技能鉴定中心"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("studentNumber")));
        create(
                        ZP_ADMIN,
                        skill("G201800005", "LEVEL_3", number(), "河南省职业技能鉴定中心")
                                .replace("\"staffNumber\":\"\"", "\"staffNumber\":\"T0001\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("studentNumber")));
        create(
                        ZP_ADMIN,
                        skill("G201800005", "LEVEL_3", number(), "河南省职业技能鉴定中心")
                                .replace("\"schoolCode\":\"\"", "\"schoolCode\":\"" + TestUsers.NEIXIANG + "\""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("schoolCode"));

        mvc.perform(put("/api/v1/certificates/{id}", id)
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(versioned(skill("G201800005", "LEVEL_2", number, "河南省职业技能鉴定中心"), version)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grade").value("LEVEL_2"))
                .andExpect(jsonPath("$.gradeRank").value(4));
        mvc.perform(put("/api/v1/certificates/{id}", id)
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(versioned(
                                skill("G201800005", "LEVEL_2", number, "河南省职业技能鉴定中心")
                                        .replace("\"issuedOn\":null", "\"issuedOn\":\"2019-05-01\""),
                                version + 1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("issuedYear")));
        mvc.perform(delete("/api/v1/certificates/{id}", id).with(ZP_TEACHER)).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/certificates/{id}", id).with(ZP_ADMIN)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/certificates/{id}", id).with(ZP_ADMIN)).andExpect(status().isNotFound());
        assertThat(jdbc.sql(
                                "SELECT action FROM audit_event WHERE entity_type = 'certificate' AND entity_key = :k ORDER BY id")
                        .param("k", String.valueOf(id))
                        .query(String.class)
                        .list())
                .containsExactly("CREATE", "UPDATE", "DELETE");
    }

    @Test
    void pagesShowFieldErrorsAndDeleteAfterConfirmation() throws Exception {
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(post("/talent/certificates").session(session).with(csrf()).params(form("G201700008", "")))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "certNumber", "certificate.number.required"));
        String number = number();
        mvc.perform(post("/talent/certificates").session(session).with(csrf()).params(form("G201700008", number)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/talent/certificates").session(session).with(csrf()).params(form("G201700009", number)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "certNumber", "certificate.number.taken"));
        long id = idOfNumber(number);
        mvc.perform(get("/talent/certificates/{id}/edit", id).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("data-confirm")));
        for (String path : new String[] {
            "/talent/certificates",
            "/talent/certificates?kind=MASTER&grade=NATIONAL",
            "/talent/certificates/new",
            "/talent/masters",
            "/talent/apprenticeships",
            "/talent/apprenticeships/new",
            "/talent/settings",
            "/talent/certificates?lang=en"
        }) {
            mvc.perform(get(path).session(session)).andExpect(status().isOk());
        }
        mvc.perform(post("/talent/certificates/{id}/delete", id)
                        .session(Sessions.login(mvc, TestUsers.STAFF))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/talent/certificates/{id}/delete", id)
                        .session(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/talent/certificates"));
        assertThat(count("SELECT COUNT(*) FROM certificate WHERE cert_number = '" + number + "'"))
                .isZero();
    }

    @Test
    void aNumberIsUniquePerIssuingBody() throws Exception {
        String number = number();
        create(ZP_ADMIN, skill("G201600003", "LEVEL_4", number, "镇平县测试鉴定站")).andExpect(status().isCreated());
        create(ZP_ADMIN, skill("G201600004", "LEVEL_4", number, "镇平县测试鉴定站"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("certNumber"));
        create(ZP_ADMIN, skill("G201600004", "LEVEL_4", number, "南阳市测试鉴定站")).andExpect(status().isCreated());
        // another school's administrator learns only that the number is taken
        mvc.perform(post("/api/v1/certificates")
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(skill("G201600004", "LEVEL_4", number, "镇平县测试鉴定站")
                                .replace("\"schoolCode\":\"\"", "\"schoolCode\":\"" + NANYANG + "\"")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(not(org.hamcrest.Matchers.containsString("G2016"))));
    }

    @Test
    void theImportReportsEveryBadRowCommitsAndReimportsUnchanged() throws Exception {
        String run = "IMP" + System.nanoTime();
        var clash = jdbc.sql("""
                        SELECT c.issuing_body, c.cert_number FROM certificate c JOIN school sc ON sc.id = c.school_id
                        JOIN student s ON s.id = c.student_id
                        WHERE sc.code = :z AND c.cert_number IS NOT NULL AND s.student_number <> 'G201900011'
                        ORDER BY c.id FETCH FIRST 1 ROWS ONLY
                        """).param("z", TestUsers.ZHENPING).query().singleRow();
        var elsewhere = jdbc.sql("""
                        SELECT c.issuing_body, c.cert_number FROM certificate c JOIN school sc ON sc.id = c.school_id
                        WHERE sc.code = :n AND c.cert_number IS NOT NULL ORDER BY c.id FETCH FIRST 1 ROWS ONLY
                        """).param("n", TestUsers.NEIXIANG).query().singleRow();
        String header = "学号,工号,证书类别,等级,名称（职业/证书/称号）,发证机构,证书编号,发证年份,发证日期,状态";
        var good = java.util.List.of(
                header,
                "G201900011,,职业技能等级证书,高级工,玉雕工,导入测试鉴定站," + run + "-1,2019,,",
                ",T0005,SKILL,技师,玉雕工,导入测试鉴定站," + run + "-2,,2021/6/18,有效",
                "G201000003,,大师称号,市级,南阳市玉雕大师,导入测试协会" + run + ",,2020,,已失效");
        var bad = new java.util.ArrayList<>(good);
        bad.add("G201900012,T0005,职业技能等级证书,高级工,玉雕工,导入测试鉴定站," + run + "-3,2019,,");
        bad.add("G201900012,,职业技能等级证书,国家级,玉雕工,导入测试鉴定站," + run + "-4,2019,,");
        bad.add("G201900012,,职业技能等级证书,高级工,玉雕工,导入测试鉴定站,,2019,,");
        bad.add("G201900011,,职业技能等级证书,高级工,玉雕工," + clash.get("issuing_body") + "," + clash.get("cert_number")
                + ",2019,,");
        bad.add("G201900011,,职业技能等级证书,高级工,玉雕工," + elsewhere.get("issuing_body") + "," + elsewhere.get("cert_number")
                + ",2019,,");
        String json = upload(bad, true)
                .andExpect(jsonPath("$.rows").value(8))
                .andExpect(jsonPath("$.rejected").value(5))
                .andExpect(jsonPath("$.errors[*].row", hasItem(5)))
                .andExpect(jsonPath("$.errors[*].row", hasItem(6)))
                .andExpect(jsonPath("$.errors[*].row", hasItem(7)))
                .andExpect(jsonPath("$.errors[*].row", hasItem(8)))
                .andExpect(jsonPath("$.errors[*].row", hasItem(9)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.util.List<String> taken = JsonPath.read(json, "$.errors[?(@.row >= 8)].message");
        assertThat(taken).hasSize(2).allMatch(m -> m.equals(taken.get(0)));
        upload(bad, false).andExpect(jsonPath("$.rejected").value(5)); // all or nothing: no row is written
        assertThat(count("SELECT COUNT(*) FROM certificate WHERE cert_number LIKE '" + run + "%'"))
                .isZero();

        upload(good, false)
                .andExpect(jsonPath("$.created").value(3))
                .andExpect(jsonPath("$.rejected").value(0));
        assertThat(count("SELECT COUNT(*) FROM certificate WHERE cert_number LIKE '" + run + "%'"))
                .isEqualTo(2);
        assertThat(count("SELECT issued_year FROM certificate WHERE cert_number = '" + run + "-2'"))
                .isEqualTo(2021);
        upload(good, false)
                .andExpect(jsonPath("$.unchanged").value(3))
                .andExpect(jsonPath("$.created").value(0));
        var changed = new java.util.ArrayList<>(good);
        changed.set(1, changed.get(1).replace("高级工", "技师"));
        upload(changed, false)
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.unchanged").value(2));

        byte[] export = mvc.perform(get("/api/v1/exports/certificates")
                        .param("format", "csv")
                        .with(ZP_ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        long rows = count("SELECT COUNT(*) FROM certificate c JOIN school sc ON sc.id = c.school_id WHERE sc.code = '"
                + TestUsers.ZHENPING + "'");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/api/v1/imports/certificates")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "c.csv", null, export))
                        .param("dryRun", "true")
                        .with(ZP_ADMIN))
                .andExpect(jsonPath("$.rows").value(rows))
                .andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.unchanged").value(rows));
    }

    @Test
    void anApprenticeNeedsAMasterWithAValidHonourAndNoOverlappingPeriod() throws Exception {
        String master =
                jdbc.sql("""
                        SELECT s.student_number FROM certificate c JOIN student s ON s.id = c.student_id
                        JOIN school sc ON sc.id = c.school_id
                        WHERE sc.code = :z AND c.kind = 'MASTER' AND c.grade = 'NATIONAL' AND c.status = 'VALID'
                        ORDER BY s.student_number FETCH FIRST 1 ROWS ONLY
                        """).param("z", TestUsers.ZHENPING).query(String.class).single();
        String apprentice =
                jdbc.sql("""
                        SELECT s.student_number FROM student s JOIN school sc ON sc.id = s.school_id
                        WHERE sc.code = :z AND s.status = 'ENROLLED' ORDER BY s.student_number DESC FETCH FIRST 1 ROWS ONLY
                        """).param("z", TestUsers.ZHENPING).query(String.class).single();
        apprenticeship(ZP_ADMIN, "G202000009", "", apprentice, "2025-09-01", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("masterStudentNumber")));
        apprenticeship(ZP_ADMIN, "", "T0150", apprentice, "2025-09-01", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("masterStaffNumber")));
        apprenticeship(ZP_ADMIN, master, "", apprentice, "2025-09-01", "2025-01-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("endedOn")));
        String json = apprenticeship(ZP_ADMIN, master, "", apprentice, "2031-09-01", null)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.masterNumber").value(master))
                .andExpect(jsonPath("$.apprenticeNumber").value(apprentice))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(json, "$.id")).longValue();
        apprenticeship(ZP_ADMIN, master, "", apprentice, "2032-01-01", "2032-06-30")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("apprenticeNumber"));
        apprenticeship(ZP_ADMIN, master, "", apprentice, "2030-01-01", "2030-12-31")
                .andExpect(status().isCreated());
        apprenticeship(ZP_TEACHER, master, "", apprentice, "2029-01-01", null).andExpect(status().isForbidden());
        apprenticeship(BUREAU, master, "", apprentice, "2029-01-01", null).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/apprenticeships/{id}/end", id)
                        .param("endedOn", "2033-07-01")
                        .with(ZP_ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endedOn").value("2033-07-01"));
        mvc.perform(get("/api/v1/apprenticeships").param("person", apprentice).with(ZP_TEACHER))
                .andExpect(jsonPath("$.items[*].id", hasItem((int) id)));
        mvc.perform(delete("/api/v1/apprenticeships/{id}", id).with(ZP_ADMIN)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/apprenticeships").param("person", apprentice).with(ZP_TEACHER))
                .andExpect(jsonPath("$.items[*].id", not(hasItem((int) id))));
    }

    @Test
    void aMasterIsListedOnceAtTheHighestLevelAndPublishedOnlyWithConsent() throws Exception {
        String graduate = jdbc.sql("""
                        SELECT s.student_number FROM student s JOIN school sc ON sc.id = s.school_id
                        WHERE sc.code = :n AND s.status = 'GRADUATED' AND s.graduation_year = 2020
                          AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.student_id = s.id AND c.kind = 'MASTER')
                        ORDER BY s.student_number FETCH FIRST 1 ROWS ONLY
                        """).param("n", NANYANG).query(String.class).single();
        String name = jdbc.sql(
                        "SELECT s.name FROM student s JOIN school sc ON sc.id = s.school_id WHERE sc.code = :n AND s.student_number = :s")
                .param("n", NANYANG)
                .param("s", graduate)
                .query(String.class)
                .single();
        honour(graduate, "MUNICIPAL", "南阳市玉雕大师", "VALID", 2022);
        honour(graduate, "PROVINCIAL", "河南省玉雕大师", "VALID", 2024);
        honour(graduate, "NATIONAL", "中国玉石雕刻大师", "LAPSED", 2025);
        mvc.perform(get("/api/v1/masters")
                        .param("school", NANYANG)
                        .param("size", "200")
                        .with(ADMIN))
                .andExpect(jsonPath("$.items[?(@.studentNumber == '" + graduate + "')].level")
                        .value(org.hamcrest.Matchers.contains("PROVINCIAL")))
                .andExpect(jsonPath("$.items[?(@.studentNumber == '" + graduate + "')].honour")
                        .value(org.hamcrest.Matchers.contains("河南省玉雕大师")));

        mvc.perform(get("/public/masters/{code}", NANYANG))
                .andExpect(status().isOk())
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString(name + "<"))));
        consent(graduate, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consented").value(true));
        mvc.perform(get("/public/masters/{code}", NANYANG))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(">" + name + "<")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("河南省玉雕大师")))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString(graduate))));
        mvc.perform(put("/api/v1/masters/{n}/consent", graduate)
                        .param("school", NANYANG)
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"consented\":false,\"givenOn\":\"2025-06-01\"}"))
                .andExpect(status().isBadRequest());
        consent(graduate, false).andExpect(status().isOk());
        mvc.perform(get("/public/masters/{code}", NANYANG))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString(">" + name + "<"))));
        mvc.perform(get("/public/masters/{code}", "9999999999")).andExpect(status().isNotFound());
        mvc.perform(get("/public/masters/{code}", TestUsers.ZHENPING))
                .andExpect(status().isOk())
                .andExpect(model().attribute("masters", org.hamcrest.Matchers.hasSize(18)));
    }

    @Test
    void eachUserSeesAndChangesOnlyWhatItsRoleAndSchoolAllow() throws Exception {
        long neixiang =
                jdbc.sql("""
                        SELECT c.id FROM certificate c JOIN school sc ON sc.id = c.school_id WHERE sc.code = :n
                        ORDER BY c.id FETCH FIRST 1 ROWS ONLY
                        """).param("n", TestUsers.NEIXIANG).query(Long.class).single();
        mvc.perform(get("/api/v1/certificates/{id}", neixiang).with(ZP_ADMIN)).andExpect(status().isNotFound());
        mvc.perform(put("/api/v1/certificates/{id}", neixiang)
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(skill("G201800005", "LEVEL_3", number(), "河南省职业技能鉴定中心")))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/certificates/{id}", neixiang).with(ZP_ADMIN))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/certificates").param("size", "200").with(ZP_ADMIN))
                .andExpect(jsonPath("$.items[*].schoolCode", everyItem(org.hamcrest.Matchers.is(TestUsers.ZHENPING))));
        mvc.perform(get("/api/v1/certificates/{id}", neixiang).with(BUREAU)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/certificates").with(BUREAU)).andExpect(jsonPath("$.total", greaterThan(0)));
        create(BUREAU, skill("G201800005", "LEVEL_3", number(), "河南省职业技能鉴定中心")).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/certificates/{id}", neixiang).with(BUREAU)).andExpect(status().isForbidden());
        mvc.perform(post("/talent/certificates")
                        .session(Sessions.login(mvc, TestUsers.BUREAU))
                        .with(csrf())
                        .params(form("G201700008", number())))
                .andExpect(status().isForbidden());

        String own = number();
        create(
                        ZP_ADMIN,
                        skill("G202600001", "LEVEL_4", own, "河南省职业技能鉴定中心")
                                .replace("\"issuedYear\":2018", "\"issuedYear\":2026"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/certificates").with(STUDENT))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/v1/certificates/{id}", idOfNumber(own)).with(STUDENT))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/me/certificates").with(STUDENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].certNumber", hasItem(own)))
                .andExpect(jsonPath("$[*].studentNumber", everyItem(org.hamcrest.Matchers.is("G202600001"))));
        mvc.perform(get("/api/v1/me/certificates").with(ZP_ADMIN)).andExpect(status().isForbidden());
        var student = Sessions.login(mvc, "student");
        mvc.perform(get("/me/certificates").session(student))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(own)));
        mvc.perform(get("/talent/certificates").session(student)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/masters").with(STUDENT))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aSchoolAdministratorDesignatesTheSeniorSkillGrade() throws Exception {
        mvc.perform(put("/api/v1/talent-settings")
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"schoolCode\":\"" + TestUsers.NEIXIANG
                                + "\",\"seniorSkillGrade\":\"LEVEL_3\",\"version\":"
                                + settingVersion(TestUsers.NEIXIANG) + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.seniorSkillGrade").value("LEVEL_3"));
        assertThat(count(
                        "SELECT ts.senior_skill_rank FROM talent_setting ts JOIN school sc ON sc.id = ts.school_id WHERE sc.code = '"
                                + TestUsers.NEIXIANG + "'"))
                .isEqualTo(3);
        mvc.perform(put("/api/v1/talent-settings")
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"schoolCode\":\"" + TestUsers.NEIXIANG + "\",\"seniorSkillGrade\":\"SENIOR\"}"))
                .andExpect(status().isBadRequest());
        // 学徒工 is below 初级工: it never makes a senior craftsman
        mvc.perform(put("/api/v1/talent-settings")
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"schoolCode\":\"" + TestUsers.NEIXIANG + "\",\"seniorSkillGrade\":\"APPRENTICE\","
                                + "\"version\":" + settingVersion(TestUsers.NEIXIANG) + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("seniorSkillGrade")));
        assertThat(count(
                        "SELECT ts.senior_skill_rank FROM talent_setting ts JOIN school sc ON sc.id = ts.school_id WHERE sc.code = '"
                                + TestUsers.NEIXIANG + "'"))
                .isEqualTo(3);
        mvc.perform(put("/api/v1/talent-settings")
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"schoolCode\":\"" + TestUsers.NEIXIANG + "\",\"seniorSkillGrade\":null}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/talent-settings").with(ZP_TEACHER))
                .andExpect(jsonPath("$.schoolCode").value(TestUsers.ZHENPING))
                .andExpect(jsonPath("$.seniorSkillGrade").doesNotExist());
        mvc.perform(get("/api/v1/talent-settings").param("school", NANYANG).with(ADMIN))
                .andExpect(jsonPath("$.seniorSkillGrade").value("LEVEL_1"));
    }

    @Test
    void aNumberTypedInFullWidthIsTheSameNumberAsTheImportReadsIt() throws Exception {
        String number = number();
        StringBuilder wide = new StringBuilder();
        number.chars().forEach(c -> wide.append((char) (c >= 0x21 && c <= 0x7E ? c + 0xFEE0 : c)));
        mvc.perform(post("/api/v1/certificates")
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(skill("G201800005", "LEVEL_4", wide.toString(), "测试鉴定中心（一）")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.certNumber").value(number))
                .andExpect(jsonPath("$.issuingBody").value("测试鉴定中心(一)"));
        mvc.perform(post("/api/v1/certificates")
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(skill("G201800006", "LEVEL_4", number, "测试鉴定中心(一)")))
                .andExpect(status().isConflict());
    }

    private static String number() {
        return "T-" + System.nanoTime() + "-" + SEQ.incrementAndGet();
    }

    private static String skill(String student, String grade, String number, String body) {
        return "{\"schoolCode\":\"\",\"studentNumber\":\"" + student
                + "\",\"staffNumber\":\"\",\"kind\":\"SKILL\",\"grade\":\""
                + grade + "\",\"name\":\"玉雕工\",\"issuingBody\":\"" + body + "\",\"certNumber\":\"" + number
                + "\",\"issuedYear\":2018,\"issuedOn\":null,\"status\":\"VALID\"}";
    }

    private static String versioned(String body, int version) {
        return body.substring(0, body.length() - 1) + ",\"version\":" + version + "}";
    }

    private static org.springframework.util.MultiValueMap<String, String> form(String student, String number) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("studentNumber", student);
        form.add("staffNumber", "");
        form.add("kind", "ONE_PLUS_X");
        form.add("grade", "INTERMEDIATE");
        form.add("name", "珠宝玉石鉴定");
        form.add("issuingBody", "页面测试评价组织");
        form.add("certNumber", number);
        form.add("issuedYear", "2021");
        form.add("issuedOn", "");
        form.add("status", "VALID");
        return form;
    }

    private ResultActions create(RequestPostProcessor user, String body) throws Exception {
        return mvc.perform(post("/api/v1/certificates")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private void honour(String student, String level, String name, String status, int year) throws Exception {
        mvc.perform(post("/api/v1/certificates")
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"schoolCode\":\"" + NANYANG + "\",\"studentNumber\":\"" + student
                                + "\",\"kind\":\"MASTER\",\"grade\":\"" + level + "\",\"name\":\"" + name
                                + "\",\"issuingBody\":\"测试协会\",\"issuedYear\":" + year + ",\"status\":\"" + status
                                + "\"}"))
                .andExpect(status().isCreated());
    }

    private ResultActions consent(String student, boolean consented) throws Exception {
        return mvc.perform(put("/api/v1/masters/{n}/consent", student)
                .param("school", NANYANG)
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"consented\":" + consented + ",\"givenOn\":\"2025-06-01\",\"version\":"
                        + consentVersion(student) + "}"));
    }

    /** The version of a school's talent setting as a reader sees it now (0 before the first save). */
    private int settingVersion(String school) {
        return jdbc.sql(
                        "SELECT COALESCE(MAX(ts.version), 0) FROM talent_setting ts JOIN school sc ON sc.id = ts.school_id"
                                + " WHERE sc.code = :c")
                .param("c", school)
                .query(Integer.class)
                .single();
    }

    private int consentVersion(String student) {
        return jdbc.sql(
                        "SELECT COALESCE(MAX(pc.version), 0) FROM publication_consent pc JOIN student s ON s.id = pc.student_id"
                                + " JOIN school sc ON sc.id = s.school_id WHERE sc.code = :c AND s.student_number = :n")
                .param("c", NANYANG)
                .param("n", student)
                .query(Integer.class)
                .single();
    }

    private ResultActions apprenticeship(
            RequestPostProcessor user, String master, String staff, String apprentice, String start, String end)
            throws Exception {
        return mvc.perform(post("/api/v1/apprenticeships")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"masterStudentNumber\":\"" + master + "\",\"masterStaffNumber\":\"" + staff
                        + "\",\"apprenticeNumber\":\"" + apprentice + "\",\"startedOn\":\"" + start + "\",\"endedOn\":"
                        + (end == null ? "null" : "\"" + end + "\"") + "}"));
    }

    private ResultActions upload(java.util.List<String> lines, boolean dryRun) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                        "/api/v1/imports/certificates")
                .file(org.craftline.support.ImportFiles.csv(
                        "certificates.csv", lines, java.nio.charset.StandardCharsets.UTF_8))
                .param("dryRun", String.valueOf(dryRun))
                .with(ZP_ADMIN));
    }

    private long idOfNumber(String number) {
        return jdbc.sql("SELECT id FROM certificate WHERE cert_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
