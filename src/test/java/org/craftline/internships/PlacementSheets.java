package org.craftline.internships;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.craftline.shared.CreditCodes;
import org.craftline.support.ImportFiles;
import org.craftline.support.TestUsers;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Sheets of placements for the import tests: two units of their own (one with its staff on the
 * registry, one without, one of ten), four adult enrolled students of the Zhenping school with no placement, and
 * a valid row for 2030 that each test breaks one rule of.
 */
final class PlacementSheets {

    static final String FROM = "2030-01-01";

    private final JdbcClient jdbc;
    private final String unit;
    private final String unitWithoutStaff;
    private final String smallUnit;
    private final List<String> students;
    private final String supervisor;

    private PlacementSheets(
            JdbcClient jdbc,
            String unit,
            String unitWithoutStaff,
            String smallUnit,
            List<String> students,
            String supervisor) {
        this.jdbc = jdbc;
        this.unit = unit;
        this.unitWithoutStaff = unitWithoutStaff;
        this.smallUnit = smallUnit;
        this.students = students;
        this.supervisor = supervisor;
    }

    static PlacementSheets create(MockMvc mvc, JdbcClient jdbc, String suffix) throws Exception {
        String unit = register(mvc, jdbc, "92411324MA7TXA" + suffix, "1000");
        String without = register(mvc, jdbc, "92411324MA7TXB" + suffix, null);
        String small = register(mvc, jdbc, "92411324MA7TXC" + suffix, "10");
        List<String> students = jdbc.sql("SELECT s.student_number FROM student s JOIN school sc ON sc.id = s.school_id"
                        + " WHERE sc.code = :c AND s.status = 'ENROLLED' AND s.entry_year <= 2028"
                        + " AND s.birth_date <= DATE '2012-01-01'"
                        + " AND NOT EXISTS (SELECT 1 FROM internship i WHERE i.student_id = s.id)"
                        + " ORDER BY s.student_number FETCH FIRST 4 ROWS ONLY")
                .param("c", TestUsers.ZHENPING)
                .query(String.class)
                .list();
        String supervisor = jdbc.sql("SELECT t.staff_number FROM staff t JOIN school sc ON sc.id = t.school_id"
                        + " WHERE sc.code = :c ORDER BY t.staff_number FETCH FIRST 1 ROWS ONLY")
                .param("c", TestUsers.ZHENPING)
                .query(String.class)
                .single();
        return new PlacementSheets(jdbc, unit, without, small, students, supervisor);
    }

    private static String register(MockMvc mvc, JdbcClient jdbc, String body, String staff) throws Exception {
        String code = body + CreditCodes.checkCharacter(body);
        long known = jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
        if (known == 0) {
            mvc.perform(post("/api/v1/enterprises")
                    .with(httpBasic(TestUsers.STAFF, TestUsers.PASSWORD))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"creditCode\":\"" + code + "\",\"name\":\"实习导入测试单位" + body.substring(13)
                            + "\",\"industry\":\"JADE_CARVING\",\"regionCode\":\"411324\",\"sizeBand\":\"SMALL\""
                            + (staff == null ? "" : ",\"staffCount\":" + staff) + "}"));
        }
        return code;
    }

    List<String> students() {
        return students;
    }

    String unitWithoutStaff() {
        return unitWithoutStaff;
    }

    /** A unit of ten: one intern at a time is its 10%. */
    String smallUnit() {
        return smallUnit;
    }

    String header() {
        return "学号,实习单位信用代码,实习类型,实习岗位,岗位在岗职工人数,开始日期,结束日期,校内指导教师工号,企业导师,导师手机号,"
                + "每日工时,每周天数,安排夜班,安排加班,法定节假日上岗,月实习报酬,同岗位职工月工资,实习责任保险承保公司,保单号,"
                + "保险起始日期,保险截止日期,三方协议已签订（纸质）,协议截止日期,监护人姓名（未满18周岁）,"
                + "监护人知情同意书已签（纸质）,接受预警,接受预警理由";
    }

    /** A valid row of a 岗位实习 from March to August 2030, with the given cells changed. */
    String row(Map<String, String> changed) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("studentNumber", students.get(0));
        v.put("creditCode", unit);
        v.put("kind", "岗位实习");
        v.put("post", "玉雕学徒");
        v.put("postHeadcount", "100");
        v.put("startsOn", "2030-03-01");
        v.put("endsOn", "2030-08-31");
        v.put("supervisorNumber", supervisor);
        v.put("mentorName", "王师傅");
        v.put("mentorPhone", "13800138000");
        v.put("hoursPerDay", "8");
        v.put("daysPerWeek", "5");
        v.put("nightShifts", "否");
        v.put("overtime", "否");
        v.put("publicHolidays", "否");
        v.put("monthlyPay", "2400");
        v.put("postWage", "3000");
        v.put("insurer", "中国人民财产保险");
        v.put("policyNumber", "PICC-2030-0001");
        v.put("insuredFrom", "2030-03-01");
        v.put("insuredTo", "2030-08-31");
        v.put("agreementSigned", "是");
        v.put("agreementEndsOn", "");
        v.put("guardianName", "");
        v.put("consentSigned", "");
        v.put("acceptWarnings", "");
        v.put("acceptanceReason", "");
        v.putAll(changed);
        return String.join(",", new ArrayList<>(v.values()));
    }

    /**
     * The rows as an office suite saves them: dates as date cells, hours, days, headcounts and pay as
     * numbers, a title row above the header.
     */
    MockMultipartFile xlsx(List<String> lines) throws java.io.IOException {
        var out = new java.io.ByteArrayOutputStream();
        var wb = new org.dhatim.fastexcel.Workbook(out, "Microsoft Excel", "16.0");
        var ws = wb.newWorksheet("实习");
        ws.value(0, 0, "2030 年岗位实习安排");
        for (int r = 0; r < lines.size(); r++) {
            String[] cells = lines.get(r).split(",", -1);
            for (int c = 0; c < cells.length; c++) {
                cell(ws, r + 1, c, cells[c], r > 0);
            }
        }
        wb.finish();
        return new MockMultipartFile("file", "placements.xlsx", null, out.toByteArray());
    }

    private static void cell(org.dhatim.fastexcel.Worksheet ws, int r, int c, String text, boolean data) {
        if (data && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            ws.value(r, c, java.time.LocalDate.parse(text));
            ws.style(r, c).format("yyyy/m/d").set();
        } else if (data && text.matches("\\d{1,6}(\\.\\d)?") && !text.startsWith("0")) {
            ws.value(r, c, new java.math.BigDecimal(text));
        } else {
            ws.value(r, c, text);
        }
    }

    MockMultipartFile csv(List<String> lines) {
        return ImportFiles.csv("placements.csv", lines, StandardCharsets.UTF_8);
    }

    /** The placements of the sheet's students from 2030 on. */
    long placements() {
        return jdbc.sql("SELECT COUNT(*) FROM internship i JOIN student s ON s.id = i.student_id"
                        + " WHERE s.student_number IN (:n) AND i.starts_on >= DATE '" + FROM + "'")
                .param("n", students)
                .query(Long.class)
                .single();
    }

    void removePlacements() {
        String mine = "SELECT i.id FROM internship i JOIN student s ON s.id = i.student_id"
                + " WHERE s.student_number IN (:n) AND i.starts_on >= DATE '" + FROM + "'";
        jdbc.sql("DELETE FROM internship_status_change WHERE internship_id IN (" + mine + ")")
                .param("n", students)
                .update();
        jdbc.sql("DELETE FROM internship WHERE id IN (" + mine + ")")
                .param("n", students)
                .update();
    }
}
