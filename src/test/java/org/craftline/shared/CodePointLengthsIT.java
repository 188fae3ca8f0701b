package org.craftline.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Length limits count characters as people do (code points): a name of 50 rare characters (CJK
 * Extension B, two UTF-16 chars each) is accepted where 50 is the limit, 51 refused, in the form's
 * Bean Validation, the record's rules and an import's row check alike.
 */
@PostgresTest
class CodePointLengthsIT {

    static final String RARE = "\uD840\uDC00"; // 𠀀
    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStudentsNameOfRareCharactersAtTheLimitIsAcceptedAndOneOverRefused() throws Exception {
        createStudent("CP-51", RARE.repeat(51), ImportFiles.id("CP", 1))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        createStudent("CP-50", RARE.repeat(50), ImportFiles.id("CP", 2)).andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT name FROM student WHERE student_number = 'CP-50'")
                        .query(String.class)
                        .single())
                .isEqualTo(RARE.repeat(50));
    }

    @Test
    void theStudentsImportCountsCodePointsToo() throws Exception {
        String row = ImportFiles.studentRow("CPI", 1);
        String at = row.replace("学生1", RARE.repeat(50));
        String over = ImportFiles.studentRow("CPI", 2).replace("学生2", RARE.repeat(51));
        mvc.perform(multipart("/api/v1/imports/{kind}", "students")
                        .file(ImportFiles.csv("cp.csv", List.of(ImportFiles.HEADER, at, over), StandardCharsets.UTF_8))
                        .param("dryRun", "true")
                        .with(ADMIN))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("姓名"));
    }

    @Test
    void aTraineesNameAndVillageCountCodePoints() throws Exception {
        String cohort = jdbc.sql("SELECT c.code FROM cohort c JOIN school sc ON sc.id = c.school_id WHERE sc.code = :s"
                        + " ORDER BY c.id FETCH FIRST 1 ROWS ONLY")
                .param("s", TestUsers.ZHENPING)
                .query(String.class)
                .single();
        enrol(cohort, RARE.repeat(51), RARE.repeat(50), "411324198001010011")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        enrol(cohort, RARE.repeat(50), RARE.repeat(50), id("19800101")).andExpect(status().isCreated());
    }

    private ResultActions createStudent(String number, String name, String id) throws Exception {
        return mvc.perform(post("/api/v1/students")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"studentNumber\":\"" + number + "\",\"name\":\"" + name + "\",\"idNumber\":\"" + id
                        + "\",\"household\":\"RURAL\",\"majorCode\":\"750107\",\"entryYear\":\"2026\"}"));
    }

    private ResultActions enrol(String cohort, String name, String township, String id) throws Exception {
        return mvc.perform(post("/api/v1/social/cohorts/{code}/enrolments", cohort)
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                        "{\"name\":\"" + name + "\",\"idNumber\":\"" + id + "\",\"household\":\"RURAL\",\"township\":\""
                                + township + "\",\"attendanceHours\":1,\"completed\":false}"));
    }

    private static String id(String birth) {
        String body = "411324" + birth + "977";
        return body + ResidentIds.checkCharacter(body);
    }
}
