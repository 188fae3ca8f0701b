package org.craftline.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes report tables as an .xlsx workbook, one sheet per table: a header row, then rows whose
 * numbers stay numbers (text cells starting with = + - @ get an apostrophe so no spreadsheet runs
 * them as formulas).
 */
public final class TableWorkbook {

    private TableWorkbook() {}

    /** One sheet: its name (cut to Excel's 31 characters), headers and rows of cells (text or numbers). */
    public record Sheet(String name, List<String> headers, List<List<Object>> rows) {}

    public static void write(OutputStream out, List<Sheet> sheets) {
        Workbook workbook = new Workbook(out, "Craftline", "1.0");
        for (Sheet sheet : sheets) {
            Worksheet ws = workbook.newWorksheet(sheetName(sheet.name()));
            for (int c = 0; c < sheet.headers().size(); c++) {
                ws.value(0, c, guard(sheet.headers().get(c)));
                ws.style(0, c).bold().set();
            }
            for (int r = 0; r < sheet.rows().size(); r++) {
                List<Object> row = sheet.rows().get(r);
                for (int c = 0; c < row.size(); c++) {
                    cell(ws, r + 1, c, row.get(c));
                }
            }
        }
        try {
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cell(Worksheet ws, int r, int c, Object value) {
        if (value instanceof Number n) {
            ws.value(r, c, n);
        } else if (value != null) {
            ws.value(r, c, guard(value.toString()));
        }
    }

    static String sheetName(String name) {
        String clean = name.replaceAll("[\\[\\]:*?/\\\\]", " ").trim();
        return clean.length() > 31 ? clean.substring(0, 31) : clean.isEmpty() ? "Sheet" : clean;
    }

    private static String guard(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
