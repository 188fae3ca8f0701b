package org.craftline.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.craftline.shared.ResidentIds;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.mock.web.MockMultipartFile;

/** Spreadsheets for import tests, written the way office suites write them. */
public final class ImportFiles {

    public static final String HEADER = "学校标识码,学号,姓名,身份证号,性别,出生日期,户口类型,手机号,专业代码,班级,入学年份,学籍状态";

    private ImportFiles() {}

    /** A valid student of the Zhenping school: number prefix + n, a valid ID derived from n. */
    public static String studentRow(String prefix, int n) {
        return String.join(
                ",",
                List.of(
                        "",
                        prefix + n,
                        "学生" + n,
                        id(prefix, n),
                        "",
                        "",
                        n % 3 == 0 ? "城镇" : "农村",
                        "",
                        "750107",
                        "",
                        "2026",
                        "在读"));
    }

    /**
     * The ID of row n of the file with this prefix: one person per (prefix, n), as one person has one
     * student record. Born 2009 in a county the demo's students do not come from (邓州 411381), each
     * prefix on days of its own.
     */
    public static String id(String prefix, int n) {
        LocalDate birth = LocalDate.of(2009, 1, 1).plusDays(slot(prefix) * 10L + n / 1000);
        String body = "411381" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return body + ResidentIds.checkCharacter(body);
    }

    private static final java.util.Map<String, Integer> SLOTS = new java.util.HashMap<>();

    private static synchronized int slot(String prefix) {
        Integer slot = SLOTS.get(prefix);
        if (slot == null) {
            slot = SLOTS.size();
            SLOTS.put(prefix, slot);
        }
        return slot;
    }

    public static MockMultipartFile csv(String name, List<String> lines, Charset charset) {
        return new MockMultipartFile(
                "file", name, "text/csv", String.join("\n", lines).concat("\n").getBytes(charset));
    }

    public static List<String> students(String prefix, int count) {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (int n = 1; n <= count; n++) {
            lines.add(studentRow(prefix, n));
        }
        return lines;
    }

    /** An .xlsx as Excel or WPS leave it: a merged title row, English headers in another order, IDs and numbers as numbers, dates as dates, trailing empty rows. */
    public static MockMultipartFile officeXlsx(String prefix, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "Microsoft Excel", "16.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        ws.value(0, 0, "镇平县工艺美术中等专业学校 2026 级新生名单");
        ws.range(0, 0, 0, 7).merge();
        String[] headers = {
            "Name",
            "Student number",
            "Resident ID number",
            "Birth date",
            "Household",
            "Major code",
            "Entry year",
            "Mobile phone"
        };
        for (int c = 0; c < headers.length; c++) {
            ws.value(1, c, headers[c]);
        }
        for (int n = 1; n <= count; n++) {
            int r = n + 1;
            String id = id(prefix, n);
            ws.value(r, 0, "学生" + n);
            ws.value(r, 1, Long.parseLong(prefix.replaceAll("\\D", "") + n));
            if (id.endsWith("X")) {
                ws.value(r, 2, id);
            } else {
                ws.value(r, 2, Long.parseLong(id));
            }
            ws.value(r, 3, ResidentIds.birthDate(id));
            ws.style(r, 3).format("yyyy/m/d").set();
            ws.value(r, 4, "农村");
            ws.value(r, 5, 750107);
            ws.value(r, 6, 2026);
            ws.value(r, 7, 13800138000L + n);
        }
        ws.value(count + 2, 0, "");
        ws.value(count + 5, 3, "");
        wb.finish();
        return new MockMultipartFile(
                "file",
                "office.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                out.toByteArray());
    }
}
