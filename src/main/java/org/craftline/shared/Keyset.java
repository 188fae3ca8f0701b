package org.craftline.shared;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * How a list reads its deep pages: after a given row, by the values of its ORDER BY columns (for
 * columns a, b: the rows with the row's a and a later b, then those with a later a), which an
 * index on the same columns serves at any depth, instead of an OFFSET that reads and drops every
 * row before the page.
 *
 * @param columns the ORDER BY columns, all NOT NULL and together unique within the list
 * @param descending whether every column is ordered descending (mixed directions are not keyset)
 * @param idColumn the row's id, e.g. {@code s.id}: the cursor a client passes back as {@code after}
 * @param idOf the id of a row of the list
 * @param after the id of the last row of the previous page, or null for an OFFSET page
 */
public record Keyset<T>(List<String> columns, boolean descending, String idColumn, ToLongFunction<T> idOf, Long after) {

    /** A list ordered by its columns, all ascending or all descending, read after the page's cursor. */
    public static <T> Keyset<T> of(
            List<String> columns, boolean descending, String idColumn, ToLongFunction<T> idOf, PageQuery page) {
        return new Keyset<>(columns, descending, idColumn, idOf, page.after());
    }

    public String orderBy() {
        return String.join(descending ? " DESC, " : ", ", columns) + (descending ? " DESC" : "");
    }
}
