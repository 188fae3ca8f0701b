package org.craftline.platform.imports;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an .xlsx (Excel, LibreOffice, WPS), streamed. Dates stored as dates become
 * ISO dates; numbers (such as IDs stored as numbers) become their plain digits.
 */
final class XlsxSource implements SheetSource {

    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> iterator;

    XlsxSource(Path file) throws IOException {
        try {
            this.workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
        try {
            this.rows = workbook.getFirstSheet().openStream();
        } catch (RuntimeException e) {
            workbook.close();
            throw unreadable(e);
        }
        this.iterator = rows.iterator();
    }

    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public boolean hasNext() {
        try {
            return iterator.hasNext();
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    @Override
    public SheetRow next() {
        Row row;
        try {
            row = iterator.next();
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
        List<String> cells = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return new SheetRow(row.getRowNum(), cells);
    }

    /** Whatever the reader throws on a malformed part is a damaged file, not a server error. */
    private static RuntimeException unreadable(RuntimeException e) {
        return e instanceof ImportFileException ? e : new ImportFileException("import.file.unreadable").causedBy(e);
    }

    static String text(Cell cell) {
        if (cell == null || cell.getRawValue() == null) {
            return "";
        }
        return switch (cell.getType()) {
            case NUMBER -> isDate(cell) ? cell.asDate().toLocalDate().toString() : plain(cell.getRawValue());
            case BOOLEAN -> String.valueOf(cell.asBoolean());
            case FORMULA, STRING, ERROR, EMPTY -> cell.getText() == null ? "" : cell.getText();
        };
    }

    private static boolean isDate(Cell cell) {
        Integer id = cell.getDataFormatId();
        if (id != null
                && ((id >= 14 && id <= 22)
                        || (id >= 27 && id <= 36)
                        || (id >= 45 && id <= 47)
                        || (id >= 50 && id <= 58))) {
            return true;
        }
        String format = cell.getDataFormatString();
        if (format == null) {
            return false;
        }
        String bare = format.replaceAll("\"[^\"]*\"|\\[[^]]*]", "").toLowerCase();
        return bare.contains("y") || (bare.contains("d") && bare.contains("m"));
    }

    /** 2024010101 rather than 2.024010101E9, 12 rather than 12.0. */
    private static String plain(String raw) {
        try {
            BigDecimal number = new BigDecimal(raw.trim());
            return number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    @Override
    public void close() throws IOException {
        rows.close();
        workbook.close();
    }
}
