package org.craftline.reports.quality;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.craftline.reports.quality.Report.Section;
import org.craftline.reports.quality.Report.Table;
import org.craftline.reports.quality.Report.Value;
import org.craftline.reports.support.TableWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The report as an .xlsx workbook, one sheet per section: label and value rows, then the section's
 * tables. Numbers stay numbers (a rate is the fraction with a percent format) so a reader can
 * compute with them; only undefined values are written as text.
 */
final class QualityWorkbook {

    private final Worksheet sheet;
    private final QualityText text;
    private int row;

    private QualityWorkbook(Worksheet sheet, QualityText text) {
        this.sheet = sheet;
        this.text = text;
    }

    static byte[] write(Report report, QualityText text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Workbook workbook = new Workbook(out, "Craftline", "1.0");
        workbook.properties().setTitle(text.documentTitle(report));
        Set<String> names = new HashSet<>();
        for (Section section : report.sections()) {
            Worksheet sheet = workbook.newWorksheet(TableWorkbook.sheetName(text.heading(section), names));
            new QualityWorkbook(sheet, text).section(report, section);
        }
        try {
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void section(Report report, Section section) {
        sheet.width(0, 42);
        for (int c = 1; c < 5; c++) {
            sheet.width(c, 20);
        }
        bold(0, text.documentTitle(report));
        sheet.value(1, 0, text.basis(report));
        row = 3;
        bold(row++, text.heading(section));
        section.figures().forEach(f -> {
            sheet.value(row, 0, text.text(f.label()));
            cell(row++, 1, f.value());
        });
        section.notes().forEach(n -> sheet.value(++row, 0, text.text(n)));
        section.tables().forEach(this::table);
    }

    private void table(Table table) {
        row += 1;
        bold(row++, text.text(table.caption()));
        List<String> headers = table.headers();
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(row, c, text.text(headers.get(c)));
            sheet.style(row, c).bold().set();
        }
        row++;
        for (List<Value> cells : table.rows()) {
            for (int c = 0; c < cells.size(); c++) {
                cell(row, c, cells.get(c));
            }
            row++;
        }
        if (table.rows().isEmpty()) {
            sheet.value(row++, 0, text.text("quality.table.empty"));
        }
    }

    private void bold(int r, String value) {
        sheet.value(r, 0, value);
        sheet.style(r, 0).bold().set();
    }

    private void cell(int r, int c, Value value) {
        String format = switch (value.kind()) {
            case COUNT -> "#,##0";
            case RATE -> "0.0%";
            case YUAN -> "#,##0.00";
            case AREA -> "#,##0.0";
            case YEAR -> "0";
            default -> null;
        };
        if (format == null) {
            sheet.value(r, c, text.format(value));
            return;
        }
        BigDecimal number = value.number();
        sheet.value(r, c, number.scale() < 0 ? number.setScale(0) : number);
        sheet.style(r, c).format(format).set();
    }
}
