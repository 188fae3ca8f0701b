package org.craftline.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.craftline.shared.CreditCodes;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.Sessions;
import org.craftline.support.TestUsers;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A key twice in one file: every row is counted once (rows = created + updated + unchanged +
 * rejected), both rows of the key are refused, and the dry run, the refused commit, the page's
 * report and the import history show the same figures.
 */
@PostgresTest
class DuplicateKeyCountsIT {

    static final String ENTERPRISE_HEADER = "统一社会信用代码,企业名称,行业,所在区县代码,乡镇,规模,联系人";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MessageSource messages;

    record Counts(long rows, long created, long updated, long unchanged, long rejected) {}

    @Test
    void aStudentNumberTwiceInACsvRefusesBothRowsAndNeitherIsCountedAsNew() throws Exception {
        List<String> lines = new ArrayList<>(ImportFiles.students("DKS", 5));
        lines.add(ImportFiles.studentRow("DKS", 2)); // row 7 repeats row 3
        var file = ImportFiles.csv("dks.csv", lines, StandardCharsets.UTF_8);
        for (String body : dryRunThenCommit("students", file, new Counts(6, 4, 0, 0, 2))) {
            assertThat(JsonPath.<List<Integer>>read(body, "$.errors[*].row")).containsExactlyInAnyOrder(7, 3);
        }
        assertThat(count("SELECT COUNT(*) FROM student WHERE student_number LIKE 'DKS%'"))
                .isZero();
    }

    @Test
    void repeatedKeysOfExistingRecordsAreNeitherUnchangedNorUpdated() throws Exception {
        upload(
                "students",
                ImportFiles.csv("dku.csv", ImportFiles.students("DKU", 3), StandardCharsets.UTF_8),
                false,
                200);
        List<String> lines = new ArrayList<>(ImportFiles.students("DKU", 4));
        lines.set(2, lines.get(2).replace("学生2", "学生二")); // student 2 changed
        lines.add(ImportFiles.studentRow("DKU", 4)); // new student 4 twice
        lines.add(ImportFiles.studentRow("DKU", 3)); // unchanged student 3 twice
        dryRunThenCommit("students", csv("dku2.csv", lines), new Counts(6, 0, 1, 1, 4));
    }

    @Test
    void twoRowsSharingAnIdNumberAreRefusedAndNotCountedAsNew() throws Exception {
        List<String> lines = new ArrayList<>(ImportFiles.students("DKI", 4));
        lines.set(4, lines.get(4).replace(ImportFiles.id("DKI", 4), ImportFiles.id("DKI", 1)));
        dryRunThenCommit("students", csv("dki.csv", lines), new Counts(4, 2, 0, 0, 2));
    }

    @Test
    void aCreditCodeThreeTimesInAnXlsxRefusesAllThree() throws Exception {
        List<String> codes = List.of(code("92411324MA7DKX001"), code("92411324MA7DKX002"), code("92411324MA7DKX003"));
        List<String> rows = List.of(codes.get(0), codes.get(1), codes.get(0), codes.get(2), codes.get(0));
        for (String body : dryRunThenCommit("enterprises", enterprisesXlsx(rows), new Counts(5, 2, 0, 0, 3))) {
            assertThat(JsonPath.<List<Integer>>read(body, "$.errors[*].row")).contains(2, 4, 6);
        }
        assertThat(count("SELECT COUNT(*) FROM enterprise WHERE credit_code LIKE '92411324MA7DKX%'"))
                .isZero();
    }

    /** The first row of the key went to the staging table in an earlier batch than its repeat. */
    @Test
    void aRepeatAfterTheFirstStagingBatchIsCountedOnce() throws Exception {
        int count = StagingWriter.BATCH + 2;
        List<String> lines = new ArrayList<>(count + 2);
        lines.add(ENTERPRISE_HEADER);
        for (int n = 1; n <= count; n++) {
            lines.add(enterprise(code("92411324MA7DK" + String.format("%04X", n))));
        }
        lines.add(lines.get(1));
        Counts expected = new Counts(count + 1, count - 1, 0, 0, 2);
        assertThat(counts(upload("enterprises", csv("dkb.csv", lines), true, 200)))
                .isEqualTo(expected);
        assertThat(latestRun("enterprises")).isEqualTo(expected);
    }

    @Test
    void thePagePreviewShowsTheSameFigures() throws Exception {
        List<String> lines = new ArrayList<>(ImportFiles.students("DKP", 3));
        lines.add(ImportFiles.studentRow("DKP", 1));
        var session = Sessions.login(mvc, TestUsers.SCHOOL_ADMIN);
        String page = mvc.perform(multipart("/imports/students/preview")
                        .file(csv("dkp.csv", lines))
                        .with(csrf())
                        .session(session)
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Counts expected = new Counts(4, 2, 0, 0, 2);
        String shown = messages.getMessage(
                "imports.counts",
                new Object[] {
                    expected.rows(), expected.created(), expected.updated(), expected.unchanged(), expected.rejected()
                },
                Locale.SIMPLIFIED_CHINESE);
        assertThat(page).contains(shown);
        assertThat(latestRun("students")).isEqualTo(expected);
    }

    /** A dry run (200) and a commit (422, nothing written) of a file with refused rows: same figures, also in the history. */
    private List<String> dryRunThenCommit(String kind, MockMultipartFile file, Counts expected) throws Exception {
        List<String> bodies = new ArrayList<>();
        for (boolean dryRun : List.of(true, false)) {
            String body = upload(kind, file, dryRun, dryRun ? 200 : 422);
            assertThat(counts(body)).isEqualTo(expected);
            assertThat(latestRun(kind)).isEqualTo(expected);
            bodies.add(body);
        }
        return bodies;
    }

    /** The response's counts, each row counted once. */
    static Counts counts(String body) {
        Map<String, Object> r = JsonPath.read(body, "$");
        Counts c = new Counts(
                n(r.get("rows")),
                n(r.get("created")),
                n(r.get("updated")),
                n(r.get("unchanged")),
                n(r.get("rejected")));
        assertThat(c.created() + c.updated() + c.unchanged() + c.rejected())
                .as("every row counted once")
                .isEqualTo(c.rows());
        return c;
    }

    private Counts latestRun(String kind) throws Exception {
        String list = mvc.perform(get("/api/v1/imports").param("kind", kind).with(admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        Map<String, Object> r = JsonPath.read(list, "$.items[0]");
        return new Counts(
                n(r.get("totalRows")),
                n(r.get("created")),
                n(r.get("updated")),
                n(r.get("unchanged")),
                n(r.get("rejected")));
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }

    private String upload(String kind, MockMultipartFile file, boolean dryRun, int expectedStatus) throws Exception {
        return upload(mvc, kind, file, dryRun, expectedStatus);
    }

    /** Uploads a file through the API as the school administrator, in Chinese; the response body. */
    static String upload(MockMvc mvc, String kind, MockMultipartFile file, boolean dryRun, int expectedStatus)
            throws Exception {
        return mvc.perform(multipart("/api/v1/imports/{kind}", kind)
                        .file(file)
                        .param("dryRun", String.valueOf(dryRun))
                        .header("Accept-Language", "zh-CN")
                        .with(admin()))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static MockMultipartFile csv(String name, List<String> lines) {
        return ImportFiles.csv(name, lines, StandardCharsets.UTF_8);
    }

    private static MockMultipartFile enterprisesXlsx(List<String> codes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Microsoft Excel", "16.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        String[] header = ENTERPRISE_HEADER.split(",");
        for (int c = 0; c < header.length; c++) {
            ws.value(0, c, header[c]);
        }
        for (int r = 0; r < codes.size(); r++) {
            String[] cells = enterprise(codes.get(r)).split(",", -1);
            for (int c = 0; c < cells.length; c++) {
                ws.value(r + 1, c, cells[c]);
            }
        }
        wb.finish();
        return new MockMultipartFile("file", "dup.xlsx", null, out.toByteArray());
    }

    private static String enterprise(String code) {
        return code + ",重复检查玉雕坊" + code.substring(14) + ",玉雕,411324,石佛寺镇,微型,";
    }

    private static String code(String body) {
        return body + CreditCodes.checkCharacter(body);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
