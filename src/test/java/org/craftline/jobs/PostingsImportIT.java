package org.craftline.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.craftline.shared.CreditCodes;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The postings kind: a school imports postings for units without an account by the form's rules,
 * all or nothing, idempotent by unit + position + deadline; its export imports again unchanged.
 */
@PostgresTest
class PostingsImportIT {

    static final String HEADER =
            "单位统一社会信用代码,名录单位编号（无信用代码时）,类型,岗位,面向专业代码,最低技能等级（1—7）," + "招聘人数,月薪下限（元）,月薪上限（元）,工作地点（乡镇）,到岗日期,截止日期,岗位说明";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final String tag = UUID.randomUUID().toString().substring(0, 7).toUpperCase(Locale.ROOT);
    final String deadline = LocalDate.now().plusMonths(2).toString();
    String coded;
    long registryOnly;
    long withAccount;

    @BeforeEach
    void setUp() {
        String body = "92411324MA" + tag.replaceAll("[^0-9A-F]", "0");
        coded = body + CreditCodes.checkCharacter(body);
        unit("A", coded);
        registryOnly = unit("B", null);
        withAccount = unit("C", null);
        jdbc.sql(
                        "INSERT INTO app_user (username, display_name, password_hash, role, enterprise_id, enabled, created_at)"
                                + " VALUES (:u, :u, '{noop}x', 'ENTERPRISE', :e, TRUE, :at)")
                .param("u", "pimp" + tag)
                .param("e", withAccount)
                .param("at", OffsetDateTime.now())
                .update();
    }

    @AfterEach
    void cleanUp() {
        String mine = "(SELECT id FROM posting WHERE enterprise_id IN (SELECT id FROM enterprise WHERE name LIKE :n))";
        for (String sql : List.of(
                "DELETE FROM posting_major WHERE posting_id IN " + mine,
                "DELETE FROM posting WHERE id IN " + mine,
                "DELETE FROM app_user WHERE username = 'pimp" + tag + "'",
                "DELETE FROM enterprise WHERE name LIKE :n")) {
            var statement = jdbc.sql(sql);
            statement = sql.contains(":n") ? statement.param("n", "导入岗位" + tag + "%") : statement;
            statement.update();
        }
    }

    @Test
    void aDryRunNamesEveryRefusedRowAndACommitWritesAllOrNothing() throws Exception {
        List<String> lines = List.of(
                HEADER,
                coded + ",,就业岗位,玉雕学徒" + tag + ",\"750107,750106\",2,3,3500,5000,石佛寺镇,," + deadline + ",包住",
                "," + registryOnly + ",Internship,地毯实习" + tag + ",,,5,,,,," + deadline + ",",
                "," + withAccount + ",就业岗位,玉雕师" + tag + ",,,1,,,,," + deadline + ",",
                coded + ",,就业岗位,抛光" + tag + ",,,1,5000,3000,,," + deadline + ",",
                coded + ",,就业岗位,设计" + tag + ",999999,,1,,,,," + deadline + ",",
                coded + ",,就业岗位,过期" + tag + ",,,1,,,,,2001-01-01,");
        upload(ImportFiles.csv("p.csv", lines, StandardCharsets.UTF_8), true)
                .andExpect(jsonPath("$.rows").value(6))
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath("$.errors[0].column").value("名录单位编号(无信用代码时)"))
                .andExpect(jsonPath("$.errors[1].row").value(5))
                .andExpect(jsonPath("$.errors[1].column").value("月薪上限(元)"))
                .andExpect(jsonPath("$.errors[2].row").value(6))
                .andExpect(jsonPath("$.errors[2].column").value("面向专业代码"))
                .andExpect(jsonPath("$.errors[3].row").value(7))
                .andExpect(jsonPath("$.errors[3].column").value("截止日期"));
        upload(ImportFiles.csv("p.csv", lines, StandardCharsets.UTF_8), false)
                .andExpect(status().isUnprocessableEntity());
        assertThat(postings()).as("a refused commit writes nothing").isZero();

        upload(ImportFiles.csv("p.csv", lines.subList(0, 3), StandardCharsets.UTF_8), false)
                .andExpect(jsonPath("$.created").value(2));
        assertThat(postings()).isEqualTo(2);
        assertThat(majorsOf("玉雕学徒" + tag)).containsExactly("750106", "750107");
        upload(ImportFiles.csv("p.csv", lines.subList(0, 3), StandardCharsets.UTF_8), false)
                .andExpect(jsonPath("$.unchanged").value(2));

        String changed = coded + ",,就业岗位,玉雕学徒" + tag + ",750107,2,4,3500,5000,石佛寺镇,," + deadline + ",包住";
        upload(ImportFiles.csv("p.csv", List.of(HEADER, changed), StandardCharsets.UTF_8), false)
                .andExpect(jsonPath("$.updated").value(1));
        assertThat(majorsOf("玉雕学徒" + tag)).containsExactly("750107");
        assertThat(postings()).isEqualTo(2);
    }

    @Test
    void theExportImportsAgainUnchangedInBothFormatsAndLanguages() throws Exception {
        List<String> lines = List.of(
                HEADER,
                coded + ",,就业岗位,玉雕学徒" + tag + ",\"750107,750106\",2,3,3500.5,5000,石佛寺镇,"
                        + LocalDate.now().plusMonths(3) + "," + deadline + ",\"=包住, 五险\"",
                "," + registryOnly + ",实习岗位,地毯实习" + tag + ",,,5,,,,," + deadline + ",");
        upload(ImportFiles.csv("p.csv", lines, StandardCharsets.UTF_8), false)
                .andExpect(jsonPath("$.created").value(2));
        for (String[] f : new String[][] {{"xlsx", "zh"}, {"csv", "en"}}) {
            byte[] export = mvc.perform(get("/api/v1/exports/postings")
                            .param("format", f[0])
                            .param("lang", f[1])
                            .with(admin()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            upload(new MockMultipartFile("file", "p." + f[0], null, export), false)
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.created").value(0))
                    .andExpect(jsonPath("$.updated").value(0))
                    .andExpect(jsonPath("$.rejected").value(0));
        }
        assertThat(postings()).isEqualTo(2);
    }

    @Test
    void aUnitUserMayNotImportPostings() throws Exception {
        mvc.perform(multipart("/api/v1/imports/postings")
                        .file(ImportFiles.csv("p.csv", List.of(HEADER), StandardCharsets.UTF_8))
                        .param("dryRun", "true")
                        .with(httpBasic(TestUsers.ENTERPRISE, TestUsers.PASSWORD)))
                .andExpect(status().isForbidden());
    }

    private long unit(String suffix, String creditCode) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO enterprise (credit_code, name, industry, region_id, size_band)"
                        + " SELECT :c, :n, 'JADE_CARVING', region_id, 'SMALL' FROM school WHERE code = :s")
                .param("c", creditCode)
                .param("n", "导入岗位" + tag + suffix)
                .param("s", TestUsers.ZHENPING)
                .update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    private long postings() {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM posting p JOIN enterprise e ON e.id = p.enterprise_id WHERE e.name LIKE :n")
                .param("n", "导入岗位" + tag + "%")
                .query(Long.class)
                .single();
    }

    private List<String> majorsOf(String position) {
        return jdbc.sql("SELECT m.code FROM posting p JOIN posting_major pm ON pm.posting_id = p.id"
                        + " JOIN major m ON m.id = pm.major_id WHERE p.position = :p ORDER BY m.code")
                .param("p", position)
                .query(String.class)
                .list();
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor admin() {
        return httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
    }

    private ResultActions upload(MockMultipartFile file, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/{kind}", "postings")
                .file(file)
                .param("dryRun", String.valueOf(dryRun))
                .with(admin()));
    }
}
