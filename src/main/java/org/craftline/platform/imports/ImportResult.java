package org.craftline.platform.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The answer to an import, dry run or not: counts and every refused row (up to a limit). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(
        String kind,
        boolean dryRun,
        long rows,
        long created,
        long updated,
        long unchanged,
        long rejected,
        List<ImportError> errors,
        Boolean errorsTruncated,
        String fileName,
        String format) {

    /** One problem: the row number and header the user sees, the value, and what is wrong. */
    public record ImportError(Integer row, String column, String value, String message) {}

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
