package org.craftline.internships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.craftline.internships.domain.Rule;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minor's placement needs a legal guardian on the student's record (the students' guardians), as
 * well as the consent and the guardian's name on the placement: refused without one (and with a
 * guardian who is not the legal one), taken once the school records one, through the API and the
 * placements import alike; an adult needs none.
 *
 * <p>Run on PostgreSQL ({@link MinorGuardianIT}) and on the embedded H2 ({@link MinorGuardianH2Test}).
 */
abstract class MinorGuardianChecks {

    static final JsonMapper JSON = new JsonMapper();
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    MessageSource messages;

    InternshipFixture fx;

    @BeforeEach
    void fixture() {
        fx = new InternshipFixture(jdbc);
    }

    @AfterEach
    void cleanUp() {
        fx.cleanUp();
    }

    @Test
    void aMinorWithoutALegalGuardianOnRecordIsNotPlacedThroughTheApi() throws Exception {
        String minor = fx.studentWithoutGuardian(fx.schoolId, "M", LocalDate.of(2010, 5, 1), 2025);
        String adult = fx.studentWithoutGuardian(fx.schoolId, "A", LocalDate.of(2008, 1, 15), 2025);
        long unit = fx.enterprise("U", 100);
        Map<String, Object> plan = fx.plan(minor, unit);
        plan.put("guardianName", "实习生家长");
        assertThat(refused(place(plan))).containsExactly("studentNumber");
        guardian(minor, "实习生家长", false).andExpect(status().isCreated());
        assertThat(refused(place(plan))).containsExactly("studentNumber");
        String grandmother = guardian(minor, "实习生祖母", true)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // the guardian who signs must be a legal guardian on record
        assertThat(refused(place(plan))).containsExactly("guardianName");
        plan.put("guardianName", "实习生祖母");
        place(plan)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.minor").value(true));
        // while the placement is planned, its minor's only legal guardian stays on record
        long id = ((Number) JsonPath.read(grandmother, "$.id")).longValue();
        as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/guardians/{id}", id)
                        .param("version", "0"))
                .andExpect(status().isBadRequest());
        as(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/guardians/{id}", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"实习生祖母\",\"relation\":\"OTHER\",\"legalGuardian\":false,"
                                + "\"version\":0}"))
                .andExpect(status().isBadRequest());
        mvc.perform(multipart("/api/v1/imports/guardians")
                        .file(org.craftline.support.ImportFiles.csv(
                                "guardians.csv",
                                List.of("学号,监护人姓名,与学生关系,是否法定监护人", minor + ",实习生祖母,其他,否"),
                                StandardCharsets.UTF_8))
                        .header("Accept-Language", "zh-CN")
                        .with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN))))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(messages.getMessage(
                                "guardian.legal.lastOfMinor", null, java.util.Locale.SIMPLIFIED_CHINESE)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM guardian WHERE id = :id AND legal_guardian")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        place(fx.plan(adult, unit)).andExpect(status().isCreated());
        String audited = jdbc.sql("SELECT after_json FROM audit_event WHERE action = 'REFUSE'"
                        + " AND entity_type = 'internship' AND entity_key = :n ORDER BY id FETCH FIRST 1 ROWS ONLY")
                .param("n", minor)
                .query(String.class)
                .single();
        assertThat(audited).contains(Rule.NO_GUARDIAN_ON_RECORD.name());
    }

    @Test
    void theImportRefusesTheRowOfAMinorWithoutALegalGuardianOnRecord() throws Exception {
        var sheets = PlacementSheets.create(mvc, jdbc, "301");
        // seventeen and in the third year on 2030-03-01, when the sheet's placements start
        String minor = fx.studentWithoutGuardian(fx.schoolId, "I", LocalDate.of(2012, 6, 1), 2027);
        List<String> file = List.of(
                sheets.header(),
                sheets.row(Map.of("studentNumber", minor, "guardianName", "实习生家长", "consentSigned", "是")));
        String message =
                messages.getMessage(Rule.NO_GUARDIAN_ON_RECORD.messageKey(), null, java.util.Locale.SIMPLIFIED_CHINESE);
        upload(sheets.csv(file))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors[0].column").value("学号"))
                .andExpect(jsonPath("$.errors[0].message").value(message));
        guardian(minor, "实习生家长", true).andExpect(status().isCreated());
        upload(sheets.csv(file))
                .andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.created").value(1));
    }

    private ResultActions place(Map<String, Object> plan) throws Exception {
        return mvc.perform(multipart("/api/v1/internships")
                .file(new MockMultipartFile(
                        "placement", "", MediaType.APPLICATION_JSON_VALUE, JSON.writeValueAsBytes(plan)))
                .file(new MockMultipartFile("agreement", "协议.pdf", "application/pdf", PDF))
                .file(new MockMultipartFile("consent", "同意书.pdf", "application/pdf", PDF))
                .with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN)))
                .accept(MediaType.APPLICATION_JSON));
    }

    private List<String> refused(ResultActions result) throws Exception {
        String body = result.andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.errors[*].field");
    }

    /** A guardian recorded by the school's administrator, as on the student's page. */
    private ResultActions guardian(String number, String name, boolean legal) throws Exception {
        return mvc.perform(post("/api/v1/students/{id}/guardians", fx.studentId(number))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"relation\":\"OTHER\",\"legalGuardian\":" + legal + "}")
                .with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN))));
    }

    private ResultActions as(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request.with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN))));
    }

    /** A dry run: nothing is written. */
    private ResultActions upload(MockMultipartFile file) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/internships")
                .file(file)
                .param("dryRun", "true")
                .header("Accept-Language", "zh-CN")
                .with(user(users.loadUserByUsername(TestUsers.SCHOOL_ADMIN))));
    }
}
