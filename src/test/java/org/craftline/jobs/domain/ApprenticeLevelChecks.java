package org.craftline.jobs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.craftline.platform.Scope;
import org.craftline.shared.PageQuery;
import org.craftline.support.ImportFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The apprentice level (学徒工, since 2021) end to end on a fresh school: a certificate of it is
 * stored through the API at rank 0 and read from an import by its Chinese word, shown on the
 * certificates page and in the export, and it is below 初级工 where a posting asks a least level:
 * an apprentice meets a posting that wants 学徒工 but not one that wants 初级工, and ranks after
 * one who holds 初级工. Run on PostgreSQL ({@link ApprenticeLevelIT}) and H2 ({@link ApprenticeLevelH2Test}).
 */
abstract class ApprenticeLevelChecks {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    Recommendations recommendations;

    JobsFixture t;
    long school;
    long unit;

    @BeforeEach
    void aSchoolWithItsAdministratorAndAUnit() {
        t = new JobsFixture(jdbc);
        school = t.school("L", "4141013240");
        unit = t.unit("U", school);
        t.account("SCHOOL_ADMIN", school, null, null, "admin");
    }

    @AfterEach
    void cleanUp() {
        t.cleanUp();
    }

    @Test
    void anApprenticeCertificateIsStoredImportedShownAndBelowTheJuniorLevel() throws Exception {
        long typed = t.student(school, "A", "750107", "ENROLLED");
        long imported = t.student(school, "B", "750107", "ENROLLED");
        long junior = t.student(school, "C", "750107", "ENROLLED");
        long jobless = t.student(school, "D", "730701", "GRADUATED");
        t.destination(jobless, "AT_GRADUATION", "UNEMPLOYED", true);

        mvc.perform(post("/api/v1/certificates")
                        .with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(skill(t.number("A"), "APPRENTICE", t.id() + "-A")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.grade").value("APPRENTICE"))
                .andExpect(jsonPath("$.gradeRank").value(0));
        mvc.perform(post("/api/v1/certificates")
                        .with(as("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(skill(t.number("C"), "LEVEL_5", t.id() + "-C")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.gradeRank").value(1));
        var file = List.of(
                "学号,工号,证书类别,等级,名称（职业/证书/称号）,发证机构,证书编号,发证年份,发证日期,状态",
                t.number("B") + ",,职业技能等级证书,学徒工,玉雕工,学徒测试鉴定站," + t.id() + "-B,2024,,有效");
        upload(file)
                .andExpect(jsonPath("$.created").value(1))
                .andExpect(jsonPath("$.rejected").value(0));
        upload(file).andExpect(jsonPath("$.unchanged").value(1));
        assertThat(stored(typed)).isEqualTo("APPRENTICE/0");
        assertThat(stored(imported)).isEqualTo("APPRENTICE/0");
        assertThat(stored(junior)).isEqualTo("LEVEL_5/1");

        String page = mvc.perform(
                        get("/talent/certificates").param("grade", "APPRENTICE").with(as("admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("<td>学徒工</td>").contains(t.name("A")).contains(t.name("B"));
        assertThat(page).doesNotContain(t.name("C"));
        String english = mvc.perform(get("/talent/certificates")
                        .param("grade", "APPRENTICE")
                        .param("lang", "en")
                        .with(as("admin")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(english).contains("<td>Apprentice</td>");
        String export = mvc.perform(get("/api/v1/exports/certificates")
                        .param("format", "csv")
                        .with(as("admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(export.lines().filter(l -> l.contains("学徒工"))).hasSize(2);

        long wantsJunior = t.posting(unit, "750107", 1, 5, LocalDate.now().plusDays(20), "初级岗" + t.id());
        assertThat(ranked(wantsJunior)).extracting(Recommendation::name).containsExactly(t.name("C"), t.name("D"));
        long wantsApprentice = t.posting(unit, "750107", 0, 5, LocalDate.now().plusDays(20), "学徒岗" + t.id());
        var people = ranked(wantsApprentice);
        assertThat(people)
                .extracting(Recommendation::name)
                .containsExactly(t.name("C"), t.name("A"), t.name("B"), t.name("D"));
        assertThat(people).extracting(Recommendation::skillRank).containsExactly(1, 0, 0, -1);
        assertThat(people.get(1).reasons()).contains(Ranking.Reason.LEVEL);

        t.account("STUDENT", school, null, typed, "apprentice");
        String board = mvc.perform(get("/api/v1/me/jobs").param("q", t.id()).with(as("apprentice")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> positions = JsonPath.read(board, "$.items[*].posting.position");
        List<Boolean> fits = JsonPath.read(board, "$.items[*].fits");
        assertThat(positions).containsExactly("学徒岗" + t.id(), "初级岗" + t.id());
        assertThat(fits).containsExactly(true, false);
    }

    @Test
    void aPostingMayAskTheApprenticeLevelAndShowsIt() throws Exception {
        long posting = t.posting(unit, "750107", 0, 1, LocalDate.now().plusDays(20), "学徒岗" + t.id());
        String page = mvc.perform(get("/jobs/postings/{id}", posting).with(as("admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("学徒工");
        mvc.perform(get("/api/v1/postings/{id}", posting).with(as("admin")))
                .andExpect(jsonPath("$.minSkillRank").value(0));
    }

    private List<Recommendation> ranked(long posting) {
        return recommendations
                .ranked(posting, 5, new Scope(false, Set.of(school), true), false, PageQuery.of(1, 50))
                .items();
    }

    private String stored(long student) {
        return jdbc.sql("SELECT grade || '/' || grade_rank FROM certificate WHERE student_id = :s AND kind = 'SKILL'")
                .param("s", student)
                .query(String.class)
                .single();
    }

    private org.springframework.test.web.servlet.ResultActions upload(List<String> lines) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/certificates")
                .file(ImportFiles.csv("apprentices.csv", lines, StandardCharsets.UTF_8))
                .param("dryRun", "false")
                .with(as("admin")));
    }

    private static String skill(String student, String grade, String number) {
        return "{\"schoolCode\":\"\",\"studentNumber\":\"" + student + "\",\"staffNumber\":\"\",\"kind\":\"SKILL\","
                + "\"grade\":\"" + grade + "\",\"name\":\"玉雕工\",\"issuingBody\":\"学徒测试鉴定站\",\"certNumber\":\""
                + number + "\",\"issuedYear\":2024,\"issuedOn\":null,\"status\":\"VALID\"}";
    }

    private RequestPostProcessor as(String who) {
        return user(users.loadUserByUsername(t.username(who)));
    }
}
