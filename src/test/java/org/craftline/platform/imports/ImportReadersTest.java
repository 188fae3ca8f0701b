package org.craftline.platform.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.craftline.platform.ImportColumn;
import org.craftline.platform.SpreadsheetWriter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers: office-suite .xlsx quirks, CSV encodings, headers in either language and any order. */
class ImportReadersTest {

    static final List<ImportColumn> COLUMNS = List.of(
            new ImportColumn("number", "学号", "Student number", true, ""),
            new ImportColumn("name", "姓名", "Name", true, ""),
            new ImportColumn("birth", "出生日期", "Birth date", false, ""),
            new ImportColumn("id", "身份证号", "Resident ID number", true, ""));

    @TempDir
    Path dir;

    @Test
    void xlsxWithTitleRowDatesAsDatesAndIdsAsNumbers() throws Exception {
        Path file = dir.resolve("office.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            Workbook wb = new Workbook(out, "test", "1.0");
            Worksheet ws = wb.newWorksheet("学生");
            ws.value(0, 0, "2026 级新生名单");
            ws.range(0, 0, 0, 3).merge();
            ws.value(1, 0, "Resident ID number");
            ws.value(1, 1, "姓名");
            ws.value(1, 2, "学号");
            ws.value(1, 3, "出生日期");
            ws.value(2, 0, 411324200809010013L);
            ws.value(2, 1, " 张三 ");
            ws.value(2, 2, 2026010101L);
            ws.value(2, 3, LocalDate.of(2008, 9, 1));
            ws.style(2, 3).format("yyyy-mm-dd").set();
            ws.value(3, 0, "");
            wb.finish();
        }
        List<SheetRow> rows = read(file);
        HeaderMap header = HeaderMap.of(rows.get(1), COLUMNS);
        assertThat(header.missingRequired(COLUMNS)).isEmpty();
        var values = header.values(rows.get(2));
        assertThat(values)
                .containsEntry("id", "411324200809010013")
                .containsEntry("name", "张三")
                .containsEntry("number", "2026010101")
                .containsEntry("birth", "2008-09-01");
        assertThat(HeaderMap.of(rows.get(0), COLUMNS).positions()).isEmpty();
    }

    @Test
    void csvInGbkAndInUtf8WithBom() throws Exception {
        String text = "学号,姓名,身份证号\n２０２６０１,王　五,11010519491231002x\n";
        Path gbk = Files.write(dir.resolve("gbk.csv"), text.getBytes(CsvSource.GBK));
        ByteArrayOutputStream bom = new ByteArrayOutputStream();
        bom.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bom.write(text.getBytes(StandardCharsets.UTF_8));
        Path utf8 = Files.write(dir.resolve("utf8.csv"), bom.toByteArray());
        for (Path file : List.of(gbk, utf8)) {
            List<SheetRow> rows = read(file);
            HeaderMap header = HeaderMap.of(rows.get(0), COLUMNS);
            assertThat(header.values(rows.get(1)))
                    .as(file.getFileName().toString())
                    .containsEntry("number", "202601")
                    .containsEntry("name", "王 五")
                    .containsEntry("id", "11010519491231002x");
            assertThat(rows.get(1).number()).isEqualTo(2);
        }
    }

    @Test
    void headersMatchWithoutCaseSpacesOrRequiredMarks() {
        assertThat(HeaderMap.match(COLUMNS, " *学号(必填)")).isEqualTo(COLUMNS.get(0));
        assertThat(HeaderMap.match(COLUMNS, "student NUMBER")).isEqualTo(COLUMNS.get(0));
        assertThat(HeaderMap.match(COLUMNS, "班级")).isNull();
    }

    @Test
    void theFormulaGuardOfExportsIsRemovedOnImport() {
        assertThat(SpreadsheetWriter.guard("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(SpreadsheetWriter.guard("@SUM(A1)")).startsWith("'");
        assertThat(SpreadsheetWriter.guard("张三")).isEqualTo("张三");
        assertThat(HeaderMap.clean("'=1+1")).isEqualTo("=1+1");
        assertThat(HeaderMap.clean("'abc")).isEqualTo("'abc");
    }

    @Test
    void filesThatAreNotSpreadsheetsAreRefusedByTheirBytes() throws Exception {
        Path empty = Files.write(dir.resolve("empty.csv"), new byte[0]);
        Path png = Files.write(dir.resolve("photo.csv"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Path xls = Files.write(
                dir.resolve("old.xlsx"),
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        assertThatThrownBy(() -> SheetSources.open(empty, ImportSettings.defaults()))
                .hasMessage("import.file.empty");
        assertThatThrownBy(() -> SheetSources.open(png, ImportSettings.defaults()))
                .hasMessage("import.file.notSpreadsheet");
        assertThatThrownBy(() -> SheetSources.open(xls, ImportSettings.defaults()))
                .hasMessage("import.file.xls");
    }

    @Test
    void keyIndexFindsTheFirstRowOfADuplicate() {
        KeyIndex keys = new KeyIndex();
        for (int row = 2; row < 100_002; row++) {
            assertThat(keys.putIfAbsent("S" + row, row)).isZero();
        }
        assertThat(keys.putIfAbsent("S500", 200_000)).isEqualTo(500);
        assertThat(keys.rowOf("S77777"))
                .as("a cross-check names its row by key")
                .isEqualTo(77_777);
        assertThat(keys.rowOf("S0")).isZero();
    }

    private static List<SheetRow> read(Path file) throws Exception {
        List<SheetRow> rows = new ArrayList<>();
        try (SheetSource source = SheetSources.open(file, ImportSettings.defaults())) {
            source.forEachRemaining(rows::add);
        }
        return rows;
    }
}
