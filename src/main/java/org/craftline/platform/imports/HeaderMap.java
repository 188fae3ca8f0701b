package org.craftline.platform.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.craftline.platform.ImportColumn;
import org.craftline.shared.Text;

/**
 * Where each column of a kind stands in a file: found by its Chinese or English header, in any
 * order, in the first rows of the sheet (a title row may stand above the header).
 */
record HeaderMap(int headerRow, Map<ImportColumn, Integer> positions, Map<ImportColumn, String> headers) {

    static final int SEARCH_ROWS = 20;

    /** The column of a header cell, or null: compares without case, spaces, asterisks or "(必填)". */
    static ImportColumn match(List<ImportColumn> columns, String cell) {
        String wanted = bare(cell);
        for (ImportColumn column : columns) {
            if (bare(column.zh()).equals(wanted)
                    || bare(column.en()).equals(wanted)
                    || bare(column.key()).equals(wanted)) {
                return column;
            }
        }
        return null;
    }

    /** Reads the header cells of one row; a row that names no column gives an empty map. */
    static HeaderMap of(SheetRow row, List<ImportColumn> columns) {
        Map<ImportColumn, Integer> positions = new LinkedHashMap<>();
        Map<ImportColumn, String> headers = new LinkedHashMap<>();
        for (int i = 0; i < row.cells().size(); i++) {
            ImportColumn column = match(columns, row.cell(i));
            if (column != null && !positions.containsKey(column)) {
                positions.put(column, i);
                headers.put(column, Text.normalise(row.cell(i)));
            }
        }
        return new HeaderMap(row.number(), positions, headers);
    }

    List<ImportColumn> missingRequired(List<ImportColumn> columns) {
        return columns.stream()
                .filter(c -> c.required() && !positions.containsKey(c))
                .toList();
    }

    /** The header as the user's file names it (or the template's, for a column it lacks). */
    String header(ImportColumn column, boolean english) {
        return headers.getOrDefault(column, column.header(english));
    }

    /** The row's values by column key, normalised (trimmed, half-width, formula guard removed). */
    Map<String, String> values(SheetRow row) {
        Map<String, String> values = new LinkedHashMap<>();
        positions.forEach((column, index) -> values.put(column.key(), clean(row.cell(index))));
        return values;
    }

    static String clean(String cell) {
        String value = Text.normalise(cell);
        if (value == null) {
            return "";
        }
        // our exports guard cells that start with = + - @ with an apostrophe; take it off again
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
            return value.substring(1);
        }
        return value;
    }

    private static String bare(String text) {
        String t = Text.normalise(text);
        if (t == null) {
            return "";
        }
        return t.replace("(必填)", "")
                .replace("（必填）", "")
                .replace("*", "")
                .replace(" ", "")
                .toLowerCase(Locale.ROOT);
    }
}
