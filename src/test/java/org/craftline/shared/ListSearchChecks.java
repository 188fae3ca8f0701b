package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The search boxes of the growing lists (TextSearch) find what their help text says, within the
 * user's school: each answer is compared with the rule written plainly in SQL (LIKE), on the
 * demo school, on the database of the subclass.
 */
abstract class ListSearchChecks {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    static final String CERTIFICATES = "FROM certificate c JOIN school sc ON sc.id = c.school_id"
            + " LEFT JOIN student s ON s.id = c.student_id LEFT JOIN staff t ON t.id = c.staff_id"
            + " LEFT JOIN trainee tr ON tr.id = c.trainee_id WHERE sc.code = :code AND ";
    static final String PLACEMENTS = "FROM internship i JOIN school sc ON sc.id = i.school_id"
            + " JOIN student s ON s.id = i.student_id JOIN enterprise e ON e.id = i.enterprise_id"
            + " WHERE sc.code = :code AND ";
    static final String HARDSHIPS = "FROM hardship_recognition h JOIN school sc ON sc.id = h.school_id"
            + " JOIN student s ON s.id = h.student_id WHERE sc.code = :code AND ";
    static final String LEDGER = "FROM aid_disbursement d JOIN school sc ON sc.id = d.school_id"
            + " JOIN student s ON s.id = d.student_id WHERE sc.code = :code AND ";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCertificateHolderSearchFindsNumberPrefixesNamesContainingThreeCharactersAndShorterNamePrefixes()
            throws Exception {
        // a name without digits: a text with a digit is a number search
        String name = jdbc
                .sql("SELECT COALESCE(s.name, t.name, tr.name) " + CERTIFICATES
                        + "CHAR_LENGTH(COALESCE(s.name, t.name, tr.name)) >= 3 ORDER BY c.id")
                .param("code", TestUsers.ZHENPING)
                .query(String.class)
                .list()
                .stream()
                .filter(n -> tail3(n).chars().noneMatch(Character::isDigit))
                .findFirst()
                .orElseThrow();
        String number = pick("SELECT s.student_number " + CERTIFICATES + "s.id IS NOT NULL ORDER BY c.id");
        String names = "(s.name LIKE :p OR t.name LIKE :p OR tr.name LIKE :p)";
        same(
                "/api/v1/certificates?holder=",
                tail3(name),
                "SELECT c.id " + CERTIFICATES + names,
                "%" + tail3(name) + "%");
        same("/api/v1/certificates?holder=", first(name), "SELECT c.id " + CERTIFICATES + names, first(name) + "%");
        String numbers = "(s.student_number LIKE :p OR t.staff_number LIKE :p)";
        String prefix = number.substring(0, number.length() - 2);
        same("/api/v1/certificates?holder=", prefix, "SELECT c.id " + CERTIFICATES + numbers, prefix + "%");
    }

    @Test
    void thePlacementSearchFindsStudentNumberPrefixesAndStudentOrUnitNames() throws Exception {
        String unit = pick("SELECT e.name " + PLACEMENTS + "CHAR_LENGTH(e.name) >= 6 ORDER BY i.id");
        String student = pick("SELECT s.name " + PLACEMENTS + "CHAR_LENGTH(s.name) >= 2 ORDER BY i.id");
        String number = pick("SELECT s.student_number " + PLACEMENTS + "1 = 1 ORDER BY i.id");
        String names = "(s.name LIKE :p OR e.name LIKE :p)";
        String inside = unit.substring(2, 5);
        same("/api/v1/internships?q=", inside, "SELECT i.id " + PLACEMENTS + names, "%" + inside + "%");
        // one or two characters: a surname, of the students only (the units' names are not searched)
        same(
                "/api/v1/internships?q=",
                first(student),
                "SELECT i.id " + PLACEMENTS + "s.name LIKE :p",
                first(student) + "%");
        String prefix = number.substring(0, number.length() - 2);
        same("/api/v1/internships?q=", prefix, "SELECT i.id " + PLACEMENTS + "s.student_number LIKE :p", prefix + "%");
    }

    @Test
    void thePlacementsClassFilterListsThePlacementsOfTheClassStudents() throws Exception {
        long classId = jdbc.sql("SELECT s.class_id " + PLACEMENTS + "s.class_id IS NOT NULL ORDER BY i.id"
                        + " FETCH FIRST 1 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        Set<Long> expected = new HashSet<>(jdbc.sql("SELECT i.id " + PLACEMENTS + "s.class_id = :p")
                .params(Map.of("code", TestUsers.ZHENPING, "p", classId))
                .query(Long.class)
                .list());
        String body = body("/api/v1/internships", "class", String.valueOf(classId), "size", "200");
        List<Number> ids = JsonPath.read(body, "$.items[*].id");
        Set<Long> found = new HashSet<>();
        ids.forEach(id -> found.add(id.longValue()));
        assertThat(found).isNotEmpty().isEqualTo(expected);
    }

    @Test
    void theTraineeAndEnterpriseSearchesFollowTheSameRule() throws Exception {
        String trainees = "FROM trainee t JOIN school sc ON sc.id = t.school_id WHERE sc.code = :code AND ";
        String trainee = pick("SELECT t.name " + trainees + "CHAR_LENGTH(t.name) >= 2 ORDER BY t.id");
        same(
                "/api/v1/social/trainees?q=",
                first(trainee),
                "SELECT t.id " + trainees + "t.name LIKE :p",
                first(trainee) + "%");
        String unit = pick(
                "SELECT e.name FROM enterprise e WHERE CHAR_LENGTH(e.name) >= 6 AND :code IS NOT NULL ORDER BY e.id");
        String code = pick(
                "SELECT e.credit_code FROM enterprise e WHERE e.credit_code IS NOT NULL AND :code IS NOT NULL ORDER BY e.id");
        String units = "SELECT e.id FROM enterprise e WHERE :code IS NOT NULL AND ";
        same(
                "/api/v1/enterprises?q=",
                unit.substring(2, 5),
                units + "e.name LIKE :p",
                "%" + unit.substring(2, 5) + "%");
        same("/api/v1/enterprises?q=", first(unit), units + "e.name LIKE :p", first(unit) + "%");
        same(
                "/api/v1/enterprises?q=",
                code.substring(0, 8),
                units + "e.credit_code LIKE :p",
                code.substring(0, 8) + "%");
    }

    @Test
    void aSearchReachesOnlyTheUsersSchoolAndATooLongTextIsRefused() throws Exception {
        String elsewhere = pick("SELECT s.name FROM certificate c JOIN student s ON s.id = c.student_id"
                + " JOIN school sc ON sc.id = c.school_id WHERE sc.code <> :code ORDER BY c.id");
        String body = body("/api/v1/certificates", "holder", first(elsewhere), "size", "200");
        List<String> schools = JsonPath.read(body, "$.items[*].schoolCode");
        assertThat(schools).containsOnly(TestUsers.ZHENPING);
        mvc.perform(get("/api/v1/internships")
                        .param("q", "王".repeat(TextSearch.MAX_LENGTH + 1))
                        .with(ADMIN))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
    }

    @Test
    void aRenamedHolderIsFoundUnderTheNewNameOnly() throws Exception {
        long student = idOf("SELECT s.id " + CERTIFICATES + "s.id IS NOT NULL ORDER BY c.id", -1);
        long staff = idOf("SELECT t.id " + CERTIFICATES + "t.id IS NOT NULL ORDER BY c.id", -1);
        long intern = idOf("SELECT s.id " + PLACEMENTS + "s.id <> :other ORDER BY i.id", student);
        String studentName = nameOf("student", student);
        String staffName = nameOf("staff", staff);
        String internName = nameOf("student", intern);
        String names = "(s.name LIKE :p OR t.name LIKE :p OR tr.name LIKE :p)";
        try {
            rename("student", student, "测试改名甲乙");
            rename("staff", staff, "测试改名丙丁");
            rename("student", intern, "测试改名戊己");
            same("/api/v1/certificates?holder=", "改名甲", "SELECT c.id " + CERTIFICATES + names, "%改名甲%");
            same("/api/v1/certificates?holder=", "改名丙", "SELECT c.id " + CERTIFICATES + names, "%改名丙%");
            same("/api/v1/certificates?holder=", "测试", "SELECT c.id " + CERTIFICATES + names, "测试%");
            same(
                    "/api/v1/internships?q=",
                    "改名戊",
                    "SELECT i.id " + PLACEMENTS + "(s.name LIKE :p OR e.name LIKE :p)",
                    "%改名戊%");
            absent("/api/v1/certificates?holder=", tail3(studentName), "certificate", "student_id", student);
            absent("/api/v1/internships?q=", tail3(internName), "internship", "student_id", intern);
        } finally {
            rename("student", student, studentName);
            rename("staff", staff, staffName);
            rename("student", intern, internName);
        }
    }

    @Test
    void theAidListsFindTheStudentsNumberOrNameAndARenamedStudentUnderTheNewNameOnly() throws Exception {
        // a student with a recognition and a payment
        long student = idOf(
                "SELECT s.id " + HARDSHIPS
                        + "s.id <> :other AND EXISTS (SELECT 1 FROM aid_disbursement x WHERE x.student_id = s.id)"
                        + " ORDER BY h.id",
                -1);
        String name = nameOf("student", student);
        String number = jdbc.sql("SELECT student_number FROM student WHERE id = :id")
                .param("id", student)
                .query(String.class)
                .single();
        String prefix = number.substring(0, number.length() - 2);
        same("/api/v1/aid/hardships?q=", prefix, "SELECT h.id " + HARDSHIPS + "s.student_number LIKE :p", prefix + "%");
        same(
                "/api/v1/aid/disbursements?q=",
                prefix,
                "SELECT d.id " + LEDGER + "s.student_number LIKE :p",
                prefix + "%");
        same("/api/v1/aid/hardships?q=", first(name), "SELECT h.id " + HARDSHIPS + "s.name LIKE :p", first(name) + "%");
        same(
                "/api/v1/aid/disbursements?q=",
                first(name),
                "SELECT d.id " + LEDGER + "s.name LIKE :p",
                first(name) + "%");
        try {
            rename("student", student, "测试改名庚辛");
            same("/api/v1/aid/hardships?q=", "改名庚", "SELECT h.id " + HARDSHIPS + "s.name LIKE :p", "%改名庚%");
            same("/api/v1/aid/disbursements?q=", "改名庚", "SELECT d.id " + LEDGER + "s.name LIKE :p", "%改名庚%");
            same("/api/v1/aid/disbursements?q=", "测", "SELECT d.id " + LEDGER + "s.name LIKE :p", "测%");
            absent("/api/v1/aid/hardships?q=", name, "hardship_recognition", "student_id", student);
            absent("/api/v1/aid/disbursements?q=", name, "aid_disbursement", "student_id", student);
        } finally {
            rename("student", student, name);
        }
    }

    /**
     * A text of three characters or more finds every name containing it, whatever the case of either
     * and the name's length: on PostgreSQL a short name equal to its lower case is found by equality
     * and the others through the rare names' trigram index (V100, on lower(name) since V102), which
     * this covers; in the students list, the certificates' holder search and the placements' search.
     */
    @Test
    void aContainsSearchFindsTheNamesContainingTheTextWhateverTheirCaseOrLength() throws Exception {
        // six students with a certificate and six with a placement, each six given the names below
        List<Long> students = new java.util.ArrayList<>(jdbc.sql("SELECT DISTINCT c.student_id " + CERTIFICATES
                        + "c.student_id IS NOT NULL ORDER BY c.student_id FETCH FIRST 6 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(Long.class)
                .list());
        students.addAll(jdbc.sql("SELECT DISTINCT i.student_id " + PLACEMENTS
                        + "i.student_id NOT IN (SELECT x.student_id FROM certificate x WHERE x.student_id IS NOT NULL)"
                        + " ORDER BY i.student_id FETCH FIRST 6 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(Long.class)
                .list());
        List<String> names = List.of("Ann", "ann", "Joanna Li", "ANNE", "测试名", "欧测试名");
        List<String> renamed = new java.util.ArrayList<>(names);
        renamed.addAll(names);
        assertThat(students).hasSize(renamed.size());
        List<String> before = students.stream().map(id -> nameOf("student", id)).toList();
        String byName = "SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id"
                + " WHERE sc.code = :code AND LOWER(s.name) LIKE :p";
        String holders = "SELECT c.id " + CERTIFICATES + "LOWER(s.name) LIKE :p";
        String placements = "SELECT i.id " + PLACEMENTS + "(LOWER(s.name) LIKE :p OR LOWER(e.name) LIKE :p)";
        try {
            for (int i = 0; i < students.size(); i++) {
                rename("student", students.get(i), renamed.get(i));
            }
            for (String text : List.of("ANN", "ann", "aNnA", "测试名", "欧测试")) {
                String pattern = "%" + text.toLowerCase(java.util.Locale.ROOT) + "%";
                same("/api/v1/students?q=", text, byName, pattern);
                same("/api/v1/certificates?holder=", text, holders, pattern);
                same("/api/v1/internships?q=", text, placements, pattern);
            }
        } finally {
            for (int i = 0; i < students.size(); i++) {
                rename("student", students.get(i), before.get(i));
            }
        }
    }

    private long idOf(String sql, long other) {
        return jdbc.sql(sql + " FETCH FIRST 1 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .param("other", other)
                .query(Long.class)
                .single();
    }

    private String nameOf(String table, long id) {
        return jdbc.sql("SELECT name FROM " + table + " WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private void rename(String table, long id, String name) {
        jdbc.sql("UPDATE " + table + " SET name = :name WHERE id = :id")
                .param("name", name)
                .param("id", id)
                .update();
    }

    /** None of the holder's rows is listed for the text (its old name). */
    private void absent(String url, String text, String table, String key, long holder) throws Exception {
        List<Long> rows = jdbc.sql("SELECT id FROM " + table + " WHERE " + key + " = :h")
                .param("h", holder)
                .query(Long.class)
                .list();
        String[] path = url.split("[?=]");
        String body = body(path[0], path[1], text, "size", "200");
        List<Number> ids = JsonPath.read(body, "$.items[*].id");
        assertThat(rows).isNotEmpty();
        assertThat(ids.stream().map(Number::longValue).toList()).as(text).doesNotContainAnyElementsOf(rows);
    }

    /** The list's answer to the text is the rule's rows, written plainly in SQL. */
    private void same(String url, String text, String oracle, String pattern) throws Exception {
        Set<Long> expected = new HashSet<>(jdbc.sql(oracle)
                .params(Map.of("code", TestUsers.ZHENPING, "p", pattern))
                .query(Long.class)
                .list());
        String[] path = url.split("[?=]");
        String body = body(path[0], path[1], text, "size", "200");
        List<Number> ids = JsonPath.read(body, "$.items[*].id");
        Set<Long> found = new HashSet<>();
        ids.forEach(id -> found.add(id.longValue()));
        assertThat(expected).as(text).isNotEmpty();
        assertThat(((Number) JsonPath.read(body, "$.total")).longValue())
                .as(text)
                .isEqualTo(expected.size());
        if (expected.size() <= 200) {
            assertThat(found).as(text).isEqualTo(expected);
        } else {
            assertThat(expected).as(text).containsAll(found);
        }
    }

    /** The school administrator's answer to the list's URL with these parameters (name, value, ...). */
    String body(String url, String... params) throws Exception {
        var request = get(url).with(ADMIN);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String pick(String sql) {
        return jdbc.sql(sql + " FETCH FIRST 1 ROWS ONLY")
                .param("code", TestUsers.ZHENPING)
                .query(String.class)
                .single();
    }

    private static String first(String name) {
        return name.substring(0, name.offsetByCodePoints(0, 1));
    }

    private static String tail3(String name) {
        return name.substring(name.offsetByCodePoints(name.length(), -3));
    }
}
