package org.craftline.talent;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.craftline.support.H2Test;
import org.craftline.support.ImportFiles;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The talent flow on the embedded H2 database ({@code ./mvnw spring-boot:run}): the masters of the
 * demo, the public page, and the certificates import's MERGE. Same configuration as
 * H2CompatibilityTest, so both share one application context.
 */
@H2Test
class TalentH2Test {

    @Autowired
    MockMvc mvc;

    @Test
    void mastersPublicPageAndTheCertificatesImportWorkOnH2() throws Exception {
        var admin = httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD);
        mvc.perform(get("/api/v1/masters").param("level", "NATIONAL").with(admin))
                .andExpect(jsonPath("$.total").value(4));
        mvc.perform(get("/public/masters/{code}", TestUsers.ZHENPING)).andExpect(status().isOk());
        List<String> lines = List.of(
                "学号,工号,证书类别,等级,名称（职业/证书/称号）,发证机构,证书编号,发证年份,发证日期,状态",
                "G201900021,,职业技能等级证书,高级工,玉雕工,H2测试鉴定站,H2-1,2019,,",
                ",T0007,职业技能等级证书,技师,玉雕工,H2测试鉴定站,H2-2,,2021-06-18,",
                "G201900021,,1+X证书,初级,珠宝玉石鉴定,H2测试评价组织,H2-3,2020,,有效");
        upload(lines, false).andExpect(jsonPath("$.created").value(3));
        upload(lines, false).andExpect(jsonPath("$.unchanged").value(3));
        mvc.perform(get("/api/v1/certificates").param("number", "H2-2").with(admin))
                .andExpect(jsonPath("$.items[0].staffNumber").value("T0007"))
                .andExpect(jsonPath("$.items[0].issuedYear").value(2021));
    }

    private ResultActions upload(List<String> lines, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/certificates")
                .file(ImportFiles.csv("c.csv", lines, StandardCharsets.UTF_8))
                .param("dryRun", String.valueOf(dryRun))
                .with(httpBasic(TestUsers.SCHOOL_ADMIN, TestUsers.PASSWORD)));
    }
}
