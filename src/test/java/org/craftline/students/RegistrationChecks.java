package org.craftline.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.craftline.students.domain.Registrations;
import org.craftline.students.domain.Registrations.Intake;
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
 * 学籍号 and the new students' registration: the number kept on the record (upper case; a "G" number
 * must carry the student's own ID number), masked wherever the ID number is, revealed with it;
 * imported with the students (a file without the column keeps the stored numbers); each intake of
 * this year and the last counted against its national deadline (autumn 20 November, spring 20
 * April) from the records, and its unregistered students shown as a to-do on the office's dashboard.
 *
 * <p>Run on PostgreSQL ({@link RegistrationIT}) and on the embedded H2 ({@link RegistrationH2Test}).
 */
abstract class RegistrationChecks {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    /** Starts with a digit, so that a search for "RG" + tag asks for student numbers, never names. */
    final String tag = "1" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();

    long zhenping;
    final int thisYear = LocalDate.now().getYear();

    @BeforeEach
    void school() {
        zhenping = jdbc.sql("SELECT id FROM school WHERE code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
    }

    @AfterEach
    void remove() {
        List<Long> ids = jdbc.sql("SELECT id FROM student WHERE student_number LIKE :p")
                .param("p", "RG" + tag + "%")
                .query(Long.class)
                .list();
        if (!ids.isEmpty()) {
            jdbc.sql("DELETE FROM student_status_change WHERE student_id IN (:ids)")
                    .param("ids", ids)
                    .update();
            jdbc.sql("DELETE FROM student WHERE id IN (:ids)").param("ids", ids).update();
        }
    }

    @Test
    void theNumberIsKeptMaskedLikeTheIdNumberAndMustCarryTheStudentsOwnId() throws Exception {
        String id = ImportFiles.id("RG" + tag, 1);
        String other = ImportFiles.id("RG" + tag, 2);
        create("RG" + tag + "1", id, "g" + other)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nationalNumber"));
        create("RG" + tag + "1", id, "abc")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nationalNumber"));
        String body = create("RG" + tag + "1", id, "g" + id)
                .andExpect(status().isCreated())
                .andExpect(
                        jsonPath("$.nationalNumber").value("G" + id.substring(0, 3) + "***********" + id.substring(14)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long student = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(jdbc.sql("SELECT national_number FROM student WHERE id = :id")
                        .param("id", student)
                        .query(String.class)
                        .single())
                .isEqualTo("G" + id);
        mvc.perform(get("/api/v1/students/{id}", student).with(as(TestUsers.STAFF)))
                .andExpect(jsonPath("$.nationalNumber")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(id))));
        mvc.perform(post("/api/v1/students/{id}/reveal", student).with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(jsonPath("$.nationalNumber").value("G" + id));
    }

    @Test
    void aSpringIntakeEnteredByTheFormIsDatedItsEnrolmentDay() throws Exception {
        String id = ImportFiles.id("RG" + tag, 3);
        long springBefore = intake(Registrations.Season.SPRING).students();
        create("RG" + tag + "3", id, "", "2025-03-02")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("enrolledOn"));
        String body = create("RG" + tag + "3", id, "", "2026-03-02")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        long student = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(jdbc.sql("SELECT changed_on FROM student_status_change WHERE student_id = :id AND kind = 'ENROL'")
                        .param("id", student)
                        .query(java.time.LocalDate.class)
                        .single())
                .isEqualTo(java.time.LocalDate.of(2026, 3, 2));
        assertThat(intake(Registrations.Season.SPRING).students()).isEqualTo(springBefore + 1);
    }

    @Test
    void theImportSetsTheNumberAndAFileWithoutTheColumnKeepsIt() throws Exception {
        String prefix = "RG" + tag + "I";
        List<String> plain = ImportFiles.students(prefix, 2);
        List<String> numbered = List.of(
                plain.get(0) + ",学籍号",
                plain.get(1) + ",G" + ImportFiles.id(prefix, 1),
                plain.get(2) + ",G" + ImportFiles.id(prefix, 1));
        // numbers added to students imported without them are written and audited, masked
        upload(plain, false).andExpect(status().isOk());
        upload(List.of(numbered.get(0), numbered.get(1), plain.get(2)), false)
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(jdbc.sql("SELECT national_number FROM student WHERE student_number = :n")
                        .param("n", prefix + "1")
                        .query(String.class)
                        .single())
                .isEqualTo("G" + ImportFiles.id(prefix, 1));
        assertThat(jdbc.sql("SELECT after_json FROM audit_event WHERE entity_type = 'student' AND action = 'UPDATE'"
                                + " AND before_json LIKE :n ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
                        .param("n", "%" + prefix + "1%")
                        .query(String.class)
                        .single())
                .contains("\"nationalNumber\":\"G411")
                .doesNotContain(ImportFiles.id(prefix, 1));
        upload(numbered, true)
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].column").value("学籍号"))
                .andExpect(jsonPath("$.errors[0].value").value(org.hamcrest.Matchers.containsString("*")));
        upload(List.of(numbered.get(0), numbered.get(1), plain.get(2)), false).andExpect(status().isOk());
        upload(plain, false).andExpect(jsonPath("$.unchanged").value(2));
        assertThat(jdbc.sql("SELECT COUNT(national_number) FROM student WHERE student_number LIKE :p")
                        .param("p", prefix + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String export = mvc.perform(
                        get("/api/v1/exports/students").param("format", "csv").with(as(TestUsers.STAFF)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(export).doesNotContain("G" + ImportFiles.id(prefix, 1));
    }

    @Test
    void anImportedStudentEnrolsOnTheDayItsRowGivesOrOnTheFirstOfSeptemberOfItsEntryYear() throws Exception {
        String prefix = "RG" + tag + "E";
        List<String> plain = ImportFiles.students(prefix, 3);
        // the rows' entry year is 2026 (ImportFiles)
        List<String> dated = List.of(
                plain.get(0) + ",入学日期", plain.get(1) + ",2026-03-02", plain.get(2) + ",", plain.get(3) + ",2025-09-01");
        upload(dated, true)
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].column").value("入学日期"));
        upload(dated.subList(0, 3), false).andExpect(jsonPath("$.created").value(2));
        assertThat(enrolment(prefix + "1")).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(enrolment(prefix + "2")).isEqualTo(LocalDate.of(2026, 9, 1));
        // a file without the column, whatever the day of the import
        upload(List.of(plain.get(0), plain.get(3)), false)
                .andExpect(jsonPath("$.created").value(1));
        assertThat(enrolment(prefix + "3")).isEqualTo(LocalDate.of(2026, 9, 1));
    }

    private LocalDate enrolment(String studentNumber) {
        return jdbc.sql("SELECT c.changed_on FROM student_status_change c JOIN student s ON s.id = c.student_id"
                        + " WHERE s.student_number = :n AND c.kind = 'ENROL'")
                .param("n", studentNumber)
                .query(LocalDate.class)
                .single();
    }

    @Test
    void eachIntakeIsCountedAgainstItsDeadlineAndShownAsATodo() throws Exception {
        Intake before = intake(Registrations.Season.AUTUMN);
        long autumn = student("RG" + tag + "A", LocalDate.of(thisYear, 9, 1), null);
        student("RG" + tag + "B", LocalDate.of(thisYear, 9, 1), "G" + ImportFiles.id("RG" + tag, 9));
        student("RG" + tag + "S", LocalDate.of(thisYear, 3, 1), null);
        Intake after = intake(Registrations.Season.AUTUMN);
        assertThat(after.students()).isEqualTo(before.students() + 2);
        assertThat(after.registered()).isEqualTo(before.registered() + 1);
        assertThat(after.due()).isEqualTo(LocalDate.of(thisYear, 11, 20));
        assertThat(after.registered()).isEqualTo(count("national_number IS NOT NULL", thisYear) - springRegistered());
        Intake spring = intake(Registrations.Season.SPRING);
        assertThat(spring.due()).isEqualTo(LocalDate.of(thisYear, 4, 20));
        assertThat(spring.unregistered()).isGreaterThanOrEqualTo(1);
        assertThat(spring.overdue(LocalDate.of(thisYear, 4, 21))).isTrue();
        assertThat(spring.overdue(LocalDate.of(thisYear, 4, 20))).isFalse();
        var admin = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String dashboard = mvc.perform(get("/dashboard").session(admin))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(dashboard)
                .contains("id=\"todos\"")
                .contains(thisYear + "年秋季新生学籍注册："
                        + java.text.NumberFormat.getIntegerInstance(java.util.Locale.SIMPLIFIED_CHINESE)
                                .format(after.unregistered())
                        + " 人")
                .contains("href=\"/students/registration\"");
        String teachers = mvc.perform(get("/dashboard").session(Sessions.login(mvc, TestUsers.STAFF)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(teachers).doesNotContain("id=\"todos\"");
        String page = mvc.perform(get("/students/registration").session(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(thisYear + "年秋季", thisYear + "-11-20", thisYear + "年春季");
        // the bureau chooses a school first, then sees its intakes; a teacher has no page here
        var bureau = Sessions.login(mvc, TestUsers.BUREAU);
        assertThat(mvc.perform(get("/students/registration").session(bureau))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("id=\"choose-school\"", "value=\"" + TestUsers.ZHENPING + "\"")
                .doesNotContain("id=\"intakes\"");
        assertThat(mvc.perform(get("/students/registration")
                                .param("school", TestUsers.ZHENPING)
                                .session(bureau))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains(thisYear + "年秋季", "id=\"intakes\"");
        mvc.perform(get("/api/v1/students")
                        .param("year", String.valueOf(thisYear))
                        .param("registered", "false")
                        .param("q", "RG" + tag)
                        .with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(jsonPath("$.total").value(2));
        // the page's link for an intake lists that intake's unregistered students still in school
        for (Registrations.Season season : Registrations.Season.values()) {
            mvc.perform(get("/api/v1/students")
                            .param("year", String.valueOf(thisYear))
                            .param("registered", "false")
                            .param("intake", season.name())
                            .param("q", "RG" + tag)
                            .with(as(TestUsers.SCHOOL_ADMIN)))
                    .andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.items[0].studentNumber")
                            .value("RG" + tag + (season == Registrations.Season.AUTUMN ? "A" : "S")));
        }
        assertThat(page).contains("registered=false&amp;intake=AUTUMN");
        jdbc.sql("UPDATE student SET status = 'WITHDRAWN' WHERE id = :id")
                .param("id", autumn)
                .update();
        assertThat(intake(Registrations.Season.AUTUMN).students()).isEqualTo(before.students() + 1);
        mvc.perform(get("/api/v1/students")
                        .param("registered", "false")
                        .param("intake", "AUTUMN")
                        .param("q", "RG" + tag)
                        .with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(jsonPath("$.total").value(0));
    }

    /** The intake as the API answers it to the school's administrator. */
    private Intake intake(Registrations.Season season) throws Exception {
        String body = mvc.perform(get("/api/v1/students/registration").with(as(TestUsers.SCHOOL_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<java.util.Map<String, Object>> rows =
                JsonPath.read(body, "$[?(@.intakeYear == " + thisYear + " && @.season == '" + season + "')]");
        if (rows.isEmpty()) {
            return new Intake(thisYear, season, 0, 0, season.due(thisYear));
        }
        var row = rows.get(0);
        return new Intake(
                thisYear,
                season,
                ((Number) row.get("students")).longValue(),
                ((Number) row.get("registered")).longValue(),
                LocalDate.parse((String) row.get("due")));
    }

    /** Counted without the query under test: the school's current students of the year. */
    private long count(String condition, int year) {
        return jdbc.sql("SELECT COUNT(*) FROM student WHERE school_id = :s AND entry_year = :y"
                        + " AND status IN ('ENROLLED', 'SUSPENDED') AND " + condition)
                .param("s", zhenping)
                .param("y", year)
                .query(Long.class)
                .single();
    }

    private long springRegistered() {
        return jdbc.sql("SELECT COUNT(*) FROM student s JOIN student_status_change e ON e.student_id = s.id"
                        + " AND e.kind = 'ENROL' WHERE s.school_id = :s AND s.entry_year = :y"
                        + " AND s.status IN ('ENROLLED', 'SUSPENDED') AND s.national_number IS NOT NULL"
                        + " AND EXTRACT(MONTH FROM e.changed_on) BETWEEN 2 AND 7")
                .param("s", zhenping)
                .param("y", thisYear)
                .query(Long.class)
                .single();
    }

    private long student(String number, LocalDate enrolled, String nationalNumber) {
        jdbc.sql("""
                        INSERT INTO student (school_id, student_number, name, id_number, gender, birth_date, household,
                          major_id, entry_year, status, national_number)
                        SELECT :s, :n, '注册测试生', :idn, 'FEMALE', DATE '2010-03-01', 'RURAL', MIN(major_id), :y,
                          'ENROLLED', :nn FROM school_major WHERE school_id = :s
                        """)
                .param("s", zhenping)
                .param("n", number)
                .param("idn", (number + "000000000000000000").substring(0, 18))
                .param("y", enrolled.getYear())
                .param("nn", nationalNumber)
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
                        """).param("id", id).param("on", enrolled).update();
        return id;
    }

    private ResultActions create(String number, String id, String nationalNumber) throws Exception {
        return create(number, id, nationalNumber, "");
    }

    private ResultActions create(String number, String id, String nationalNumber, String enrolledOn) throws Exception {
        return mvc.perform(post("/api/v1/students")
                .with(as(TestUsers.SCHOOL_ADMIN))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"studentNumber\":\"" + number + "\",\"name\":\"李四\",\"idNumber\":\"" + id
                        + "\",\"household\":\"RURAL\",\"majorCode\":\"750107\",\"entryYear\":\"2026\","
                        + "\"nationalNumber\":\"" + nationalNumber + "\",\"enrolledOn\":\"" + enrolledOn + "\"}"));
    }

    private ResultActions upload(List<String> lines, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/students")
                .file(ImportFiles.csv("students.csv", lines, StandardCharsets.UTF_8))
                .param("dryRun", String.valueOf(dryRun))
                .header("Accept-Language", "zh-CN")
                .with(as(TestUsers.SCHOOL_ADMIN)));
    }

    private RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }
}
