package org.craftline.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The training-sessions import kind: every bad row named, idempotent re-import, export round trip. */
@PostgresTest
class TrainingSessionsImportIT {

    static final String HEADER = "课程代码,实训项目代码,班级,日期,学时,指导教师工号,实训室";
    static final RequestPostProcessor ZP_ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void badRowsAreNamedAndAReImportCreatesNothing() throws Exception {
        createCourse();
        String jade = classOf("750107");
        String carpet = classOf("750110");
        List<String> lines = List.of(
                HEADER,
                "T-IMP,I1," + jade + ",2017-10-10,4,T0001,",
                "T-IMP,I2," + jade + ",2017/10/11,2.5,,电脑雕刻实训室",
                "NOPE,I1," + jade + ",2017-10-12,4,,",
                "T-IMP,I9," + jade + ",2017-10-12,4,,",
                "T-IMP,I1," + carpet + ",2017-10-12,4,,",
                "T-IMP,I1," + jade + ",2017-13-01,4,,",
                "T-IMP,I1," + jade + ",2017-10-13,9,,",
                "T-IMP,I1," + jade + ",2017-10-14,4,T9999,",
                "T-IMP,I1," + jade + ",2017-10-15,4,,不存在的实训室",
                "T-IMP,I1,不存在的班级,2017-10-16,4,,");
        upload(lines, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(10))
                .andExpect(jsonPath("$.rejected").value(8))
                .andExpect(jsonPath("$.errors[*].row", containsInAnyOrder(4, 5, 6, 7, 8, 9, 10, 11)));
        upload(lines, false).andExpect(status().is(422));
        assertThat(sessionsOfCourse()).isZero();

        List<String> good = lines.subList(0, 3);
        upload(good, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        assertThat(sessionsOfCourse()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT DISTINCT term FROM training_session t JOIN practical_item i ON i.id = t.item_id"
                                + " JOIN course c ON c.id = i.course_id WHERE c.code = 'T-IMP'")
                        .query(String.class)
                        .list())
                .containsExactly("2017-2018-1");
        upload(good, false)
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
        assertThat(sessionsOfCourse()).isEqualTo(2);
        upload(List.of(HEADER, "T-IMP,I1," + jade + ",2017-10-10,3,T0002,"), false)
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(jdbc.sql("SELECT t.hours FROM training_session t JOIN practical_item i ON i.id = t.item_id"
                                + " WHERE i.code = 'I1' AND t.held_on = DATE '2017-10-10'")
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("3");
    }

    @Test
    void theExportReimportsUnchanged() throws Exception {
        byte[] export = mvc.perform(get("/api/v1/exports/training-sessions")
                        .param("format", "csv")
                        .with(ZP_ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        long rows = jdbc.sql("SELECT COUNT(*) FROM training_session t JOIN school s ON s.id = t.school_id"
                        + " WHERE s.code = :c")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        assertThat(rows).isGreaterThan(1000);
        mvc.perform(multipart("/api/v1/imports/training-sessions")
                        .file(new MockMultipartFile("file", "sessions.csv", null, export))
                        .param("dryRun", "true")
                        .with(ZP_ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(rows))
                .andExpect(jsonPath("$.unchanged").value(rows))
                .andExpect(jsonPath("$.rejected").value(0));
    }

    private void createCourse() throws Exception {
        mvc.perform(post("/api/v1/training/courses")
                        .with(ZP_ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code\":\"T-IMP\",\"name\":\"导入测试课程\",\"majorCode\":\"750107\"}"))
                .andExpect(status().isCreated());
        for (String item : List.of("I1", "I2")) {
            mvc.perform(post("/api/v1/training/courses/T-IMP/items")
                            .with(ZP_ADMIN)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"code\":\"" + item + "\",\"name\":\"导入项目\",\"hours\":4}"))
                    .andExpect(status().isCreated());
        }
    }

    private long sessionsOfCourse() {
        return jdbc.sql("SELECT COUNT(*) FROM training_session t JOIN practical_item i ON i.id = t.item_id"
                        + " JOIN course c ON c.id = i.course_id WHERE c.code = 'T-IMP'")
                .query(Long.class)
                .single();
    }

    private String classOf(String majorCode) {
        return jdbc.sql("""
                        SELECT k.name FROM school_class k JOIN school s ON s.id = k.school_id JOIN major m ON m.id = k.major_id
                        WHERE s.code = :s AND m.code = :m ORDER BY k.name FETCH FIRST 1 ROWS ONLY
                        """)
                .param("s", TestUsers.ZHENPING)
                .param("m", majorCode)
                .query(String.class)
                .single();
    }

    private ResultActions upload(List<String> lines, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/training-sessions")
                .file(ImportFiles.csv("sessions.csv", lines, StandardCharsets.UTF_8))
                .param("dryRun", String.valueOf(dryRun))
                .with(ZP_ADMIN));
    }
}
