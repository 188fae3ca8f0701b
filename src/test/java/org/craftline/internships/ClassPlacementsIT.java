package org.craftline.internships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * A class's placements made in one step from a cooperation agreement: every student through the
 * same rules as one placement, all or none, each refused student named with what it broke and its
 * refusal audited; the rows count towards each other's shares; files and rows bounded.
 */
@PostgresTest
class ClassPlacementsIT {

    static final JsonMapper JSON = new JsonMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    InternshipFixture fx;
    long classId;
    long unit;
    long cooperation;
    String adult;
    String minor;
    String other;

    @BeforeEach
    void setUp() {
        fx = new InternshipFixture(jdbc);
        classId = insert(
                "INSERT INTO school_class (school_id, major_id, entry_year, name) SELECT :s, major_id, 2025,"
                        + " :n FROM school_major WHERE school_id = :s ORDER BY major_id FETCH FIRST 1 ROWS ONLY",
                fx.schoolId);
        adult = inClass(fx.student(fx.schoolId, "A", LocalDate.of(2008, 1, 15), 2025));
        minor = inClass(fx.student(fx.schoolId, "M", LocalDate.of(2010, 5, 1), 2025));
        other = inClass(fx.student(fx.schoolId, "B", LocalDate.of(2008, 3, 1), 2025));
        unit = fx.enterprise("U", 100);
        cooperation = cooperation(fx.schoolId);
    }

    @AfterEach
    void cleanUp() {
        jdbc.sql("DELETE FROM cooperation WHERE enterprise_id = :u")
                .param("u", unit)
                .update();
        fx.cleanUp();
        jdbc.sql("DELETE FROM school_class WHERE id = :c").param("c", classId).update();
    }

    private long insert(String sql, long school) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql(sql).param("s", school).param("n", "批量班" + fx.tag).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    private String inClass(String number) {
        jdbc.sql("UPDATE student SET class_id = :c WHERE student_number = :n")
                .param("c", classId)
                .param("n", number)
                .update();
        return number;
    }

    private long cooperation(long school) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO cooperation (school_id, enterprise_id, type, starts_on, created_at)"
                        + " VALUES (:s, :u, 'INTERNSHIP_BASE', DATE '2026-09-01', CURRENT_TIMESTAMP)")
                .param("s", school)
                .param("u", unit)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    /** The plan the class shares: the single placement's that keeps every rule, without student and policy. */
    Map<String, Object> batch(List<Map<String, Object>> students) {
        Map<String, Object> b = fx.plan(null, unit);
        b.keySet().removeAll(List.of("studentNumber", "enterpriseId", "policyNumber"));
        b.put("classId", classId);
        b.put("cooperationId", cooperation);
        b.put("students", students);
        return b;
    }

    static Map<String, Object> row(String number, String guardian) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("studentNumber", number);
        r.put("policyNumber", "P-" + number);
        r.put("guardianName", guardian);
        return r;
    }

    static MockMultipartFile pdf(String part) {
        return new MockMultipartFile(part, part + ".pdf", "application/pdf", InternshipsIT.PDF);
    }

    ResultActions post(String username, Map<String, Object> batch, MockMultipartFile... files) throws Exception {
        MockMultipartHttpServletRequestBuilder request = multipart("/api/v1/internships/class-batches");
        request.file(
                new MockMultipartFile("batch", "", MediaType.APPLICATION_JSON_VALUE, JSON.writeValueAsBytes(batch)));
        for (MockMultipartFile f : files) {
            request.file(f);
        }
        return mvc.perform(
                request.with(user(users.loadUserByUsername(username))).accept(MediaType.APPLICATION_JSON));
    }

    List<String> refusedFields(ResultActions result) throws Exception {
        String body = result.andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.errors[*].field");
    }

    long placed() {
        return jdbc.sql("SELECT COUNT(*) FROM internship WHERE enterprise_id = :u")
                .param("u", unit)
                .query(Long.class)
                .single();
    }

    long refusals(String number) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'REFUSE' AND entity_type = 'internship'"
                        + " AND entity_key = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    @Test
    void theClassIsPlacedInOneStepWithEachStudentsFiles() throws Exception {
        var body = post(
                        TestUsers.STAFF,
                        batch(List.of(row(adult, null), row(minor, "实习生家长"), row(other, null))),
                        pdf("agreement." + adult),
                        pdf("agreement." + minor),
                        pdf("consent." + minor),
                        pdf("agreement." + other))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(JsonPath.<List<String>>read(body, "$[*].studentNumber")).containsExactly(adult, minor, other);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM internship WHERE enterprise_id = :u AND agreement_path IS NOT NULL"
                                        + " AND policy_number = 'P-' || (SELECT student_number FROM student WHERE id = student_id)")
                        .param("u", unit)
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(jdbc.sql("SELECT consent_path IS NOT NULL AND guardian_name = '实习生家长' FROM internship"
                                + " WHERE student_id = :s")
                        .param("s", fx.studentId(minor))
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void oneRefusedStudentKeepsTheWholeClassOutAndEveryRefusedStudentIsNamed() throws Exception {
        List<String> fields = refusedFields(post(
                TestUsers.SCHOOL_ADMIN,
                batch(List.of(row(adult, null), row(minor, null), row(other, null))),
                pdf("agreement." + adult),
                pdf("agreement." + minor)));
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "students[" + minor + "].consent",
                        "students[" + minor + "].guardianName",
                        "students[" + other + "].agreement");
        assertThat(placed()).isZero();
        assertThat(refusals(minor)).isEqualTo(1);
        assertThat(refusals(other)).isEqualTo(1);
        assertThat(refusals(adult)).isZero();
    }

    @Test
    void aMinorOfTheClassWithoutALegalGuardianOnRecordKeepsTheClassOut() throws Exception {
        jdbc.sql("DELETE FROM guardian WHERE student_id = :s")
                .param("s", fx.studentId(minor))
                .update();
        List<String> fields = refusedFields(post(
                TestUsers.SCHOOL_ADMIN,
                batch(List.of(row(adult, null), row(minor, "实习生家长"), row(other, null))),
                pdf("agreement." + adult),
                pdf("agreement." + minor),
                pdf("consent." + minor),
                pdf("agreement." + other)));
        assertThat(fields).containsExactly("students[" + minor + "].studentNumber");
        assertThat(placed()).isZero();
    }

    @Test
    void theStudentsOfTheBatchCountTowardsEachOthersShares() throws Exception {
        jdbc.sql("UPDATE enterprise SET staff_count = 20 WHERE id = :u")
                .param("u", unit)
                .update(); // room for two
        List<String> fields = refusedFields(post(
                TestUsers.SCHOOL_ADMIN,
                batch(List.of(row(adult, null), row(other, null), row(minor, "实习生家长"))),
                pdf("agreement." + adult),
                pdf("agreement." + other),
                pdf("agreement." + minor),
                pdf("consent." + minor)));
        assertThat(fields).containsExactly("students[" + minor + "].enterpriseId");
        assertThat(placed()).isZero();
    }

    @Test
    void rowsFilesAndTheCooperationAreBounded() throws Exception {
        String stranger = fx.student(fx.schoolId, "S", LocalDate.of(2008, 1, 1), 2025); // not in the class
        assertThat(refusedFields(post(
                        TestUsers.SCHOOL_ADMIN,
                        batch(List.of(row(adult, null), row(stranger, null))),
                        pdf("agreement." + adult))))
                .containsExactly("students[" + stranger + "].studentNumber");
        assertThat(refusedFields(post(
                        TestUsers.SCHOOL_ADMIN,
                        batch(List.of(row(adult, null), row(minor, "家长"), row(other, null), row(adult, null))))))
                .containsExactly("students");
        byte[] large = new byte[(int) org.craftline.platform.StoredFiles.MAX_BYTES + 1];
        System.arraycopy(InternshipsIT.PDF, 0, large, 0, InternshipsIT.PDF.length);
        assertThat(refusedFields(post(
                        TestUsers.SCHOOL_ADMIN,
                        batch(List.of(row(adult, null))),
                        new MockMultipartFile("agreement." + adult, "big.pdf", "application/pdf", large))))
                .containsExactly("students[" + adult + "].agreement");
        assertThat(refusedFields(
                        post(TestUsers.SCHOOL_ADMIN, batch(List.of(row(adult, null))), pdf("agreement." + other))))
                .containsExactly("files");
        Map<String, Object> elsewhere = batch(List.of(row(adult, null)));
        elsewhere.put("cooperationId", cooperation(fx.otherSchoolId));
        assertThat(refusedFields(post(TestUsers.SCHOOL_ADMIN, elsewhere, pdf("agreement." + adult))))
                .containsExactly("cooperationId");
        assertThat(placed()).isZero();
    }

    @Test
    void onlyTheSchoolMakesABatch() throws Exception {
        Map<String, Object> b = batch(List.of(row(adult, null)));
        post(TestUsers.ENTERPRISE, b, pdf("agreement." + adult)).andExpect(status().isForbidden());
        post(TestUsers.BUREAU, b, pdf("agreement." + adult)).andExpect(status().isForbidden());
        assertThat(placed()).isZero();
    }

    @Test
    void thePageListsTheClassAndNamesTheRefusedStudents() throws Exception {
        var teacher = user(users.loadUserByUsername(TestUsers.STAFF));
        mvc.perform(get("/internships/batch")
                        .param("class", String.valueOf(classId))
                        .param("cooperation", String.valueOf(cooperation))
                        .with(teacher))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("agreement." + minor)))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("acceptWarnings"))));
        mvc.perform(get("/internships/batch")
                        .param("class", String.valueOf(classId))
                        .param("cooperation", String.valueOf(cooperation))
                        .with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN))))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("acceptWarnings")));
        List<String[]> fields = new ArrayList<>(List.of(
                new String[] {"classId", String.valueOf(classId)},
                new String[] {"cooperationId", String.valueOf(cooperation)},
                new String[] {"kind", "POST"},
                new String[] {"post", "玉雕学徒"},
                new String[] {"postHeadcount", "20"},
                new String[] {"startsOn", "2027-03-01"},
                new String[] {"endsOn", "2027-06-30"},
                new String[] {"supervisorNumber", fx.supervisor},
                new String[] {"mentorName", "王师傅"},
                new String[] {"mentorPhone", "13800001234"},
                new String[] {"hoursPerDay", "8"},
                new String[] {"daysPerWeek", "5"},
                new String[] {"monthlyPay", "2800"},
                new String[] {"postWage", "2800"},
                new String[] {"insurer", "中国人寿"},
                new String[] {"insuredFrom", "2027-03-01"},
                new String[] {"insuredTo", "2027-06-30"},
                new String[] {"students[0].studentNumber", adult},
                new String[] {"students[0].policyNumber", "P-1"},
                new String[] {"students[1].studentNumber", minor},
                new String[] {"students[1].policyNumber", "P-2"},
                new String[] {"students[2].studentNumber", other},
                new String[] {"students[2].skip", "true"}));
        var refused = multipart("/internships/batch").file(pdf("agreement." + adult));
        fields.forEach(f -> refused.param(f[0], f[1]));
        mvc.perform(refused.with(teacher).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("实习生M</strong>")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("实习生A</strong>"))));
        assertThat(placed()).isZero();
        var made = multipart("/internships/batch")
                .file(pdf("agreement." + adult))
                .file(pdf("agreement." + minor))
                .file(pdf("consent." + minor))
                .file(new MockMultipartFile("agreement." + other, "", "application/octet-stream", new byte[0]));
        fields.forEach(f -> made.param(f[0], f[1]));
        made.param("students[1].guardianName", "实习生家长");
        mvc.perform(made.with(teacher).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/internships?class=" + classId));
        assertThat(placed()).isEqualTo(2); // the student left out is not placed
    }
}
