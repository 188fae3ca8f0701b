package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A masked ID number is never shown beside the full birth date (its check character would give the
 * hidden digits back): students and trainees in the API, on their pages and in exports, for a teacher,
 * the bureau and an administrator who has not revealed; the full date only with the full number.
 */
@PostgresTest
class MaskedIdentityIT {

    static final String MASKED = "[0-9]{4}\\*{10}[0-9X]{4}";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void studentsShowOnlyTheBirthYearBesideAMaskedNumber() throws Exception {
        for (String user : List.of(TestUsers.STAFF, TestUsers.BUREAU, TestUsers.SCHOOL_ADMIN)) {
            String list = json("/api/v1/students", user);
            List<Map<String, Object>> items = JsonPath.read(list, "$.items");
            assertThat(items).isNotEmpty();
            for (Map<String, Object> item : items) {
                LocalDate birth = birth("student", item.get("id"));
                assertThat((String) item.get("idNumber")).matches(MASKED);
                assertThat(item.get("birthDate")).as(user).isNull();
                assertThat(item.get("birthYear")).isEqualTo(birth.getYear());
                assertThat(list).doesNotContain(spellings(birth));
            }
            long first = ((Number) items.get(0).get("id")).longValue();
            LocalDate birth = birth("student", first);
            String detail = json("/api/v1/students/" + first, user);
            assertThat(detail).containsPattern(MASKED).doesNotContain(spellings(birth));
            String page = page("/students/" + first, user);
            assertThat(page).containsPattern(MASKED).doesNotContain(spellings(birth));
        }
    }

    @Test
    void traineesShowOnlyTheBirthYearBesideAMaskedNumber() throws Exception {
        for (String user : List.of(TestUsers.STAFF, TestUsers.BUREAU, TestUsers.SCHOOL_ADMIN)) {
            String list = json("/api/v1/social/trainees", user);
            List<Map<String, Object>> items = JsonPath.read(list, "$.items");
            assertThat(items).isNotEmpty();
            for (Map<String, Object> item : items) {
                LocalDate birth = birth("trainee", item.get("id"));
                assertThat((String) item.get("idNumber")).matches(MASKED);
                assertThat(item.get("birthDate")).as(user).isNull();
                assertThat(item.get("birthYear")).isEqualTo(birth.getYear());
                assertThat(list).doesNotContain(spellings(birth));
            }
            long first = ((Number) items.get(0).get("id")).longValue();
            LocalDate birth = birth("trainee", first);
            assertThat(json("/api/v1/social/trainees/" + first, user))
                    .containsPattern(MASKED)
                    .doesNotContain(spellings(birth));
            assertThat(page("/social/trainees/" + first, user))
                    .containsPattern(MASKED)
                    .doesNotContain(spellings(birth));
        }
    }

    @Test
    void theFullBirthDateGoesOnlyWithTheRevealedNumber() throws Exception {
        // the last record of each kind: other tests count the reveals of the first
        var admin = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
        long student = jdbc.sql("SELECT s.id FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :c ORDER BY s.id DESC FETCH FIRST 1 ROWS ONLY")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        mvc.perform(post("/api/v1/students/{id}/reveal", student).with(admin))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.birthDate").value(birth("student", student).toString()));
        long trainee = jdbc.sql("SELECT t.id FROM trainee t JOIN school sc ON sc.id = t.school_id"
                        + " WHERE sc.code = :c ORDER BY t.id DESC FETCH FIRST 1 ROWS ONLY")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        mvc.perform(post("/api/v1/social/trainees/{id}/reveal", trainee).with(admin))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.birthDate").value(birth("trainee", trainee).toString()));
    }

    @Test
    void aMaskedExportCarriesTheBirthYearAndTheAdministratorsTheFullDate() throws Exception {
        List<String[]> masked = exportRows(TestUsers.STAFF);
        assertThat(masked).isNotEmpty();
        for (String[] cells : masked) {
            assertThat(cells[3]).matches(MASKED);
            assertThat(cells[5]).matches("[0-9]{4}");
        }
        for (String[] cells : exportRows(TestUsers.SCHOOL_ADMIN)) {
            assertThat(cells[3]).matches("[0-9]{17}[0-9X]");
            assertThat(cells[5]).isEqualTo(ResidentIds.birthDate(cells[3]).toString());
        }
    }

    @Test
    void theStudentsImportMasksIdNumbersPhonesAndBirthDatesInItsErrors() throws Exception {
        String id = ImportFiles.id("MASK", 1);
        String badCheck = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        String good = ImportFiles.id("MASK", 2);
        String wrongBirth = ResidentIds.birthDate(good).plusDays(1).toString();
        List<String> lines = new ArrayList<>();
        lines.add(ImportFiles.HEADER);
        lines.add(",MASK1,学生1," + badCheck + ",,,农村,1380013800,750107,,2026,在读");
        lines.add(",MASK2,学生2," + good + ",," + wrongBirth + ",农村,,750107,,2026,在读");
        String body = mvc.perform(multipart("/api/v1/imports/{kind}", "students")
                        .file(ImportFiles.csv("mask.csv", lines, StandardCharsets.UTF_8))
                        .param("dryRun", "false")
                        .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> values = JsonPath.read(body, "$.errors[*].value");
        assertThat(values)
                .containsExactlyInAnyOrder(
                        ResidentIds.mask(badCheck), "138***3800", wrongBirth.substring(0, 4) + "-**-**");
        assertThat(body).doesNotContain(badCheck, "1380013800", wrongBirth);
    }

    private List<String[]> exportRows(String user) throws Exception {
        String csv = mvc.perform(get("/api/v1/exports/students")
                        .param("format", "csv")
                        .with(httpBasic(user, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return csv.lines().skip(1).map(l -> l.split(",", -1)).toList();
    }

    private String json(String path, String user) throws Exception {
        return mvc.perform(get(path).param("size", "200").with(httpBasic(user, TestUsers.PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private String page(String path, String user) throws Exception {
        return mvc.perform(get(path).session(Sessions.login(mvc, user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private LocalDate birth(String table, Object id) {
        return jdbc.sql("SELECT birth_date FROM " + table + " WHERE id = :id")
                .param("id", ((Number) id).longValue())
                .query(LocalDate.class)
                .single();
    }

    /** The ways a page or a file could write the full birth date. */
    private static String[] spellings(LocalDate birth) {
        return new String[] {
            birth.toString(),
            birth.format(DateTimeFormatter.BASIC_ISO_DATE),
            birth.format(DateTimeFormatter.ofPattern("yyyy/M/d")),
            birth.format(DateTimeFormatter.ofPattern("yyyy年M月d日"))
        };
    }
}
