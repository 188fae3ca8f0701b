package org.craftline.reports.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes report tables as an .xlsx workbook, one sheet per table: a header row, then rows whose
 * numbers stay numbers. Text goes in as text cells, which no spreadsheet evaluates as a formula.
 */
public final class TableWorkbook {

    /** Excel's limit on a sheet's name. */
    public static final int MAX_SHEET_NAME = 31;

    private TableWorkbook() {}

    /** One sheet: its name (cut to Excel's 31 characters), headers and rows of cells (text or numbers). */
    public record Sheet(String name, List<String> headers, List<List<Object>> rows) {}

    public static void write(OutputStream out, List<Sheet> sheets) {
        Workbook workbook = new Workbook(out, "Craftline", "1.0");
        Set<String> names = new HashSet<>();
        for (Sheet sheet : sheets) {
            Worksheet ws = workbook.newWorksheet(sheetName(sheet.name(), names));
            for (int c = 0; c < sheet.headers().size(); c++) {
                ws.value(0, c, sheet.headers().get(c));
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
            ws.value(r, c, value.toString());
        }
    }

    /** At most 31 characters, none of []:*?/\ and no leading or trailing apostrophe, unique in the book. */
    public static String sheetName(String heading, Set<String> taken) {
        String name =
                heading.replaceAll("[\\[\\]:*?/\\\\]", " ").replace('\'', ' ').strip();
        if (name.length() > MAX_SHEET_NAME) {
            name = name.substring(0, MAX_SHEET_NAME).strip();
        }
        String unique = name.isEmpty() ? "Sheet" : name;
        for (int n = 2; !taken.add(unique.toLowerCase()); n++) {
            String suffix = " (" + n + ")";
            unique = name.substring(0, Math.min(name.length(), MAX_SHEET_NAME - suffix.length())) + suffix;
        }
        return unique;
    }
}
