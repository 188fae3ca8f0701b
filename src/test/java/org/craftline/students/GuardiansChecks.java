package org.craftline.students;

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

import com.jayway.jsonpath.JsonPath;
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
 * A student's guardians: added, edited and deleted by its school's administrator through the API
 * and the student's page, read (phones masked) by its teachers, refused to a teacher's or the
 * bureau's change (403) and unseen by another school (404); a save or delete from an older version
 * refused (409); the {@code guardians} import creating and updating by student number and name, a
 * row of an unknown student refusing the whole file; the export masked but to administrators.
 *
 * <p>Run on PostgreSQL ({@link GuardiansIT}) and on the embedded H2 ({@link GuardiansH2Test}).
 */
abstract class GuardiansChecks {

    static final String PHONE = "13912345678";
    static final String MASKED = "139****5678";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    long school;
    long student;
    String number;

    @BeforeEach
    void aStudentOfItsOwn() {
        school = schoolId(TestUsers.ZHENPING);
        number = "GD" + tag;
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                          major_id, entry_year, status)
                        SELECT :s, :n, '监护测试生', :idn, 'MALE', DATE '2010-05-01', 'RURAL', MIN(major_id), 2025,
                          'ENROLLED' FROM school_major WHERE school_id = :s
                        """)
                .param("s", school)
                .param("n", number)
                .param("idn", ("G" + tag + "0000000000000").substring(0, 18))
                .update();
        student = jdbc.sql("SELECT id FROM student WHERE student_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    @AfterEach
    void remove() {
        jdbc.sql("DELETE FROM student WHERE student_number LIKE :p")
                .param("p", "GD" + tag + "%")
                .update(); // its guardians go with it
        jdbc.sql("DELETE FROM app_user WHERE username LIKE :u")
                .param("u", "gd%" + tag + "%")
                .update();
    }

    @Test
    void anAdministratorAddsEditsAndDeletesAGuardianWithItsPhoneMasked() throws Exception {
        String body = add(
                        TestUsers.SCHOOL_ADMIN,
                        "{\"name\":\"王建国\",\"relation\":\"父亲\",\"phone\":\"139 1234 5678\","
                                + "\"legalGuardian\":true}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.relation").value("FATHER"))
                .andExpect(jsonPath("$.phone").value(MASKED))
                .andExpect(jsonPath("$.legalGuardian").value(true))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(stored(id, "phone")).isEqualTo(PHONE);
        mvc.perform(get("/api/v1/students/{id}/guardians", student).with(as(TestUsers.STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("王建国"))
                .andExpect(jsonPath("$[0].phone").value(MASKED));
        // the masked number sent back keeps the stored one
        save(
                        id,
                        "{\"name\":\"王建国\",\"relation\":\"FATHER\",\"phone\":\"" + MASKED
                                + "\",\"legalGuardian\":false,\"version\":0}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.legalGuardian").value(false))
                .andExpect(jsonPath("$.version").value(1));
        assertThat(stored(id, "phone")).isEqualTo(PHONE);
        save(id, "{\"name\":\"王建军\",\"relation\":\"FATHER\",\"phone\":\"\",\"legalGuardian\":true,\"version\":0}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.currentVersion").value(1))
                .andExpect(jsonPath("$.changes[0].username").value(TestUsers.SCHOOL_ADMIN))
                .andExpect(jsonPath("$.changes[0].fields[0]").value("legalGuardian"));
        save(id, "{\"name\":\"王建国\",\"relation\":\"FATHER\",\"phone\":\"12345\",\"legalGuardian\":true,\"version\":1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("phone"));
        mvc.perform(delete("/api/v1/guardians/{id}", id).param("version", "0").with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/guardians/{id}", id).param("version", "1").with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isNoContent());
        assertThat(count()).isZero();
        List<String> audited = jdbc.sql("SELECT COALESCE(before_json, '') || COALESCE(after_json, '') FROM audit_event"
                        + " WHERE entity_type = 'guardian' AND entity_key = :k ORDER BY id")
                .param("k", String.valueOf(id))
                .query(String.class)
                .list();
        assertThat(audited).hasSize(3).allSatisfy(json -> assertThat(json).doesNotContain(PHONE));
        assertThat(audited.get(0)).contains(MASKED);
    }

    @Test
    void aTeacherOrTheBureauMayNotChangeAndAnotherSchoolDoesNotSee() throws Exception {
        long id = guardian("李秀英", "MOTHER", PHONE, true);
        String otherAdmin =
                BoundUsers.insert(jdbc, "gd", tag, "SCHOOL_ADMIN", schoolId(TestUsers.NEIXIANG), null, null);
        String body = "{\"name\":\"李秀英\",\"relation\":\"MOTHER\",\"legalGuardian\":true,\"version\":0}";
        for (String reader : List.of(TestUsers.STAFF, TestUsers.BUREAU)) {
            add(reader, body).andExpect(status().isForbidden());
            save(id, body, reader).andExpect(status().isForbidden());
            mvc.perform(delete("/api/v1/guardians/{id}", id)
                            .param("version", "0")
                            .with(as(reader)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/api/v1/students/{id}/guardians", student).with(as(otherAdmin)))
                .andExpect(status().isNotFound());
        add(otherAdmin, body).andExpect(status().isNotFound());
        save(id, body, otherAdmin).andExpect(status().isNotFound());
        mvc.perform(delete("/api/v1/guardians/{id}", id).param("version", "0").with(as(otherAdmin)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/students/{s}/guardians/{id}/edit", student, id).with(as(otherAdmin)))
                .andExpect(status().isNotFound());
        assertThat(stored(id, "version")).isEqualTo(0);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aTeacherSendingTheFormIsRefusedBeforeItsValuesAreChecked() throws Exception {
        var teacher = Sessions.login(mvc, TestUsers.STAFF);
        mvc.perform(post("/students/{s}/guardians", student)
                        .session(teacher)
                        .with(csrf())
                        .param("name", "")
                        .param("relation", "FATHER")
                        .param("phone", "123"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/students/{s}/status", student)
                        .session(teacher)
                        .with(csrf())
                        .param("change", "SUSPEND")
                        .param("reason", "")
                        .param("version", "0"))
                .andExpect(status().isForbidden());
        assertThat(count()).isZero();
    }

    @Test
    void thePageListsMaskedPhonesAndAddsEditsAndDeletes() throws Exception {
        long id = guardian("张桂兰", "GRANDPARENT", PHONE, true);
        var admin = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String page = page("/students/" + student, admin);
        assertThat(page)
                .contains("张桂兰")
                .contains(MASKED)
                .doesNotContain(PHONE)
                .contains("/students/" + student + "/guardians/" + id + "/edit")
                .contains("data-confirm=\"确定删除监护人 张桂兰 吗？\"");
        mvc.perform(post("/students/{s}/guardians", student)
                        .session(admin)
                        .with(csrf())
                        .param("name", "张建华")
                        .param("relation", "FATHER")
                        .param("phone", "12345")
                        .param("_legalGuardian", "on"))
                .andExpect(status().isOk());
        assertThat(count()).isEqualTo(1);
        mvc.perform(post("/students/{s}/guardians", student)
                        .session(admin)
                        .with(csrf())
                        .param("name", "张建华")
                        .param("relation", "FATHER")
                        .param("phone", "13800138000")
                        .param("legalGuardian", "true"))
                .andExpect(redirectedUrl("/students/" + student + "#guardians"));
        String edit = page("/students/" + student + "/guardians/" + id + "/edit", admin);
        assertThat(edit).contains("value=\"" + MASKED + "\"").doesNotContain(PHONE);
        mvc.perform(post("/students/{s}/guardians/{id}", student, id)
                        .session(admin)
                        .with(csrf())
                        .param("name", "张桂兰")
                        .param("relation", "GRANDPARENT")
                        .param("phone", MASKED)
                        .param("_legalGuardian", "on")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/students/" + student + "#guardians"));
        assertThat(stored(id, "phone")).isEqualTo(PHONE);
        assertThat(stored(id, "legal_guardian")).isEqualTo(false);
        mvc.perform(post("/students/{s}/guardians/{id}/delete", student, id)
                        .session(admin)
                        .with(csrf())
                        .param("version", "1"))
                .andExpect(redirectedUrl("/students/" + student + "#guardians"));
        assertThat(count()).isEqualTo(1);
        String teachers = page("/students/" + student, Sessions.login(mvc, TestUsers.STAFF));
        assertThat(teachers).contains("张建华").contains("138****8000").doesNotContain("/guardians/");
    }

    @Test
    void theImportCreatesAndUpdatesAndAnUnknownStudentRefusesTheFile() throws Exception {
        String header = "学号,监护人姓名,与学生关系,监护人手机号,是否法定监护人";
        List<String> good = List.of(header, number + ",赵海军,父亲,13700001111,是", number + ",钱红霞,Mother,,否");
        upload(good, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        upload(good, false).andExpect(jsonPath("$.unchanged").value(2));
        assertThat(count()).isEqualTo(2);
        upload(List.of(header, number + ",钱红霞,母亲,13700002222,是", number + ",赵海军,父亲,13700001111,是"), false)
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.unchanged").value(1));
        assertThat(jdbc.sql("SELECT phone FROM guardian WHERE student_id = :s AND name = '钱红霞' AND legal_guardian")
                        .param("s", student)
                        .query(String.class)
                        .single())
                .isEqualTo("13700002222");
        upload(List.of(header, number + ",孙立新,祖父母,13700003333,是", "NOSUCH" + tag + ",周卫东,父亲,,是"), false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("学号"))
                .andExpect(jsonPath("$.errors[0].message").value("本校没有该学号的学生。"));
        assertThat(count()).isEqualTo(2);
        // a row naming another school's code is refused, and nothing of the file is written
        upload(
                        List.of(
                                "学校标识码," + header,
                                TestUsers.NEIXIANG + "," + number + ",吴志强,父亲,,是",
                                TestUsers.ZHENPING + "," + number + ",郑丽,母亲,,否"),
                        false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].column").value("学校标识码"));
        assertThat(count()).isEqualTo(2);
        upload(List.of(header, number + ",李国强,叔叔,1370000,也许"), true)
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors.length()").value(2));
        // a file without the phone column keeps the stored phones (an empty cell would clear one)
        upload(List.of("学号,监护人姓名,与学生关系,是否法定监护人", number + ",赵海军,父亲,否"), false)
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(jdbc.sql("SELECT phone FROM guardian WHERE student_id = :s AND name = '赵海军' AND NOT legal_guardian")
                        .param("s", student)
                        .query(String.class)
                        .single())
                .isEqualTo("13700001111");
        upload(List.of(header, number + ",赵海军,父亲,13700001111,是"), false)
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(export(TestUsers.SCHOOL_ADMIN)).contains(number + ",赵海军,父亲,13700001111,是");
        assertThat(export(TestUsers.STAFF))
                .contains(number + ",赵海军,父亲,137****1111,是")
                .doesNotContain("13700001111");
    }

    private ResultActions add(String who, String json) throws Exception {
        return mvc.perform(post("/api/v1/students/{id}/guardians", student)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .with(as(who)));
    }

    private ResultActions save(long id, String json) throws Exception {
        return save(id, json, TestUsers.SCHOOL_ADMIN);
    }

    private ResultActions save(long id, String json, String who) throws Exception {
        return mvc.perform(put("/api/v1/guardians/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .with(as(who)));
    }

    private ResultActions upload(List<String> lines, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/guardians")
                .file(ImportFiles.csv("guardians.csv", lines, StandardCharsets.UTF_8))
                .param("dryRun", String.valueOf(dryRun))
                .header("Accept-Language", "zh-CN")
                .with(as(TestUsers.SCHOOL_ADMIN)));
    }

    private String export(String who) throws Exception {
        return mvc.perform(get("/api/v1/exports/guardians")
                        .param("format", "csv")
                        .header("Accept-Language", "zh-CN")
                        .with(as(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String url, org.springframework.mock.web.MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long guardian(String name, String relation, String phone, boolean legal) {
        jdbc.sql("INSERT INTO guardian (school_id, student_id, name, relation, phone, legal_guardian, created_at)"
                        + " VALUES (:sc, :s, :n, :r, :p, :l, CURRENT_TIMESTAMP)")
                .param("sc", school)
                .param("s", student)
                .param("n", name)
                .param("r", relation)
                .param("p", phone)
                .param("l", legal)
                .update();
        return jdbc.sql("SELECT id FROM guardian WHERE student_id = :s AND name = :n")
                .param("s", student)
                .param("n", name)
                .query(Long.class)
                .single();
    }

    private Object stored(long id, String column) {
        return jdbc.sql("SELECT " + column + " FROM guardian WHERE id = :id")
                .param("id", id)
                .query((rs, i) -> rs.getObject(1))
                .single();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM guardian WHERE student_id = :s")
                .param("s", student)
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
