package org.craftline.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The import never loses a row: all or nothing, every bad row named, idempotent, round-trips. */
@PostgresTest
class StudentImportIT {

    static final RequestPostProcessor ADMIN = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSpreadsheetAsOfficeSuitesWriteItImportsAndTheSameFileAgainChangesNothing() throws Exception {
        MockMultipartFile file = ImportFiles.officeXlsx("7001", 25);
        upload(file, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(25))
                .andExpect(jsonPath("$.created").value(25))
                .andExpect(jsonPath("$.rejected").value(0));
        var stored = jdbc.sql("SELECT id_number, birth_date, phone FROM student WHERE student_number = '70017'")
                .query()
                .singleRow();
        assertThat(stored.get("id_number")).isEqualTo(ImportFiles.id("7001", 7));
        assertThat(stored.get("phone")).isEqualTo("13800138007");
        upload(file, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(25));
        assertThat(count("SELECT COUNT(*) FROM student WHERE student_number LIKE '7001%'"))
                .isEqualTo(25);
    }

    @Test
    void oneBadRowAmongThousandsWritesNothingAndIsNamed() throws Exception {
        List<String> lines = new ArrayList<>(ImportFiles.students("BAD", 3000));
        lines.set(1500, lines.get(1500).replace(ImportFiles.id("BAD", 1500), "411324200901010000"));
        long before = count("SELECT COUNT(*) FROM student");
        upload(ImportFiles.csv("bad.csv", lines, StandardCharsets.UTF_8), false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rows").value(3000))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(1501))
                .andExpect(jsonPath("$.errors[0].column").value("身份证号"))
                .andExpect(jsonPath("$.errors[0].value").value("4113**********0000"));
        assertThat(count("SELECT COUNT(*) FROM student")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM student_import")).isZero();
        assertThat(stagingTablesLeft()).isZero();
    }

    /**
     * Each import stages into a temporary table of its own transaction: two at once both finish
     * with their own counts, and neither leaves its table behind.
     */
    @Test
    void twoImportsAtOnceEachStageTheirOwnRows() throws Exception {
        var files = List.of(ImportFiles.officeXlsx("7101", 300), ImportFiles.officeXlsx("7102", 200));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var uploads = files.stream()
                    .map(f -> pool.submit(
                            () -> upload(f, false).andReturn().getResponse().getContentAsString()))
                    .toList();
            assertThat(uploads.get(0).get(2, java.util.concurrent.TimeUnit.MINUTES))
                    .contains("\"created\":300");
            assertThat(uploads.get(1).get(2, java.util.concurrent.TimeUnit.MINUTES))
                    .contains("\"created\":200");
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM student WHERE student_number LIKE '7101%'"))
                .isEqualTo(300);
        assertThat(count("SELECT COUNT(*) FROM student WHERE student_number LIKE '7102%'"))
                .isEqualTo(200);
        assertThat(stagingTablesLeft()).isZero();
    }

    /**
     * A file of more than one staging batch (10,000 rows): an ID number repeated across the batches
     * is named on both rows as repeated within the file and nothing is written; without the repeat
     * all rows are created, each with its status history, and the same file again is all unchanged.
     */
    @Test
    void aFileOfSeveralBatchesKeepsEveryCheck() throws Exception {
        int rows = 10_005;
        List<String> lines = new ArrayList<>(ImportFiles.students("AHD", rows));
        for (int n = 9001; n <= rows; n++) {
            // ImportFiles gives a prefix 9,999 distinct numbers: the last rows take another prefix's
            lines.set(n, lines.get(n).replace(ImportFiles.id("AHD", n), ImportFiles.id("AHD2", n - 9000)));
        }
        List<String> repeated = new ArrayList<>(lines);
        repeated.set(10_003, repeated.get(10_003).replace(ImportFiles.id("AHD2", 1_003), ImportFiles.id("AHD", 2)));
        long before = count("SELECT COUNT(*) FROM student");
        upload(ImportFiles.csv("ahead-bad.csv", repeated, StandardCharsets.UTF_8), false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.created").value(rows - 2))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[*].row", org.hamcrest.Matchers.containsInAnyOrder(3, 10_004)))
                .andExpect(jsonPath(
                        "$.errors[*].message",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.containsString("本文件中学号"))));
        assertThat(count("SELECT COUNT(*) FROM student")).isEqualTo(before);

        var file = ImportFiles.csv("ahead.csv", lines, StandardCharsets.UTF_8);
        upload(file, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(rows))
                .andExpect(jsonPath("$.unchanged").value(0));
        assertThat(count("SELECT COUNT(*) FROM student WHERE student_number LIKE 'AHD%'"))
                .isEqualTo(rows);
        assertThat(count("SELECT COUNT(*) FROM student_status_change c JOIN student s ON s.id = c.student_id"
                        + " WHERE s.student_number LIKE 'AHD%'"))
                .isEqualTo(rows);
        upload(file, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(rows));
        assertThat(stagingTablesLeft()).isZero();
    }

    /** pg_class lists every session's temporary tables: a staging table left behind would show here. */
    private long stagingTablesLeft() {
        return count("SELECT COUNT(*) FROM pg_class WHERE relname = 'student_stage'");
    }

    @Test
    void aDryRunCountsButWritesNothingAndACommitWritesAll() throws Exception {
        var file = ImportFiles.csv("gbk.csv", ImportFiles.students("GBK", 40), java.nio.charset.Charset.forName("GBK"));
        upload(file, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(40));
        assertThat(count("SELECT COUNT(*) FROM student WHERE student_number LIKE 'GBK%'"))
                .isZero();
        upload(file, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(40));
        assertThat(count("SELECT COUNT(*) FROM student WHERE student_number LIKE 'GBK%'"))
                .isEqualTo(40);
        assertThat(count("SELECT COUNT(*) FROM student_status_change c JOIN student s ON s.id = c.student_id"
                        + " WHERE s.student_number LIKE 'GBK%'"))
                .isEqualTo(40);
        mvc.perform(get("/api/v1/imports").param("kind", "students").with(ADMIN))
                .andExpect(jsonPath("$.items[0].fileName").value("gbk.csv"))
                .andExpect(jsonPath("$.items[0].outcome").value("COMMITTED"))
                .andExpect(jsonPath("$.items[1].outcome").value("PREVIEWED"));
    }

    @Test
    void duplicateKeysInOneFileAreErrorsOnBothRows() throws Exception {
        List<String> lines = new ArrayList<>(ImportFiles.students("DUP", 5));
        lines.add(ImportFiles.studentRow("DUP", 2));
        upload(ImportFiles.csv("dup.csv", lines, StandardCharsets.UTF_8), true)
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(7))
                .andExpect(jsonPath("$.errors[1].row").value(3));
    }

    @Test
    void exportThenImportIsAllUnchanged() throws Exception {
        for (String format : List.of("xlsx", "csv")) {
            byte[] exported = mvc.perform(get("/api/v1/exports/students")
                            .param("format", format)
                            .with(ADMIN))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            long students =
                    count("SELECT COUNT(*) FROM student s JOIN school sc ON sc.id = s.school_id WHERE sc.code = '"
                            + TestUsers.ZHENPING + "'");
            upload(new MockMultipartFile("file", "export." + format, null, exported), true)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.rows").value(students))
                    .andExpect(jsonPath("$.unchanged").value(students))
                    .andExpect(jsonPath("$.created").value(0))
                    .andExpect(jsonPath("$.updated").value(0));
        }
    }

    @Test
    void aChangedRowUpdatesTheRecordAndIsAudited() throws Exception {
        upload(ImportFiles.csv("one.csv", ImportFiles.students("CHG", 3), StandardCharsets.UTF_8), false)
                .andExpect(jsonPath("$.created").value(3));
        List<String> changed = new ArrayList<>(ImportFiles.students("CHG", 3));
        changed.set(2, changed.get(2).replace("学生2", "学生二"));
        upload(ImportFiles.csv("two.csv", changed, StandardCharsets.UTF_8), false)
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.unchanged").value(2));
        var event = jdbc.sql("""
                        SELECT a.* FROM audit_event a JOIN student s ON a.entity_key = CAST(s.id AS VARCHAR(20))
                        WHERE a.entity_type = 'student' AND s.student_number = 'CHG2'
                        """).query().singleRow();
        assertThat((String) event.get("before_json")).contains("学生2").contains("**********");
        assertThat((String) event.get("after_json")).contains("学生二").doesNotContain(ImportFiles.id("CHG", 2));
        assertThat(event.get("username")).isEqualTo(TestUsers.SCHOOL_ADMIN);
    }

    @Test
    void unknownMajorsAndClassesAreNamed() throws Exception {
        List<String> lines = new ArrayList<>(ImportFiles.students("UNK", 2));
        lines.set(1, lines.get(1).replace(",750107,,", ",999999,,"));
        lines.set(2, lines.get(2).replace(",750107,,", ",750107,没有这个班,"));
        upload(ImportFiles.csv("unk.csv", lines, StandardCharsets.UTF_8), true)
                .andExpect(jsonPath("$.errors[0].column").value("专业代码"))
                .andExpect(jsonPath("$.errors[1].column").value("班级"));
    }

    @Test
    void filesThatCannotBeImportedGetAClearMessageAndWriteNothing() throws Exception {
        expectFileError(new MockMultipartFile("file", "empty.csv", null, new byte[0]), "文件是空的");
        expectFileError(
                new MockMultipartFile("file", "photo.xlsx", null, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2}),
                "不是电子表格");
        expectFileError(
                ImportFiles.csv(
                        "firms.csv", List.of("企业名称,统一社会信用代码", "玉雕厂,91411324MA00000000"), StandardCharsets.UTF_8),
                "没有找到表头");
        expectFileError(
                ImportFiles.csv(
                        "noid.csv", List.of("学号,姓名,户口类型,专业代码,入学年份", "1,张三,农村,750107,2026"), StandardCharsets.UTF_8),
                "缺少必填列：身份证号");
        expectFileError(
                ImportFiles.csv("header.csv", List.of(ImportFiles.HEADER, ",,,", ""), StandardCharsets.UTF_8), "没有数据行");
        byte[] big = new byte[17 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        expectFileError(new MockMultipartFile("file", "big.csv", null, big), "16 MB");
    }

    @Test
    void onlyAdministratorsImport() throws Exception {
        var file = ImportFiles.csv("s.csv", ImportFiles.students("STF", 1), StandardCharsets.UTF_8);
        mvc.perform(multipart("/api/v1/imports/students")
                        .file(file)
                        .with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/imports/students")
                        .file(file)
                        .with(httpBasic(TestUsers.BUREAU, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart("/api/v1/imports/nothing").file(file).with(ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void templatesCarryTheHeadersInEitherLanguage() throws Exception {
        String zh = mvc.perform(get("/api/v1/imports/students/template")
                        .param("format", "csv")
                        .with(ADMIN))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).startsWith("\uFEFF" + ImportFiles.HEADER);
        String en = mvc.perform(get("/api/v1/imports/students/template")
                        .param("format", "csv")
                        .param("lang", "en")
                        .with(ADMIN))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("Student number,Name,Resident ID number");
        byte[] xlsx = mvc.perform(get("/api/v1/imports/students/template").with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
    }

    @Test
    void theTemplateHoldsNoRowToImportAndItsExamplesPass() throws Exception {
        byte[] xlsx = mvc.perform(get("/api/v1/imports/students/template").with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        List<String> header;
        List<String> examples = new java.util.ArrayList<>();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheets = workbook.getSheets().toList();
            assertThat(sheets).hasSize(2);
            var rows = sheets.get(0).read();
            assertThat(rows)
                    .as("the header only: nothing a user could import by mistake")
                    .hasSize(1);
            header = rows.get(0).stream().map(c -> c.getText()).toList();
            var notes = sheets.get(1).read();
            assertThat(notes.get(0).getCellText(0)).isEqualTo("列");
            for (var row : notes.subList(1, notes.size())) {
                examples.add(row.getCellText(2));
            }
        }
        assertThat(examples).hasSameSizeAs(header);
        MockMultipartFile file = new MockMultipartFile(
                "file",
                "example.csv",
                "text/csv",
                (String.join(",", header) + "\n" + String.join(",", examples) + "\n").getBytes(StandardCharsets.UTF_8));
        upload(file, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.errors").isEmpty());
    }

    private void expectFileError(MockMultipartFile file, String message) throws Exception {
        long before = count("SELECT COUNT(*) FROM student");
        upload(file, false)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rows").value(0))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString(message)));
        assertThat(count("SELECT COUNT(*) FROM student")).isEqualTo(before);
    }

    private ResultActions upload(MockMultipartFile file, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/students")
                .file(file)
                .param("dryRun", String.valueOf(dryRun))
                .header("Accept-Language", "zh-CN")
                .with(ADMIN));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
