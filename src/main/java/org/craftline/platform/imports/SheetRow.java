package org.craftline.platform.imports;

import java.util.List;

/** One row of a spreadsheet as the user sees it: its row number (1-based) and its cell texts. */
record SheetRow(int number, List<String> cells) {

    String cell(int index) {
        return index < cells.size() ? cells.get(index) : "";
    }

    boolean isBlank() {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
