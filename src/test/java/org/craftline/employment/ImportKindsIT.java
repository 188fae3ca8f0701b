package org.craftline.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.craftline.shared.CreditCodes;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The enterprises and destinations kinds of the import framework. */
@PostgresTest
class ImportKindsIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theRegistryImportsByCreditCodeAndRoundTrips() throws Exception {
        String a = code("92411324MA7TXP001");
        String b = code("92411324MA7TXP002");
        String header = "统一社会信用代码,企业名称,行业,所在区县代码,乡镇,规模,联系人";
        List<String> lines = List.of(
                header,
                a + ",石佛寺导入玉雕坊,玉雕,411324,石佛寺镇,微型,",
                b + ",导入地毯厂,Carpet,411324,,小型,",
                "92411324MA7TXP0030,坏代码厂,玉雕,411324,,微型,");
        upload("enterprises", csv(lines), true)
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(4));
        upload("enterprises", csv(lines.subList(0, 3)), false)
                .andExpect(jsonPath("$.created").value(2));
        upload("enterprises", csv(lines.subList(0, 3)), false)
                .andExpect(jsonPath("$.unchanged").value(2));
        upload("enterprises", csv(List.of(header, a + ",石佛寺导入玉雕坊（更名）,玉雕,411324,石佛寺镇,微型,")), false)
                .andExpect(jsonPath("$.updated").value(1));
        byte[] export = mvc.perform(get("/api/v1/exports/enterprises")
                        .param("format", "csv")
                        .with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        long registered = jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code IS NOT NULL")
                .query(Long.class)
                .single();
        upload("enterprises", new MockMultipartFile("file", "e.csv", null, export), true)
                .andExpect(jsonPath("$.rows").value(registered))
                .andExpect(jsonPath("$.unchanged").value(registered));
    }

    @Test
    void destinationsImportWithTheRulesOfThePageAndRoundTrip() throws Exception {
        String jade = jdbc.sql(
                        "SELECT e.credit_code FROM enterprise e JOIN region r ON r.id = e.region_id WHERE r.code = '411324'"
                                + " AND e.industry = 'JADE_CARVING' AND e.credit_code IS NOT NULL ORDER BY e.id FETCH FIRST 1 ROWS ONLY")
                .query(String.class)
                .single();
        String header = "学号,跟踪节点,记录日期,去向,用人单位信用代码,名录企业编号（无信用代码时）,用人单位（名录外）,岗位,在本县（名录外单位）," + "专业对口（人工判定）,判定理由";
        List<String> lines = List.of(
                header,
                "G202400003,毕业三年,2027/7/1,就业," + jade + ",,,玉雕师,,,",
                "G202400004,Later,2030-07-01,待业,,,,,,,",
                "NOBODY,毕业时,2026-07-01,就业,,,某厂,,,,",
                "G202400005,毕业三年,2027-07-01,就业,,,,,,是,");
        upload("destinations", csv(lines), true)
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath("$.errors[1].row").value(5));
        upload("destinations", csv(lines.subList(0, 3)), false)
                .andExpect(jsonPath("$.created").value(2));
        var stored = jdbc.sql(
                        "SELECT d.local_job, d.matched, d.latest FROM destination d JOIN student s ON s.id = d.student_id"
                                + " JOIN school sc ON sc.id = s.school_id WHERE sc.code = :c AND s.student_number = 'G202400003'"
                                + " AND d.follow_up = 'YEAR_3'")
                .param("c", TestUsers.ZHENPING)
                .query()
                .singleRow();
        assertThat(stored).containsEntry("local_job", true).containsEntry("latest", true);
        upload("destinations", csv(lines.subList(0, 3)), false)
                .andExpect(jsonPath("$.unchanged").value(2));
        int before = importedVersion();
        upload("destinations", csv(List.of(header, "G202400003,毕业三年,2027/7/1,就业," + jade + ",,,玉雕技师,,,")), false)
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(importedVersion())
                .as("an import changing a destination raises its version")
                .isEqualTo(before + 1);

        byte[] export = mvc.perform(get("/api/v1/exports/destinations")
                        .param("format", "csv")
                        .with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        long rows = jdbc.sql(
                        "SELECT COUNT(*) FROM destination d JOIN school sc ON sc.id = d.school_id WHERE sc.code = :c"
                                + " AND d.confirmed = TRUE")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        upload("destinations", new MockMultipartFile("file", "d.csv", null, export), true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(rows))
                .andExpect(jsonPath("$.unchanged").value(rows));
    }

    @Test
    void cooperationAgreementsImportForTheOwnSchoolAndRoundTrip() throws Exception {
        String jade = jdbc.sql(
                        "SELECT credit_code FROM enterprise WHERE credit_code IS NOT NULL ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .query(String.class)
                .single();
        String header = "企业统一社会信用代码,合作类型,开始日期,结束日期,备注";
        List<String> lines = List.of(
                header,
                jade + ",订单班,2024-09-01,2027-06-30,玉雕订单班",
                jade + ",Internship base,2025/3/1,,",
                jade + ",合资,2025-03-01,,",
                jade + ",实习基地,2025-03-01,2024-01-01,");
        upload("cooperations", csv(lines), true)
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath("$.errors[1].row").value(5));
        upload("cooperations", csv(lines.subList(0, 3)), false)
                .andExpect(jsonPath("$.created").value(2));
        upload("cooperations", csv(lines.subList(0, 3)), false)
                .andExpect(jsonPath("$.unchanged").value(2));
        byte[] export = mvc.perform(get("/api/v1/exports/cooperations")
                        .param("format", "xlsx")
                        .with(admin()))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        upload("cooperations", new MockMultipartFile("file", "c.xlsx", null, export), true)
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.rejected").value(0));
    }

    private static String code(String body) {
        return body + CreditCodes.checkCharacter(body);
    }

    private static MockMultipartFile csv(List<String> lines) {
        return ImportFiles.csv("kinds.csv", lines, StandardCharsets.UTF_8);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    }

    private ResultActions upload(String kind, MockMultipartFile file, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/{kind}", kind)
                .file(file)
                .param("dryRun", String.valueOf(dryRun))
                .with(admin()));
    }

    private int importedVersion() {
        return jdbc.sql("SELECT d.version FROM destination d JOIN student s ON s.id = d.student_id"
                        + " JOIN school sc ON sc.id = s.school_id WHERE sc.code = :c AND s.student_number = 'G202400003'"
                        + " AND d.follow_up = 'YEAR_3'")
                .param("c", TestUsers.ZHENPING)
                .query(Integer.class)
                .single();
    }
}
