package org.craftline.internships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.craftline.support.H2Test;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The internships import on the embedded H2 database ({@code ./mvnw spring-boot:run}): the rules per
 * row, the cross-row checks, the commit's inserts and the export's round trip; and the registry's
 * staff count, which the 10% rule of those rows is judged on, through the enterprises import's MERGE.
 */
@H2Test
class PlacementsImportH2Test {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void placementsImportAndRoundTripOnH2() throws Exception {
        var sheets = PlacementSheets.create(mvc, jdbc, "201");
        var s = sheets.students();
        String good = sheets.row(Map.of("studentNumber", s.get(0)));
        String cognitive = sheets.row(Map.of("studentNumber", s.get(1), "kind", "Cognitive", "hoursPerDay", "7.5"));
        try {
            upload(
                            sheets.csv(List.of(
                                    sheets.header(),
                                    good,
                                    cognitive,
                                    sheets.row(Map.of("studentNumber", s.get(0), "startsOn", "2030-04-01")),
                                    sheets.row(Map.of("studentNumber", s.get(2), "agreementSigned", "否")))),
                            false)
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.rejected").value(3));
            assertThat(sheets.placements()).isZero();
            upload(sheets.csv(List.of(sheets.header(), good, cognitive)), false)
                    .andExpect(jsonPath("$.created").value(2));
            upload(sheets.csv(List.of(sheets.header(), good, cognitive)), false)
                    .andExpect(jsonPath("$.unchanged").value(2));
            byte[] export = mvc.perform(get("/api/v1/exports/internships")
                            .param("format", "xlsx")
                            .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)))
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            long reached = jdbc.sql("SELECT COUNT(*) FROM internship i JOIN school sc ON sc.id = i.school_id"
                            + " JOIN enterprise e ON e.id = i.enterprise_id WHERE sc.code = :c"
                            + " AND e.credit_code IS NOT NULL")
                    .param("c", TestUsers.ZHENPING)
                    .query(Long.class)
                    .single();
            assertThat(reached).isGreaterThanOrEqualTo(2);
            upload(new MockMultipartFile("file", "i.xlsx", null, export), true)
                    .andExpect(jsonPath("$.rejected").value(0))
                    .andExpect(jsonPath("$.created").value(0))
                    .andExpect(jsonPath("$.unchanged").value(reached));
        } finally {
            sheets.removePlacements();
        }
    }

    @Test
    void theRegistryImportRecordsTheStaffCountAndRaisesTheVersionOnH2() throws Exception {
        String body = "92411324MA7TXD201";
        String code = body + org.craftline.shared.CreditCodes.checkCharacter(body);
        String header = "统一社会信用代码,企业名称,行业,所在区县代码,乡镇,规模,联系人,在岗职工人数";
        String row = code + ",H2职工数玉雕坊,玉雕,411324,,微型,,";
        upload("enterprises", sheet(List.of(header, row + "12")), false)
                .andExpect(jsonPath("$.created").value(1));
        upload("enterprises", sheet(List.of(header, row)), false)
                .andExpect(jsonPath("$.unchanged").value(1));
        upload("enterprises", sheet(List.of(header, row + "30")), false)
                .andExpect(jsonPath("$.updated").value(1));
        var stored = jdbc.sql("SELECT staff_count, version FROM enterprise WHERE credit_code = :c")
                .param("c", code)
                .query()
                .singleRow();
        assertThat(stored).containsEntry("staff_count", 30).containsEntry("version", 1);
    }

    private static MockMultipartFile sheet(List<String> lines) {
        return org.craftline.support.ImportFiles.csv("e.csv", lines, java.nio.charset.StandardCharsets.UTF_8);
    }

    private ResultActions upload(MockMultipartFile file, boolean dryRun) throws Exception {
        return upload("internships", file, dryRun);
    }

    private ResultActions upload(String kind, MockMultipartFile file, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/" + kind)
                .file(file)
                .param("dryRun", String.valueOf(dryRun))
                .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)));
    }
}
