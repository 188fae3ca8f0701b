package org.craftline.internships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.craftline.internships.domain.Rule;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The {@code internships} import kind: every row judged by the page's rules with its row number,
 * column and rule; all or nothing; an export imported again changes nothing.
 */
@PostgresTest
class PlacementsImportIT {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    PlacementSheets sheets;

    @BeforeEach
    void fixture() throws Exception {
        sheets = PlacementSheets.create(mvc, jdbc, "101");
    }

    @AfterEach
    void cleanUp() {
        sheets.removePlacements();
    }

    @Test
    void aDryRunNamesEveryBrokenRuleWithItsRowAndColumnAndWritesNothing() throws Exception {
        var s = sheets.students();
        List<String> lines = new ArrayList<>(List.of(
                sheets.header(),
                sheets.row(Map.of("studentNumber", s.get(0))),
                sheets.row(Map.of("studentNumber", s.get(1), "agreementSigned", "否")),
                sheets.row(Map.of("studentNumber", s.get(2), "hoursPerDay", "9")),
                sheets.row(Map.of("studentNumber", s.get(3), "creditCode", sheets.unitWithoutStaff())),
                sheets.row(Map.of("studentNumber", s.get(0), "startsOn", "2030-05-01")),
                sheets.row(Map.of("studentNumber", "NOBODY")),
                sheets.row(Map.of("studentNumber", s.get(1), "startsOn", "2030-13-01")),
                sheets.row(Map.of("studentNumber", s.get(2), "mentorPhone", "123")),
                sheets.row(Map.of("studentNumber", s.get(3), "insuredTo", "2030-07-31")),
                sheets.row(Map.of("studentNumber", s.get(1), "nightShifts", "是")),
                sheets.row(Map.of("studentNumber", s.get(2), "monthlyPay", "1000"))));
        var result = upload(sheets.csv(lines), true, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(11))
                .andExpect(jsonPath("$.rejected").value(11));
        expect(result, 2, "开始日期", Rule.OVERLAP.messageKey());
        expect(result, 3, "三方协议已签订(纸质)", Rule.NO_AGREEMENT.messageKey());
        expect(result, 4, "每日工时", Rule.HOURS_PER_DAY.messageKey());
        expect(result, 4, "每周天数", Rule.HOURS_PER_WEEK.messageKey());
        expect(result, 5, "实习单位信用代码", Rule.UNIT_STAFF_UNKNOWN.messageKey());
        expect(result, 6, "开始日期", Rule.OVERLAP.messageKey());
        expect(result, 7, "学号", "internship.student.unknown");
        expect(result, 8, "开始日期", "internship.import.date");
        expect(result, 9, "导师手机号", null);
        expect(result, 10, "保险截止日期", Rule.INSURANCE.messageKey());
        expect(result, 11, "安排夜班", Rule.NIGHT_SHIFTS.messageKey());
        expect(result, 12, "月实习报酬", Rule.PAY.messageKey());
        assertThat(sheets.placements()).isZero();
    }

    @Test
    void aCommitWritesEveryRowOrNoneAndTheImportIsAuditedAndKeptInItsHistory() throws Exception {
        var s = sheets.students();
        String good = sheets.row(Map.of("studentNumber", s.get(0)));
        String accepted = sheets.row(Map.of(
                "studentNumber",
                s.get(1),
                "creditCode",
                sheets.unitWithoutStaff(),
                "acceptWarnings",
                "是",
                "acceptanceReason",
                "单位职工人数待核实"));
        String refused = sheets.row(Map.of("studentNumber", s.get(2), "agreementSigned", "否"));
        upload(sheets.csv(List.of(sheets.header(), good, accepted, refused)), false, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(4));
        assertThat(sheets.placements()).isZero();

        upload(sheets.csv(List.of(sheets.header(), good, accepted)), false, TestUsers.SCHOOL_ADMIN)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2));
        assertThat(sheets.placements()).isEqualTo(2);
        var stored = jdbc.sql("SELECT i.id, i.status, i.accepted_warnings, i.acceptance_reason,"
                        + " (SELECT COUNT(*) FROM internship_status_change c WHERE c.internship_id = i.id) AS changes"
                        + " FROM internship i JOIN student st ON st.id = i.student_id WHERE st.student_number = :n"
                        + " AND i.starts_on = DATE '2030-03-01'")
                .param("n", s.get(1))
                .query()
                .singleRow();
        assertThat(stored)
                .containsEntry("status", "PLANNED")
                .containsEntry("accepted_warnings", Rule.UNIT_STAFF_UNKNOWN.name())
                .containsEntry("acceptance_reason", "单位职工人数待核实")
                .containsEntry("changes", 1L);
        // the agreement was signed on paper: the placement is at risk until its file is uploaded
        mvc.perform(get("/api/v1/internships/{id}", stored.get("id")).with(admin()))
                .andExpect(jsonPath("$.atRisk").value(true));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE action = 'IMPORT' AND entity_type = 'internships'")
                        .query(Long.class)
                        .single())
                .isPositive();
        mvc.perform(get("/api/v1/imports").with(admin()))
                .andExpect(jsonPath("$..kind", Matchers.hasItem("internships")));

        upload(sheets.csv(List.of(sheets.header(), good, accepted)), false, TestUsers.SCHOOL_ADMIN)
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
        var changed = upload(
                        sheets.csv(List.of(
                                sheets.header(), sheets.row(Map.of("studentNumber", s.get(0), "post", "地毯学徒")))),
                        true,
                        TestUsers.SCHOOL_ADMIN)
                .andExpect(jsonPath("$.rejected").value(1));
        expect(changed, 2, "学号", "internship.import.changed");
    }

    @Test
    void aMinorsRowNeedsTheGuardianAndTheConsentSignedOnPaperAndStaysAtRiskUntilItIsUploaded() throws Exception {
        record Candidate(String studentNumber, java.time.LocalDate birthDate, int entryYear) {}
        // a minor on the start date (17 years old) who is past the first year by then
        var minor = jdbc
                .sql("SELECT s.student_number, s.birth_date, s.entry_year FROM student s"
                        + " JOIN school sc ON sc.id = s.school_id WHERE sc.code = :c AND s.status = 'ENROLLED'"
                        + " AND NOT EXISTS (SELECT 1 FROM internship i WHERE i.student_id = s.id)"
                        + " ORDER BY s.birth_date DESC, s.student_number")
                .param("c", TestUsers.ZHENPING)
                .query(Candidate.class)
                .list()
                .stream()
                .filter(c -> !c.birthDate().plusYears(17).isBefore(java.time.LocalDate.of(c.entryYear() + 1, 9, 1)))
                .map(c -> Map.entry(c.studentNumber(), c.birthDate()))
                .findFirst()
                .orElseThrow();
        String starts = minor.getValue().plusYears(17).toString();
        String ends = minor.getValue().plusYears(17).plusMonths(2).toString();
        Map<String, String> cells = new java.util.HashMap<>(Map.of(
                "studentNumber", minor.getKey(),
                "startsOn", starts,
                "endsOn", ends,
                "insuredFrom", starts,
                "insuredTo", ends));
        var refused = upload(sheets.csv(List.of(sheets.header(), sheets.row(cells))), true, TestUsers.SCHOOL_ADMIN);
        expect(refused, 2, "监护人知情同意书已签(纸质)", Rule.NO_GUARDIAN_CONSENT.messageKey());
        expect(refused, 2, "监护人姓名(未满18周岁)", Rule.NO_GUARDIAN_NAME.messageKey());
        cells.put("consentSigned", "是");
        // the guardian who signs is one of the demo student's legal guardians on record
        cells.put(
                "guardianName",
                jdbc.sql(
                                "SELECT g.name FROM guardian g JOIN student s ON s.id = g.student_id"
                                        + " WHERE s.student_number = :n AND g.legal_guardian ORDER BY g.id FETCH FIRST 1 ROWS ONLY")
                        .param("n", minor.getKey())
                        .query(String.class)
                        .single());
        try {
            upload(sheets.csv(List.of(sheets.header(), sheets.row(cells))), false, TestUsers.SCHOOL_ADMIN)
                    .andExpect(jsonPath("$.created").value(1));
            long id = jdbc.sql("SELECT i.id FROM internship i JOIN student s ON s.id = i.student_id"
                            + " WHERE s.student_number = :n AND i.starts_on = :starts")
                    .param("n", minor.getKey())
                    .param("starts", java.time.LocalDate.parse(starts))
                    .query(Long.class)
                    .single();
            mvc.perform(get("/api/v1/internships/{id}", id).with(admin()))
                    .andExpect(jsonPath("$.minor").value(true))
                    .andExpect(jsonPath("$.atRisk").value(true));
        } finally {
            String mine = "SELECT i.id FROM internship i JOIN student s ON s.id = i.student_id"
                    + " WHERE s.student_number = :n AND i.starts_on = :starts";
            for (String table : List.of("internship_status_change WHERE internship_id", "internship WHERE id")) {
                jdbc.sql("DELETE FROM " + table + " IN (" + mine + ")")
                        .param("n", minor.getKey())
                        .param("starts", java.time.LocalDate.parse(starts))
                        .update();
            }
        }
    }

    @Test
    void theSharesCountTheFilesOwnRowsAndAnAcceptedShareIsKeptWithThePlacement() throws Exception {
        var s = sheets.students();
        String small = sheets.smallUnit();
        var result = upload(
                        sheets.csv(List.of(
                                sheets.header(),
                                sheets.row(Map.of("studentNumber", s.get(0), "creditCode", small)),
                                sheets.row(Map.of("studentNumber", s.get(1), "creditCode", small)),
                                sheets.row(Map.of("studentNumber", s.get(2), "postHeadcount", "5")),
                                sheets.row(Map.of("studentNumber", s.get(3), "postHeadcount", "5")))),
                        true,
                        TestUsers.SCHOOL_ADMIN)
                .andExpect(jsonPath("$.rejected").value(4));
        expect(result, 2, "实习单位信用代码", Rule.UNIT_SHARE.messageKey());
        expect(result, 3, "实习单位信用代码", Rule.UNIT_SHARE.messageKey());
        expect(result, 4, "岗位在岗职工人数", Rule.POST_SHARE.messageKey());
        expect(result, 5, "岗位在岗职工人数", Rule.POST_SHARE.messageKey());
        Map<String, String> accept = Map.of("creditCode", small, "acceptWarnings", "是", "acceptanceReason", "旺季用工");
        List<String> accepted = new ArrayList<>(List.of(sheets.header()));
        for (String student : s.subList(0, 2)) {
            var cells = new java.util.HashMap<>(accept);
            cells.put("studentNumber", student);
            accepted.add(sheets.row(cells));
        }
        upload(sheets.csv(accepted), false, TestUsers.SCHOOL_ADMIN)
                .andExpect(jsonPath("$.created").value(2));
        assertThat(jdbc.sql("SELECT DISTINCT i.accepted_warnings || '/' || i.acceptance_reason FROM internship i"
                                + " JOIN enterprise e ON e.id = i.enterprise_id WHERE e.credit_code = :c")
                        .param("c", small)
                        .query(String.class)
                        .list())
                .containsExactly(Rule.UNIT_SHARE.name() + "/旺季用工");
    }

    @Test
    void anOfficeXlsxWithDateAndNumberCellsImportsAsItsCsvDoes() throws Exception {
        var s = sheets.students();
        List<String> lines = List.of(
                sheets.header(),
                sheets.row(Map.of("studentNumber", s.get(0), "hoursPerDay", "7.5")),
                sheets.row(Map.of("studentNumber", s.get(1), "agreementSigned", "否")));
        var refused = upload(sheets.xlsx(lines), true, TestUsers.SCHOOL_ADMIN)
                .andExpect(jsonPath("$.format").value("xlsx"))
                .andExpect(jsonPath("$.rejected").value(1));
        expect(refused, 4, "三方协议已签订(纸质)", Rule.NO_AGREEMENT.messageKey());
        upload(sheets.xlsx(lines.subList(0, 2)), false, TestUsers.SCHOOL_ADMIN)
                .andExpect(jsonPath("$.created").value(1));
        upload(sheets.csv(lines.subList(0, 2)), true, TestUsers.SCHOOL_ADMIN)
                .andExpect(jsonPath("$.unchanged").value(1));
    }

    @Test
    void anExportImportsAgainUnchangedAsCsvAndAsXlsx() throws Exception {
        var s = sheets.students();
        upload(
                        sheets.csv(List.of(
                                sheets.header(),
                                sheets.row(Map.of("studentNumber", s.get(0))),
                                sheets.row(Map.of(
                                        "studentNumber", s.get(1), "kind", "认识实习", "agreementEndsOn", "2030-12-31")))),
                        false,
                        TestUsers.SCHOOL_ADMIN)
                .andExpect(jsonPath("$.created").value(2));
        long reached = jdbc.sql(
                        "SELECT COUNT(*) FROM internship i JOIN school sc ON sc.id = i.school_id"
                                + " JOIN enterprise e ON e.id = i.enterprise_id WHERE sc.code = :c AND e.credit_code IS NOT NULL")
                .param("c", TestUsers.ZHENPING)
                .query(Long.class)
                .single();
        for (String format : List.of("csv", "xlsx")) {
            for (String lang : List.of("zh", "en")) {
                byte[] export = mvc.perform(get("/api/v1/exports/internships")
                                .param("format", format)
                                .param("lang", lang)
                                .with(admin()))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray();
                upload(new MockMultipartFile("file", "i." + format, null, export), true, TestUsers.SCHOOL_ADMIN)
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.format").value(format))
                        .andExpect(jsonPath("$.rows").value(reached))
                        .andExpect(jsonPath("$.rejected").value(0))
                        .andExpect(jsonPath("$.created").value(0))
                        .andExpect(jsonPath("$.unchanged").value(reached));
            }
        }
        // each import staged into its own temporary table, dropped with its transaction
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pg_class WHERE relname = 'internship_stage'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM internship_import")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyTheSchoolsAdministratorsImportPlacementsAndTheKindIsListedWithItsTemplates() throws Exception {
        upload(sheets.csv(List.of(sheets.header(), sheets.row(Map.of()))), true, TestUsers.STAFF)
                .andExpect(status().isForbidden());
        var session = org.craftline.support.Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        mvc.perform(get("/imports").session(session))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString(
                                messages.getMessage("imports.kind.internships", null, Locale.SIMPLIFIED_CHINESE))));
        mvc.perform(get("/api/v1/imports/internships/template")
                        .param("format", "csv")
                        .param("lang", "en")
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.startsWith("\uFEFFStudent number,Enterprise credit code,Kind,")));
    }

    private void expect(ResultActions result, int row, String column, String messageKey) throws Exception {
        String path = "$.errors[?(@.row == " + row + " && @.column == '" + column + "')].message";
        if (messageKey == null) {
            result.andExpect(jsonPath(path, Matchers.not(Matchers.empty())));
        } else {
            String message = messages.getMessage(messageKey, null, Locale.SIMPLIFIED_CHINESE);
            result.andExpect(jsonPath(path, Matchers.hasItem(message)));
        }
    }

    private ResultActions upload(MockMultipartFile file, boolean dryRun, String user) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/internships")
                .file(file)
                .param("dryRun", String.valueOf(dryRun))
                .header("Accept-Language", "zh-CN")
                .with(httpBasic(user, TestUsers.PASSWORD)));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    }
}
