package org.craftline.platform;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes a template or an export, row by row, as .xlsx (streamed) or as UTF-8 CSV with a BOM (so
 * Excel opens it in Chinese). Cells starting with = + - @ get an apostrophe so no spreadsheet runs
 * them as formulas; the importer removes it again. Exports use it, and any page that hands out a list.
 */
public abstract class SpreadsheetWriter implements AutoCloseable {

    public abstract void row(List<String> cells);

    /** Starts another sheet; false where the format has one sheet only (CSV), and nothing is written. */
    public abstract boolean sheet(String name);

    @Override
    public abstract void close();

    public static SpreadsheetWriter of(String format, OutputStream out, String sheetName) {
        return "csv".equals(format) ? new Csv(out) : new Xlsx(out, sheetName);
    }

    public static String guard(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }

    private static final class Xlsx extends SpreadsheetWriter {
        private final Workbook workbook;
        private Worksheet sheet;
        private int row;

        Xlsx(OutputStream out, String sheetName) {
            this.workbook = new Workbook(out, "Craftline", "1.0");
            this.sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        public boolean sheet(String name) {
            flush();
            sheet = workbook.newWorksheet(name);
            row = 0;
            return true;
        }

        @Override
        public void row(List<String> cells) {
            for (int c = 0; c < cells.size(); c++) {
                // every cell as text: IDs and numbers keep every digit and leading zero
                sheet.value(row, c, guard(cells.get(c)));
            }
            row++;
            if (row % 10_000 == 0) {
                flush();
            }
        }

        private void flush() {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                workbook.finish();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Csv extends SpreadsheetWriter {
        private final BufferedWriter out;

        Csv(OutputStream stream) {
            this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024);
            write("\uFEFF");
        }

        @Override
        public boolean sheet(String name) {
            return false;
        }

        @Override
        public void row(List<String> cells) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < cells.size(); c++) {
                if (c > 0) {
                    line.append(',');
                }
                String v = guard(cells.get(c));
                if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                    line.append('"').append(v.replace("\"", "\"\"")).append('"');
                } else {
                    line.append(v);
                }
            }
            write(line.append("\r\n").toString());
        }

        private void write(String text) {
            try {
                out.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
