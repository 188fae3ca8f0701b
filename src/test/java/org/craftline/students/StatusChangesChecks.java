package org.craftline.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.craftline.support.BoundUsers;
import org.craftline.support.ImportFiles;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * 学籍异动: each change from the statuses the rules allow and the refused ones (a return of a student
 * not suspended, a missing document, a certificate of study before a year, a stale version, a
 * change after the record has closed); 转专业, 留级 and 复学 moving major, class and entry year with
 * the history keeping them in order; a transfer inside the installation as one two-sided step whose
 * receiving school sees the student only from the transfer on; rights; an import that may not make a
 * graduate enrolled again.
 *
 * <p>Run on PostgreSQL ({@link StatusChangesIT}) and on the embedded H2 ({@link StatusChangesH2Test}).
 */
abstract class StatusChangesChecks {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    long zhenping;
    long neixiang;
    long student;

    @BeforeEach
    void aStudentEnrolledIn2024WithAGuardian() {
        zhenping = schoolId(TestUsers.ZHENPING);
        neixiang = schoolId(TestUsers.NEIXIANG);
        student = student("SC" + tag, 2024, 1);
        jdbc.sql("""
                        INSERT INTO guardian (school_id, student_id, name, relation, legal_guardian, created_at)
                        VALUES (:s, :st, '周文华', 'MOTHER', TRUE, CURRENT_TIMESTAMP)
                        """).param("s", zhenping).param("st", student).update();
    }

    @AfterEach
    void remove() {
        List<Long> ids = jdbc.sql("SELECT id FROM student WHERE student_number LIKE :p")
                .param("p", "SC" + tag + "%")
                .query(Long.class)
                .list();
        jdbc.sql("DELETE FROM app_user WHERE username LIKE :u")
                .param("u", "sc%" + tag + "%")
                .update();
        if (!ids.isEmpty()) {
            PassedInternships.remove(jdbc, ids);
            jdbc.sql("DELETE FROM certificate WHERE student_id IN (:ids)")
                    .param("ids", ids)
                    .update();
            jdbc.sql("DELETE FROM student_status_change WHERE student_id IN (:ids)")
                    .param("ids", ids)
                    .update();
            jdbc.sql("DELETE FROM student WHERE id IN (:ids)").param("ids", ids).update();
        }
        jdbc.sql("DELETE FROM app_user WHERE username LIKE :u")
                .param("u", "sc%" + tag + "%")
                .update();
    }

    @Test
    void eachChangeFollowsOnlyTheStatusesTheRulesAllowAndTheHistoryKeepsItsOrder() throws Exception {
        String otherMajor = otherMajorClass()[0];
        change("RESUME", "2025-03-01", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("change"));
        change("SUSPEND", "2025-03-01", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("document"));
        change("SUSPEND", "2025-03-01", "\"document\":\"县医院证明 2025-031\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUSPENDED"));
        String stale = "{\"change\":\"RESUME\",\"changedOn\":\"2025-09-01\",\"reason\":\"r\",\"version\":0}";
        send(TestUsers.SCHOOL_ADMIN, stale).andExpect(status().isConflict());
        change("CHANGE_MAJOR", "2025-04-01", "\"majorCode\":\"" + otherMajor + "\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("change"));
        change("RESUME", "2025-09-01", "\"entryYear\":2025")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENROLLED"))
                .andExpect(jsonPath("$.entryYear").value(2025));
        change("CHANGE_MAJOR", "2025-10-01", "\"majorCode\":\"" + majorCode() + "\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("majorCode"));
        change(
                        "CHANGE_MAJOR",
                        "2025-10-01",
                        "\"majorCode\":\"" + otherMajor + "\",\"className\":\"" + ownMajorClass() + "\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("className"));
        change("CHANGE_MAJOR", "2025-10-01", "\"majorCode\":\"" + otherMajor + "\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.majorCode").value(otherMajor))
                .andExpect(jsonPath("$.className").doesNotExist());
        change("REPEAT_YEAR", "2026-02-20", "\"entryYear\":2024")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("entryYear"));
        change("REPEAT_YEAR", "2026-02-20", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entryYear").value(2026));
        change("GRADUATE", "2026-07-01", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("change"));
        // 在读 181 days before the leave and 190 after it: a year of study (365 days) by the withdrawal
        change("WITHDRAW", "2026-03-10", "\"document\":\"退学申请 2026-7\"").andExpect(status().isOk());
        change("LEAVE_CERTIFIED", "2026-02-01", "\"document\":\"肄业证书 2026-1\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("changedOn"));
        change("LEAVE_CERTIFIED", "2026-03-11", "\"document\":\"肄业证书 2026-1\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("INCOMPLETE"));
        change("CANCEL", "2026-03-12", "\"document\":\"注销 1\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("change"));
        mvc.perform(get("/api/v1/students/{id}/status-history", student).with(as(TestUsers.STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].kind")
                        .value(org.hamcrest.Matchers.contains(
                                "LEAVE_CERTIFIED",
                                "WITHDRAW",
                                "REPEAT_YEAR",
                                "CHANGE_MAJOR",
                                "RESUME",
                                "SUSPEND",
                                "ENROL")))
                .andExpect(jsonPath("$[2].entryYear").value(2026))
                .andExpect(jsonPath("$[2].fromEntryYear").value(2025))
                .andExpect(jsonPath("$[3].majorName").isNotEmpty())
                .andExpect(jsonPath("$[3].fromMajorName").isNotEmpty())
                .andExpect(jsonPath("$[5].document").value("县医院证明 2025-031"));
        // the page shows what each move came from
        assertThat(mvc.perform(get("/students/{id}", student).session(Sessions.login(mvc, TestUsers.SCHOOL_ADMIN)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("由 2025级 →");
    }

    @Test
    void aCertificateOfStudyNeedsAYearAndAChangeOfMajorTakesAClassOfThatMajor() throws Exception {
        long fresh = student("SC" + tag + "N", 2026, 2);
        String[] other = otherMajorClass();
        change(fresh, "LEAVE_CERTIFIED", "2026-11-01", "\"document\":\"肄业证书 2026-2\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("changedOn"));
        change(
                        fresh,
                        "CHANGE_MAJOR",
                        "2026-10-01",
                        "\"majorCode\":\"" + other[0] + "\",\"className\":\"" + other[1] + "\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.className").value(other[1]));
        // a year of study, not of calendar: a year's leave (休学) does not count
        long onLeave = student("SC" + tag + "L", 2025, 4);
        change(onLeave, "SUSPEND", "2025-10-01", "\"document\":\"休学审批 9\"").andExpect(status().isOk());
        change(onLeave, "RESUME", "2026-09-01", "").andExpect(status().isOk());
        change(onLeave, "LEAVE_CERTIFIED", "2026-11-01", "\"document\":\"肄业证书 2026-4\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("changedOn"));
        // study stops with the withdrawal: 395 days before it
        change(student, "WITHDRAW", "2025-10-01", "\"document\":\"退学审批 5\"").andExpect(status().isOk());
        change(student, "LEAVE_CERTIFIED", "2026-11-01", "\"document\":\"肄业证书 2026-5\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("INCOMPLETE"));
    }

    @Test
    void aTransferInsideTheInstallationIsOneStepAndEachSchoolSeesItsOwnSide() throws Exception {
        String neixiangAdmin = BoundUsers.insert(jdbc, "sc", tag, "SCHOOL_ADMIN", neixiang, null, null);
        mvc.perform(get("/api/v1/students/{id}", student).with(as(neixiangAdmin)))
                .andExpect(status().isNotFound());
        String major = jdbc.sql("SELECT MIN(m.code) FROM school_major sm JOIN major m ON m.id = sm.major_id"
                        + " WHERE sm.school_id = :s")
                .param("s", neixiang)
                .query(String.class)
                .single();
        String to = "\"document\":\"转学证明 2026-15\",\"majorCode\":\"" + major + "\",\"schoolCode\":\"";
        change("TRANSFER_OUT", "2026-10-10", to + TestUsers.ZHENPING + "\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("schoolCode"));
        change("TRANSFER_OUT", "2026-10-10", to + TestUsers.NEIXIANG + "\",\"schoolName\":\"外校\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("schoolCode"));
        change("TRANSFER_OUT", "2026-10-10", to + TestUsers.NEIXIANG + "\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("TRANSFERRED"));
        long received = jdbc.sql("SELECT id FROM student WHERE school_id = :s AND student_number = :n")
                .param("s", neixiang)
                .param("n", "SC" + tag)
                .query(Long.class)
                .single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM guardian WHERE student_id = :s AND school_id = :school")
                        .param("s", received)
                        .param("school", neixiang)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get("/api/v1/students/{id}", received).with(as(neixiangAdmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENROLLED"))
                .andExpect(jsonPath("$.majorCode").value(major))
                .andExpect(jsonPath("$.entryYear").value(2024));
        mvc.perform(get("/api/v1/students/{id}/status-history", received).with(as(neixiangAdmin)))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].kind").value("TRANSFER_IN"))
                .andExpect(jsonPath("$[0].otherSchool").value(schoolName(zhenping)));
        mvc.perform(get("/api/v1/students/{id}", student).with(as(neixiangAdmin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/students/{id}", received).with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/students/{id}/status-history", student).with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(jsonPath("$[0].kind").value("TRANSFER_OUT"))
                .andExpect(jsonPath("$[0].otherSchool").value(schoolName(neixiang)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'TRANSFER_IN' AND entity_key = :k"
                                + " AND school_id = :s")
                        .param("k", String.valueOf(received))
                        .param("s", neixiang)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        change("TRANSFER_OUT", "2026-10-11", to + TestUsers.NEIXIANG + "\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("change"));
    }

    @Test
    void aSuspendedStudentArrivesSuspendedWithTheirSignInAndThePostInternshipPassedBefore() throws Exception {
        String login = BoundUsers.insert(jdbc, "sc", tag, "STUDENT", zhenping, null, student);
        PassedInternships.add(jdbc, zhenping, student, true);
        jdbc.sql("INSERT INTO certificate (school_id, student_id, kind, grade, grade_rank, name, issuing_body,"
                        + " issued_year, status) VALUES (:s, :st, 'SKILL', 'LEVEL_5', 1, '玉雕工', 'test', 2026, 'VALID')")
                .param("s", zhenping)
                .param("st", student)
                .update();
        change("SUSPEND", "2026-10-01", "\"document\":\"休学审批 7\"").andExpect(status().isOk());
        String major = jdbc.sql("SELECT MIN(m.code) FROM school_major sm JOIN major m ON m.id = sm.major_id"
                        + " WHERE sm.school_id = :s")
                .param("s", neixiang)
                .query(String.class)
                .single();
        change(
                        "TRANSFER_OUT",
                        "2026-10-10",
                        "\"document\":\"转学证明 8\",\"majorCode\":\"" + major + "\",\"schoolCode\":\"" + TestUsers.NEIXIANG
                                + "\"")
                .andExpect(status().isOk());
        long received = jdbc.sql("SELECT id FROM student WHERE school_id = :s AND student_number = :n")
                .param("s", neixiang)
                .param("n", "SC" + tag)
                .query(Long.class)
                .single();
        String neixiangAdmin = BoundUsers.insert(jdbc, "sc", tag, "SCHOOL_ADMIN", neixiang, null, null);
        mvc.perform(get("/api/v1/students/{id}", received).with(as(neixiangAdmin)))
                .andExpect(jsonPath("$.status").value("SUSPENDED"));
        mvc.perform(get("/api/v1/students/{id}/status-history", received).with(as(neixiangAdmin)))
                .andExpect(jsonPath("$[0].kind").value("TRANSFER_IN"))
                .andExpect(jsonPath("$[0].status").value("SUSPENDED"))
                // the receiving school does not learn the student's earlier major from its history
                .andExpect(jsonPath("$[0].fromMajorName").value(org.hamcrest.Matchers.nullValue()));
        assertThat(jdbc.sql("SELECT student_id, school_id FROM app_user WHERE username = :u")
                        .param("u", login)
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single())
                .containsExactly(received, neixiang);
        // the certificate is the holder's: it follows the student to the new school, as the audit says
        assertThat(jdbc.sql("SELECT student_id, school_id FROM certificate WHERE student_id IN (:ids)")
                        .param("ids", List.of(student, received))
                        .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                        .single())
                .containsExactly(received, neixiang);
        assertThat(jdbc.sql("SELECT after_json FROM audit_event WHERE action = 'TRANSFER_IN' AND entity_key = :k")
                        .param("k", String.valueOf(received))
                        .query(String.class)
                        .single())
                .contains("\"certificatesMoved\":1", "\"loginsMoved\":1");
        assertThat(jdbc.sql("SELECT transfer_origin_id FROM student WHERE id = :id")
                        .param("id", received)
                        .query(Long.class)
                        .single())
                .isEqualTo(student);
        // back from leave at the new school: its graduation check finds the internship passed at the old one
        mvc.perform(post("/api/v1/students/{id}/status", received)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"change\":\"RESUME\",\"changedOn\":\"2026-11-02\",\"reason\":\"复学\","
                                + "\"version\":" + version(received) + "}")
                        .with(as(neixiangAdmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENROLLED"));
        mvc.perform(post("/api/v1/graduations/preview")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"studentIds\":[" + received + "],\"year\":2026}")
                        .with(as(neixiangAdmin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.failing[0].id").value(received))
                .andExpect(jsonPath("$.failing[0].internshipPassed").value(true));
    }

    @Test
    void aTransferOutOfTheInstallationNamesTheSchoolAndATakenNumberThereIsRefused() throws Exception {
        long second = student("SC" + tag + "B", 2024, 3);
        String taken = jdbc.sql("SELECT MIN(student_number) FROM student WHERE school_id = :s")
                .param("s", neixiang)
                .query(String.class)
                .single();
        String major = jdbc.sql("SELECT MIN(m.code) FROM school_major sm JOIN major m ON m.id = sm.major_id"
                        + " WHERE sm.school_id = :s")
                .param("s", neixiang)
                .query(String.class)
                .single();
        change(
                        second,
                        "TRANSFER_OUT",
                        "2026-10-10",
                        "\"document\":\"转学证明 3\",\"majorCode\":\"" + major + "\",\"schoolCode\":\"" + TestUsers.NEIXIANG
                                + "\",\"newNumber\":\"" + taken + "\"")
                .andExpect(status().isConflict());
        change("TRANSFER_OUT", "2026-10-10", "\"document\":\"转学证明 4\",\"schoolName\":\"郑州市某职业学校\"")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("TRANSFERRED"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM student WHERE student_number = :n")
                        .param("n", "SC" + tag)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get("/api/v1/students/{id}/status-history", student).with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(jsonPath("$[0].otherSchool").value("郑州市某职业学校"));
    }

    @Test
    void aTeacherMayNotChangeAndAnotherSchoolDoesNotSeeTheStudent() throws Exception {
        String otherAdmin = BoundUsers.insert(jdbc, "sc", tag, "SCHOOL_ADMIN", neixiang, null, null);
        String body = "{\"change\":\"SUSPEND\",\"changedOn\":\"2025-03-01\",\"reason\":\"r\",\"document\":\"d\","
                + "\"version\":0}";
        send(TestUsers.STAFF, body).andExpect(status().isForbidden());
        send(TestUsers.BUREAU, body).andExpect(status().isForbidden());
        send(otherAdmin, body).andExpect(status().isNotFound());
        // rights come before the body's constraints: no hint of what a refused caller got wrong
        String bad = "{\"changedOn\":\"2025-03-01\",\"reason\":\"" + "长".repeat(300) + "\",\"version\":0}";
        send(TestUsers.STAFF, bad).andExpect(status().isForbidden());
        send(TestUsers.SCHOOL_ADMIN, bad).andExpect(status().isBadRequest());
        assertThat(version(student)).isZero();
    }

    @Test
    void thePageOffersTheChangesAndShowsARefusalOnTheForm() throws Exception {
        var admin = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String page = mvc.perform(get("/students/" + student).session(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("value=\"CHANGE_MAJOR\"", "value=\"LEAVE_CERTIFIED\"", "id=\"schoolCode\"")
                .doesNotContain("value=\"GRADUATE\"");
        String refused = mvc.perform(post("/students/" + student + "/status")
                        .session(admin)
                        .with(csrf())
                        .param("change", "SUSPEND")
                        .param("changedOn", "2025-03-01")
                        .param("reason", "病休")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("is-invalid").contains("批准文件或证明的编号");
        mvc.perform(post("/students/" + student + "/status")
                        .session(admin)
                        .with(csrf())
                        .param("change", "SUSPEND")
                        .param("changedOn", "2025-03-01")
                        .param("reason", "病休")
                        .param("document", "县医院证明 9")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/students/" + student));
        assertThat(page(admin)).contains("县医院证明 9").contains("休学");
    }

    @Test
    void anImportChangesNoStatusMajorOrEntryYearOfAStoredStudent() throws Exception {
        String prefix = "SC" + tag + "I";
        List<String> lines = ImportFiles.students(prefix, 2);
        upload(lines, false).andExpect(status().isOk());
        jdbc.sql("UPDATE student SET status = 'GRADUATED' WHERE student_number = :n")
                .param("n", prefix + "1")
                .update();
        upload(lines, true)
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].column").value("学籍状态"));
        // a suspension, a change of entry year or of major is a change with its reason, on the page
        Map<String, String> changes = Map.of(
                lines.get(2).replace(",在读", ",休学"), "学籍状态",
                lines.get(2).replace(",2026,", ",2025,"), "入学年份",
                lines.get(2).replace(",750107,", ",750106,"), "专业代码");
        for (var changed : changes.entrySet()) {
            upload(List.of(lines.get(0), changed.getKey()), true)
                    .andExpect(jsonPath("$.rejected").value(1))
                    .andExpect(jsonPath("$.errors[0].row").value(2))
                    .andExpect(jsonPath("$.errors[0].column").value(changed.getValue()));
        }
        upload(List.of(lines.get(0), lines.get(2).replace("学生2", "学生二")), false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.updated").value(1));
    }

    private ResultActions upload(List<String> lines, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/students")
                .file(ImportFiles.csv("students.csv", lines, StandardCharsets.UTF_8))
                .param("dryRun", String.valueOf(dryRun))
                .header("Accept-Language", "zh-CN")
                .with(as(TestUsers.SCHOOL_ADMIN)));
    }

    private String page(org.springframework.mock.web.MockHttpSession session) throws Exception {
        return mvc.perform(get("/students/" + student).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private ResultActions change(String change, String on, String more) throws Exception {
        return change(student, change, on, more);
    }

    private ResultActions change(long id, String change, String on, String more) throws Exception {
        String body = "{\"change\":\"" + change + "\",\"changedOn\":\"" + on + "\",\"reason\":\"测试\","
                + (more.isEmpty() ? "" : more + ",") + "\"version\":" + version(id) + "}";
        return mvc.perform(post("/api/v1/students/{id}/status", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(as(TestUsers.SCHOOL_ADMIN)));
    }

    private ResultActions send(String who, String body) throws Exception {
        return mvc.perform(post("/api/v1/students/{id}/status", student)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(as(who)));
    }

    /** A student of the Zhenping school with its enrolment on 1 September of the entry year. */
    private long student(String number, int entryYear, int n) {
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                          major_id, entry_year, status)
                        SELECT :s, :n, '异动测试生', :idn, 'FEMALE', DATE '2009-03-01', 'RURAL', MIN(major_id), :y,
                          'ENROLLED' FROM school_major WHERE school_id = :s
                        """)
                .param("s", zhenping)
                .param("n", number)
                .param("idn", ("S" + n + tag + "0000000000000").substring(0, 18))
                .param("y", entryYear)
                .update();
        long id = jdbc.sql("SELECT id FROM student WHERE school_id = :s AND student_number = :n")
                .param("s", zhenping)
                .param("n", number)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        INSERT INTO student_status_change (student_id, status, kind, changed_on, reason, recorded_by,
                          recorded_at)
                        VALUES (:id, 'ENROLLED', 'ENROL', :on, '入学', 'test', CURRENT_TIMESTAMP)
                        """)
                .param("id", id)
                .param("on", java.time.LocalDate.of(entryYear, 9, 1))
                .update();
        return id;
    }

    /** Another major the Zhenping school offers, and a class of it. */
    private String[] otherMajorClass() {
        return jdbc.sql("""
                        SELECT m.code, MIN(c.name) AS class_name FROM school_class c JOIN major m ON m.id = c.major_id
                        WHERE c.school_id = :s AND c.major_id <> (SELECT MIN(major_id) FROM school_major WHERE school_id = :s)
                        GROUP BY m.code ORDER BY m.code FETCH FIRST 1 ROWS ONLY
                        """)
                .param("s", zhenping)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
    }

    /** A class of the student's own major: not one a change of major may move the student into. */
    private String ownMajorClass() {
        return jdbc.sql("SELECT MIN(c.name) FROM school_class c JOIN student s ON s.major_id = c.major_id"
                        + " AND s.school_id = c.school_id WHERE s.id = :id")
                .param("id", student)
                .query(String.class)
                .single();
    }

    private String majorCode() {
        return jdbc.sql("SELECT m.code FROM student s JOIN major m ON m.id = s.major_id WHERE s.id = :id")
                .param("id", student)
                .query(String.class)
                .single();
    }

    private int version(long id) {
        return jdbc.sql("SELECT version FROM student WHERE id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private long schoolId(String code) {
        return jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private String schoolName(long id) {
        return jdbc.sql("SELECT name FROM school WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
