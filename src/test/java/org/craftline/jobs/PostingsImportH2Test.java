package org.craftline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.craftline.support.H2Test;
import org.craftline.support.ImportFiles;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The postings import's merge (MERGE, majors as ",id,") and export on the embedded database. */
@H2Test
class PostingsImportH2Test {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() {
        String mine =
                "(SELECT id FROM posting WHERE enterprise_id IN (SELECT id FROM enterprise WHERE name = '导入岗位H2'))";
        jdbc.sql("DELETE FROM posting_major WHERE posting_id IN " + mine).update();
        jdbc.sql("DELETE FROM posting WHERE id IN " + mine).update();
        jdbc.sql("DELETE FROM enterprise WHERE name = '导入岗位H2'").update();
    }

    @Test
    void importsUpdatesAndRoundTripsOnH2() throws Exception {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO enterprise (name, industry, region_id, size_band)"
                        + " SELECT '导入岗位H2', 'CARPET', region_id, 'SMALL' FROM school WHERE code = :s")
                .param("s", TestUsers.ZHENPING)
                .update(keys, "id");
        long unit = keys.getKeyAs(Long.class);
        String deadline = LocalDate.now().plusMonths(1).toString();
        String row = "," + unit + ",实习岗位,地毯编织实习,\"750110,750106\",,%d,1800,2600,城关镇,," + deadline + ",";
        upload(List.of(PostingsImportIT.HEADER, row.formatted(4), row.formatted(0)), true)
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3));
        upload(List.of(PostingsImportIT.HEADER, row.formatted(4)), false)
                .andExpect(jsonPath("$.created").value(1));
        upload(List.of(PostingsImportIT.HEADER, row.formatted(4)), false)
                .andExpect(jsonPath("$.unchanged").value(1));
        upload(
                        List.of(
                                PostingsImportIT.HEADER,
                                row.replace("\"750110,750106\"", "750110").formatted(6)),
                        false)
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM posting_major pm JOIN posting p ON p.id = pm.posting_id"
                                + " WHERE p.enterprise_id = :u")
                        .param("u", unit)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        byte[] export = mvc.perform(
                        get("/api/v1/exports/postings").param("format", "xlsx").with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        mvc.perform(multipart("/api/v1/imports/postings")
                        .file(new MockMultipartFile("file", "p.xlsx", null, export))
                        .param("dryRun", "true")
                        .with(admin()))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.unchanged").value(org.hamcrest.Matchers.greaterThan(0)));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    }

    private ResultActions upload(List<String> lines, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/postings")
                .file(ImportFiles.csv("p.csv", lines, StandardCharsets.UTF_8))
                .param("dryRun", String.valueOf(dryRun))
                .with(admin()));
    }
}
