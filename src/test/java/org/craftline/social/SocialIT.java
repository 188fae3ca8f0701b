package org.craftline.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.craftline.shared.ResidentIds;
import org.craftline.support.ImportFiles;
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
 * Social training: trainee ID validation and masking (list, API, page, export), the under-16 rule,
 * recording completion and employment, the trainees import, a trainee's certificate, tenancy and the
 * demo. Each test makes its own programme and cohorts at Zhenping (demo cohorts stay untouched).
 */
@PostgresTest
class SocialIT {

    static final RequestPostProcessor ZP_ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    static final RequestPostProcessor ZP_TEACHER = httpBasic(TestUsers.STAFF, TestUsers.PASSWORD);
    static final RequestPostProcessor BUREAU = httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD);
    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.ADMIN, TestUsers.PASSWORD);
    static final AtomicInteger SEQ = new AtomicInteger();
    static final LocalDate START = LocalDate.of(2026, 3, 2);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void idNumbersAreValidatedAndNeverLeaveUnmasked() throws Exception {
        String cohort = cohort(programme(100));
        String id = id(LocalDate.of(1985, 4, 12), SEQ.incrementAndGet());
        String badCheck = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        enrol(cohort, "张秀英", badCheck, 50, false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("idNumber")))
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("校验位"))));
        String json = enrol(cohort, "张秀英", id.toLowerCase(), 50, false)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.idNumber").value(ResidentIds.mask(id)))
                .andExpect(jsonPath("$.gender").value(ResidentIds.gender(id).name()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).doesNotContain(id);
        enrol(cohort, "张秀英", id, 50, false).andExpect(status().isConflict());
        long trainee = ((Number) JsonPath.read(json, "$.traineeId")).longValue();

        mvc.perform(get("/api/v1/social/trainees")
                        .param("idTail", id.substring(14))
                        .with(ZP_TEACHER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].idNumber", hasItem(ResidentIds.mask(id))))
                .andExpect(content().string(not(containsString(id))));
        var teacher = Sessions.login(mvc, TestUsers.STAFF);
        mvc.perform(get("/social/trainees").param("q", "张秀英").session(teacher))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ResidentIds.mask(id))))
                .andExpect(content().string(not(containsString(id))));
        mvc.perform(get("/social/cohorts/{code}", cohort).session(teacher))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ResidentIds.mask(id))))
                .andExpect(content().string(not(containsString(id))));
        mvc.perform(get("/api/v1/social/trainees/{id}", trainee).with(ZP_ADMIN))
                .andExpect(jsonPath("$.idNumber").value(ResidentIds.mask(id)));

        mvc.perform(post("/api/v1/social/trainees/{id}/reveal", trainee).with(ZP_TEACHER))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/social/trainees/{id}/reveal", trainee).with(ZP_ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumber").value(id));
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE action = 'REVEAL' AND entity_type = 'trainee'"
                        + " AND entity_key = '" + trainee + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE before_json LIKE '%" + id + "%' OR after_json LIKE '%"
                        + id + "%'"))
                .isZero();

        String masked = export(ZP_TEACHER);
        assertThat(masked).contains(ResidentIds.mask(id)).doesNotContain(id);
        assertThat(export(ZP_ADMIN)).contains(id);
    }

    @Test
    void aTraineeMustBeSixteenOnTheFirstDayOfTheCohort() throws Exception {
        String cohort = cohort(programme(100));
        String fifteen = id(START.minusYears(16).plusDays(1), SEQ.incrementAndGet());
        String sixteen = id(START.minusYears(16), SEQ.incrementAndGet());
        enrol(cohort, "少年", fifteen, 10, false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].message", hasItem(containsString("16"))));
        enrol(cohort, "青年", sixteen, 10, false).andExpect(status().isCreated());
    }

    @Test
    void completionAndEmploymentAreRecordedWithTheirRules() throws Exception {
        String cohort = cohort(programme(80));
        String json = enrol(cohort, "李桂英", id(LocalDate.of(1979, 8, 8), SEQ.incrementAndGet()), 20, false)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long enrolment = ((Number) JsonPath.read(json, "$.id")).longValue();
        record(enrolment, ZP_ADMIN, "{\"attendanceHours\":81,\"completed\":true}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("attendanceHours")));
        record(enrolment, ZP_ADMIN, "{\"attendanceHours\":60,\"completed\":false,\"completedOn\":\"2026-05-01\"}")
                .andExpect(jsonPath("$.errors[*].field", hasItem("completedOn")));
        record(
                        enrolment,
                        ZP_ADMIN,
                        "{\"attendanceHours\":60,\"completed\":true,\"employed\":false,\"employer\":\"某厂\"}")
                .andExpect(jsonPath("$.errors[*].field", hasItem("employer")));
        record(enrolment, BUREAU, "{\"attendanceHours\":78,\"completed\":true}").andExpect(status().isForbidden());
        record(
                        enrolment,
                        ZP_ADMIN,
                        "{\"attendanceHours\":78,\"completed\":true,\"completedOn\":\"2026-05-20\",\"employed\":true,"
                                + "\"employer\":\"苏州市家政服务中心\",\"employedLocally\":false,\"employmentRecordedOn\":\"2026-08-20\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.completed").value(true))
                .andExpect(jsonPath("$.completedOn").value("2026-05-20"))
                .andExpect(jsonPath("$.employed").value(true))
                .andExpect(jsonPath("$.employedLocally").value(false));
        var admin = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(get("/social/enrolments/{id}/edit", enrolment).session(admin))
                .andExpect(status().isOk());
        mvc.perform(post("/social/enrolments/{id}", enrolment)
                        .session(admin)
                        .with(csrf())
                        .param("attendanceHours", "90")
                        .param("completed", "true")
                        .param("version", String.valueOf(versionOf(enrolment))))
                .andExpect(status().isOk())
                .andExpect(
                        model().attributeHasFieldErrorCode("form", "attendanceHours", "enrolment.hours.overProgramme"));
        mvc.perform(post("/social/enrolments/{id}", enrolment)
                        .session(admin)
                        .with(csrf())
                        .param("attendanceHours", "78")
                        .param("completed", "true")
                        .param("completedOn", "2026-05-20")
                        .param("employed", "true")
                        .param("employer", "苏州市家政服务中心")
                        .param("employedLocally", "false")
                        .param("employmentRecordedOn", "2026-08-20")
                        .param("version", String.valueOf(versionOf(enrolment))))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/social/cohorts/{code}", cohort).session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("苏州市家政服务中心")));
        mvc.perform(get("/api/v1/social/cohorts/{code}", cohort).with(BUREAU))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.enrolled").value(1))
                .andExpect(jsonPath("$.completed").value(1))
                .andExpect(jsonPath("$.employed").value(1));
        assertThat(count("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'enrolment' AND action = 'UPDATE'"
                        + " AND entity_key = '" + enrolment + "'"))
                .isEqualTo(2);
    }

    @Test
    void theTraineesImportNamesBadRowsAndIsIdempotent() throws Exception {
        String cohort = cohort(programme(120));
        String header = "培训班编号,姓名,身份证号,户口类型,乡镇（村）,手机号,出勤学时,是否结业,结业日期,培训后就业,就业单位,本地就业";
        String a = id(LocalDate.of(1982, 1, 5), SEQ.incrementAndGet());
        String b = id(LocalDate.of(1990, 6, 30), SEQ.incrementAndGet());
        List<String> good = List.of(
                header,
                cohort + ",王建国," + a + ",农村,石佛寺镇,13800138000,118,是,2026-05-20,是,镇平国际玉城,是",
                cohort + ",陈红霞," + b + ",Rural,贾宋镇,,40,否,,,,");
        List<String> bad = new ArrayList<>(good);
        String young = id(LocalDate.of(2012, 1, 1), SEQ.incrementAndGet());
        bad.add(cohort + ",坏校验," + a.substring(0, 17) + (a.charAt(17) == '1' ? '2' : '1') + ",农村,,,10,否,,,,");
        bad.add(cohort + ",太年轻," + young + ",农村,,,10,否,,,,");
        bad.add("NO-SUCH-COHORT,无班," + id(LocalDate.of(1970, 1, 1), SEQ.incrementAndGet()) + ",农村,,,10,否,,,,");
        bad.add(cohort + ",超学时," + id(LocalDate.of(1971, 1, 1), SEQ.incrementAndGet()) + ",农村,,,121,是,,,,");
        String json = upload(bad, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.errors[*].row", hasItem(4)))
                .andExpect(jsonPath("$.errors[*].row", hasItem(5)))
                .andExpect(jsonPath("$.errors[*].row", hasItem(6)))
                .andExpect(jsonPath("$.errors[*].row", hasItem(7)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(json).doesNotContain(young);
        upload(good, false)
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.rejected").value(0));
        upload(good, false)
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
        var changed = new ArrayList<>(good);
        changed.set(2, cohort + ",陈红霞," + b + ",农村,贾宋镇,,60,是,2026-05-20,否,,");
        upload(changed, false)
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.unchanged").value(1));
        mvc.perform(get("/api/v1/social/cohorts/{code}", cohort).with(ZP_ADMIN))
                .andExpect(jsonPath("$.enrolled").value(2))
                .andExpect(jsonPath("$.completed").value(2))
                .andExpect(jsonPath("$.employed").value(1));
        assertThat(count("SELECT COUNT(*) FROM trainee t JOIN school sc ON sc.id = t.school_id WHERE sc.code = '"
                        + TestUsers.ZHENPING + "' AND t.id_number IN ('" + a + "', '" + b + "')"))
                .isEqualTo(2);
    }

    @Test
    void aTraineeHoldsACertificateThroughThePageApiAndImport() throws Exception {
        String cohort = cohort(programme(100));
        String id = id(LocalDate.of(1988, 2, 2), SEQ.incrementAndGet());
        enrol(cohort, "赵德胜", id, 100, true).andExpect(status().isCreated());
        String number = "SOC-IT-" + SEQ.incrementAndGet();
        String certificate =
                "{\"schoolCode\":\"\",\"studentNumber\":\"\",\"staffNumber\":\"\",\"traineeIdNumber\":\"%s\","
                        + "\"kind\":\"SKILL\",\"grade\":\"LEVEL_5\",\"name\":\"玉雕工\",\"issuingBody\":\"社会培训测试鉴定站\","
                        + "\"certNumber\":\"%s\",\"issuedYear\":2026}";
        mvc.perform(post("/api/v1/certificates")
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(certificate.formatted(id, number)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.holderName").value("赵德胜"))
                .andExpect(jsonPath("$.traineeIdNumber").value(ResidentIds.mask(id)))
                .andExpect(content().string(not(containsString(id))));
        mvc.perform(post("/api/v1/certificates")
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(certificate
                                .formatted(id, number + "b")
                                .replace("\"studentNumber\":\"\"", "\"studentNumber\":\"G201800005\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("studentNumber")));
        String other = id(LocalDate.of(1977, 7, 7), SEQ.incrementAndGet()); // not a trainee of the school
        mvc.perform(post("/api/v1/certificates")
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(certificate.formatted(other, number + "c")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("traineeIdNumber")));

        String header = "学号,工号,学员身份证号,证书类别,等级,名称（职业/证书/称号）,发证机构,证书编号,发证年份,发证日期,状态";
        List<String> rows = List.of(header, ",," + id + ",职业技能等级证书,中级工,玉雕工,社会培训测试鉴定站," + number + "-i,2026,,");
        mvc.perform(multipart("/api/v1/imports/{kind}", "certificates")
                        .file(ImportFiles.csv("c.csv", rows, StandardCharsets.UTF_8))
                        .param("dryRun", "false")
                        .with(ZP_ADMIN))
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.rejected").value(0));
        assertThat(count("SELECT COUNT(*) FROM certificate c JOIN trainee t ON t.id = c.trainee_id"
                        + " WHERE t.id_number = '" + id + "' AND c.student_id IS NULL AND c.staff_id IS NULL"))
                .isEqualTo(2);
    }

    @Test
    void anotherSchoolsCohortIsNotFoundAndTheBureauOnlyReads() throws Exception {
        mvc.perform(get("/api/v1/social/cohorts/{code}", "NX-202501").with(ADMIN))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/social/cohorts/{code}", "NX-202501").with(ZP_ADMIN))
                .andExpect(status().isNotFound());
        mvc.perform(get("/social/cohorts/{code}", "NX-202501").session(Sessions.login(mvc, TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isNotFound());
        String cohort = cohort(programme(100));
        var bureau = Sessions.login(mvc, TestUsers.BUREAU);
        mvc.perform(get("/social/cohorts/{code}", cohort).session(bureau)).andExpect(status().isOk());
        mvc.perform(get("/social/programmes").session(bureau)).andExpect(status().isOk());
        mvc.perform(post("/social/programmes").session(bureau).with(csrf()).param("name", "局里的项目"))
                .andExpect(status().isForbidden());
        enrol(cohort, "局里", id(LocalDate.of(1980, 1, 1), SEQ.incrementAndGet()), 1, false, BUREAU)
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/social/programmes").with(httpBasic(TestUsers.ENTERPRISE, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anAdministratorWorksThroughThePages() throws Exception {
        var admin = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(get("/social/programmes/new").session(admin)).andExpect(status().isOk());
        String name = "页面项目" + SEQ.incrementAndGet();
        String location = mvc.perform(post("/social/programmes")
                        .session(admin)
                        .with(csrf())
                        .param("name", name)
                        .param("kind", "LABOUR_TRANSFER")
                        .param("occupation", "地毯织造工")
                        .param("hours", "80")
                        .param("fundingSource", "雨露计划"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location).session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));
        mvc.perform(get(location + "/edit").session(admin)).andExpect(status().isOk());
        mvc.perform(get(location + "/cohorts/new").session(admin)).andExpect(status().isOk());
        String code = "PG-" + SEQ.incrementAndGet();
        mvc.perform(post(location + "/cohorts")
                        .session(admin)
                        .with(csrf())
                        .param("code", code)
                        .param("startsOn", "2026-03-02")
                        .param("endsOn", "2026-02-01"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "endsOn", "cohort.period"));
        mvc.perform(post(location + "/cohorts")
                        .session(admin)
                        .with(csrf())
                        .param("code", code)
                        .param("startsOn", "2026-03-02")
                        .param("endsOn", "2026-04-30"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/social/cohorts/{code}/enrol", code).session(admin)).andExpect(status().isOk());
        String id = id(LocalDate.of(1986, 10, 1), SEQ.incrementAndGet());
        mvc.perform(post("/social/cohorts/{code}/enrolments", code)
                        .session(admin)
                        .with(csrf())
                        .param("name", "页面学员")
                        .param("idNumber", id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'))
                        .param("household", "RURAL")
                        .param("attendanceHours", "10"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "idNumber", "residentId.checksum"));
        mvc.perform(post("/social/cohorts/{code}/enrolments", code)
                        .session(admin)
                        .with(csrf())
                        .param("name", "页面学员")
                        .param("idNumber", id)
                        .param("household", "RURAL")
                        .param("township", "侯集镇")
                        .param("attendanceHours", "80")
                        .param("completed", "true"))
                .andExpect(status().is3xxRedirection());
        long trainee = count("SELECT t.id FROM trainee t JOIN school sc ON sc.id = t.school_id WHERE sc.code = '"
                + TestUsers.ZHENPING + "' AND t.id_number = '" + id + "'");
        mvc.perform(get("/social/trainees/{id}", trainee).session(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(ResidentIds.mask(id))))
                .andExpect(content().string(not(containsString(id))));
        mvc.perform(post("/social/trainees/{id}/reveal", trainee).session(admin).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(id)));
    }

    @Test
    void theDemoHasLabourTransferCohortsUpToTheLatestYear() {
        var years = jdbc.sql("""
                        SELECT EXTRACT(YEAR FROM c.ends_on) AS y, COUNT(DISTINCT c.id) AS cohorts, COUNT(e.id) AS enrolments
                        FROM cohort c JOIN programme p ON p.id = c.programme_id JOIN school sc ON sc.id = c.school_id
                        JOIN enrolment e ON e.cohort_id = c.id
                        WHERE sc.code = :z AND p.kind = 'LABOUR_TRANSFER' AND c.code LIKE 'ZP%'
                        GROUP BY EXTRACT(YEAR FROM c.ends_on) ORDER BY 1
                        """).param("z", TestUsers.ZHENPING).query().listOfRows();
        assertThat(years).hasSize(8);
        assertThat(((Number) years.get(0).get("y")).intValue()).isEqualTo(2019);
        assertThat(((Number) years.get(7).get("y")).intValue()).isEqualTo(2026);
        years.forEach(
                y -> assertThat(((Number) y.get("enrolments")).longValue() / ((Number) y.get("cohorts")).longValue())
                        .isBetween(40L, 60L));
        assertThat(count("SELECT COUNT(*) FROM certificate WHERE trainee_id IS NOT NULL"))
                .isGreaterThan(2000);
    }

    @Test
    void onePersonKeepsOneSetOfDetailsAcrossRowsAndCohorts() throws Exception {
        long programme = programme(120);
        String first = cohort(programme);
        String second = cohort(programme);
        String header = "培训班编号,姓名,身份证号,户口类型,乡镇（村）,手机号,出勤学时,是否结业,结业日期,培训后就业,就业单位,本地就业";
        String person = id(LocalDate.of(1985, 3, 3), SEQ.incrementAndGet());
        upload(
                        List.of(
                                header,
                                first + ",李秀兰," + person + ",农村,石佛寺镇,,40,否,,,,",
                                second + ",李秀英," + person + ",农村,石佛寺镇,,40,否,,,,"),
                        true)
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value(org.hamcrest.Matchers.containsString("身份证")));
        enrol(first, "李秀兰", person, 40, false).andExpect(status().isCreated());
        enrol(second, "李秀英", person, 40, false)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        enrol(second, "李秀兰", person, 40, false).andExpect(status().isCreated());
    }

    private long programme(int hours) throws Exception {
        String json = mvc.perform(post("/api/v1/social/programmes")
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"测试项目" + SEQ.incrementAndGet()
                                + "\",\"kind\":\"LABOUR_TRANSFER\",\"occupation\":\"家政服务员\",\"hours\":" + hours
                                + ",\"fundingSource\":\"雨露计划\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private String cohort(long programme) throws Exception {
        String code = "IT-" + SEQ.incrementAndGet();
        mvc.perform(post("/api/v1/social/programmes/{id}/cohorts", programme)
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"" + code + "\",\"startsOn\":\"" + START + "\",\"endsOn\":\""
                                + START.plusMonths(2) + "\",\"place\":\"石佛寺镇培训点\"}"))
                .andExpect(status().isCreated());
        return code;
    }

    private ResultActions enrol(String cohort, String name, String id, int hours, boolean completed) throws Exception {
        return enrol(cohort, name, id, hours, completed, ZP_ADMIN);
    }

    private ResultActions enrol(
            String cohort, String name, String id, int hours, boolean completed, RequestPostProcessor user)
            throws Exception {
        return mvc.perform(post("/api/v1/social/cohorts/{code}/enrolments", cohort)
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"idNumber\":\"" + id
                        + "\",\"household\":\"RURAL\",\"township\":\"石佛寺镇\",\"attendanceHours\":" + hours
                        + ",\"completed\":" + completed + "}"));
    }

    /** Saves an enrolment's outcome from the version it reads at (optimistic locking). */
    private ResultActions record(long enrolment, RequestPostProcessor user, String body) throws Exception {
        return mvc.perform(put("/api/v1/social/enrolments/{id}", enrolment)
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.substring(0, body.length() - 1) + ",\"version\":" + versionOf(enrolment) + "}"));
    }

    private int versionOf(long enrolment) throws Exception {
        String json = mvc.perform(
                        get("/api/v1/social/enrolments/{id}", enrolment).with(ZP_ADMIN))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(json, "$.version");
    }

    private ResultActions upload(List<String> lines, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/{kind}", "trainees")
                .file(ImportFiles.csv("trainees.csv", lines, StandardCharsets.UTF_8))
                .param("dryRun", String.valueOf(dryRun))
                .with(ZP_ADMIN));
    }

    private String export(RequestPostProcessor user) throws Exception {
        return mvc.perform(
                        get("/api/v1/exports/trainees").param("format", "csv").with(user))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /** A valid ID number of Zhenping county (411324) for the birth date; the sequence keeps it unique. */
    static String id(LocalDate birth, int n) {
        String body = "411324" + birth.toString().replace("-", "") + String.format("%03d", 500 + n % 500);
        return body + ResidentIds.checkCharacter(body);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
