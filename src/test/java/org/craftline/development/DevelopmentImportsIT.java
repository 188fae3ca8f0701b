package org.craftline.development;

import static org.craftline.development.DevelopmentFixtures.ZP_ADMIN;
import static org.craftline.development.DevelopmentFixtures.line;
import static org.craftline.development.DevelopmentFixtures.project;
import static org.craftline.development.DevelopmentFixtures.spend;
import static org.craftline.development.DevelopmentFixtures.unique;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The expenditures and honours kinds: row errors in a dry run (an over-budget row is one: no
 * override through an import), a commit, an idempotent re-import, and the export read back.
 */
@PostgresTest
class DevelopmentImportsIT {

    static final String EXPENDITURES = "项目名称或编号,预算科目,支出日期,金额（元）,收款单位,凭证号,备注";
    static final String HONOURS = "荣誉称号,授予单位,级别,年份,学号（个人荣誉）,工号（个人荣誉）,备注";

    @Autowired
    MockMvc mvc;

    @Test
    void expendituresImportByVoucherWithinBudgetAndOnlyOnce() throws Exception {
        String name = unique("导入项目");
        long p = project(mvc, ZP_ADMIN, name, "150.00");
        line(mvc, ZP_ADMIN, p, "EQUIPMENT", "100.00", true);
        line(mvc, ZP_ADMIN, p, "TRAINING_BASES", "50.00", true);
        String booked = unique("记");
        spend(mvc, ZP_ADMIN, p, "EQUIPMENT", "40.00", booked, null).andExpect(status().isCreated());
        String a1 = unique("记"), a2 = unique("记");
        List<String> good = List.of(
                EXPENDITURES,
                name + ",设备,2025-06-01,30.10,镇平县玉雕机械厂," + a1 + ",",
                p + ",Training bases,2025/6/2,\"50\",南阳市建筑安装工程有限公司," + a2 + ",车间改造",
                name + ",设备,2025-05-20,40.00,镇平县玉雕机械厂," + booked + ",测试");
        List<String> bad = List.of(
                name + ",设备,2025-06-03,29.91,镇平县玉雕机械厂," + unique("记") + ",",
                "没有的项目,设备,2025-06-03,1,镇平县玉雕机械厂," + unique("记") + ",",
                name + ",设备,2025-06-04,0.001,镇平县玉雕机械厂," + unique("记") + ",",
                name + ",设备,2025-06-05,10,镇平县玉雕机械厂," + booked + ",");
        List<String> all = new java.util.ArrayList<>(good);
        all.addAll(bad);
        upload("expenditures", all, true)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.errors[0].row").value(5))
                .andExpect(jsonPath("$.errors[0].value").value("29.91"))
                .andExpect(jsonPath("$.errors[1].row").value(6))
                .andExpect(jsonPath("$.errors[2].row").value(7))
                .andExpect(jsonPath("$.errors[3].row").value(8));
        upload("expenditures", all, false).andExpect(status().isUnprocessableEntity());
        upload("expenditures", good, false)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.unchanged").value(1));
        upload("expenditures", good, false)
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(3));
        mvc.perform(get("/api/v1/projects/{id}", p).with(ZP_ADMIN))
                .andExpect(content().string(containsString("\"planned\":100.00,\"spent\":70.10,\"balance\":29.90")))
                .andExpect(content().string(containsString("\"planned\":50.00,\"spent\":50.00,\"balance\":0.00")));

        // a reversed voucher is not booked again by the same file
        String json = mvc.perform(get("/api/v1/projects/{id}/expenditures", p).with(ZP_ADMIN))
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<Integer> ids = JsonPath.read(json, "$.items[?(@.voucherNo == '" + a1 + "')].id");
        mvc.perform(delete("/api/v1/projects/{p}/expenditures/{e}", p, ids.get(0))
                        .param("reason", "导入有误")
                        .with(ZP_ADMIN))
                .andExpect(status().isOk());
        upload("expenditures", good, false)
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.unchanged").value(3));

        byte[] export = mvc.perform(get("/api/v1/exports/expenditures")
                        .param("format", "xlsx")
                        .with(ZP_ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        mvc.perform(multipart("/api/v1/imports/{kind}", "expenditures")
                        .file(new MockMultipartFile("file", "e.xlsx", null, export))
                        .param("dryRun", "true")
                        .with(ZP_ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.created").value(0));
    }

    @Test
    void honoursImportForTheOwnSchoolAndItsPeopleAndRoundTrip() throws Exception {
        String t1 = unique("导入荣誉甲"), t2 = unique("导入荣誉乙");
        List<String> lines = List.of(
                HONOURS,
                t1 + ",河南省教育厅,省级,2010-2012,,,",
                t2 + ",南阳市教育局,Municipal,2015,,T0004,优秀",
                "x,河南省教育厅,部级,2015,,,",
                "x,河南省教育厅,省级,2015,NOBODY,,",
                "x,河南省教育厅,省级,12,,,");
        upload("honours", lines, true)
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath("$.errors[1].row").value(5))
                .andExpect(jsonPath("$.errors[2].row").value(6));
        upload("honours", lines.subList(0, 3), false)
                .andExpect(jsonPath("$.created").value(2));
        upload("honours", lines.subList(0, 3), false)
                .andExpect(jsonPath("$.unchanged").value(2));
        upload("honours", List.of(HONOURS, t2 + ",南阳市教育局,市级,2015,,T0004,优秀教师"), false)
                .andExpect(jsonPath("$.updated").value(1));
        mvc.perform(get("/api/v1/honours").param("q", t1).with(ZP_ADMIN))
                .andExpect(jsonPath("$.items[0].fromYear").value(2010))
                .andExpect(jsonPath("$.items[0].toYear").value(2012))
                .andExpect(jsonPath("$.items[0].holderKind").value("SCHOOL"));
        mvc.perform(get("/api/v1/honours").param("q", t2).with(ZP_ADMIN))
                .andExpect(jsonPath("$.items[0].holderNumber").value("T0004"));
        byte[] export = mvc.perform(
                        get("/api/v1/exports/honours").param("format", "xlsx").with(ZP_ADMIN))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        mvc.perform(multipart("/api/v1/imports/{kind}", "honours")
                        .file(new MockMultipartFile("file", "h.xlsx", null, export))
                        .param("dryRun", "true")
                        .with(ZP_ADMIN))
                .andExpect(jsonPath("$.rejected").value(0))
                .andExpect(jsonPath("$.created").value(0))
                .andExpect(jsonPath("$.updated").value(0));
    }

    private ResultActions upload(String kind, List<String> lines, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/v1/imports/{kind}", kind)
                .file(ImportFiles.csv("dev.csv", lines, StandardCharsets.UTF_8))
                .param("dryRun", String.valueOf(dryRun))
                .with(ZP_ADMIN));
    }
}
