package org.craftline.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Runs a list query as one page plus its total: the shape of every list page and API. The total
 * is capped ({@link ListTotals}); a list with a {@link Keyset} reads its next pages after the
 * last row shown rather than by OFFSET, and refuses an OFFSET beyond {@link ListTotals#COUNT_CAP}
 * rows.
 */
public final class SqlPages {

    private SqlPages() {}

    /**
     * @param select the select list, e.g. {@code "c.id, c.name"}
     * @param from the FROM clause with its joins
     */
    public static <T> Paged<T> fetch(
            JdbcClient jdbc, String select, String from, Where where, String orderBy, PageQuery page, Class<T> type) {
        return fetch(jdbc, select, from, from, where, orderBy, page, null, type);
    }

    /** A list read by keyset: its deep pages after a row, its ORDER BY the keyset's columns. */
    public static <T> Paged<T> fetch(
            JdbcClient jdbc, String select, String from, Where where, PageQuery page, Keyset<T> keyset, Class<T> type) {
        return fetch(jdbc, select, from, from, where, null, page, keyset, type);
    }

    /**
     * @param countFrom the FROM clause the total is counted on: {@code from} without the joins that
     *     only the select list needs. It must hold every alias of the WHERE clause and of the
     *     order, and its rows must be the list's rows (the other joins neither drop nor repeat a
     *     row). When it is {@code from}'s first table, the page is also ordered and cut on that
     *     table alone before the joins, so that a search matching many rows joins only the page's.
     * @param keyset how the list reads pages after a row, or null for OFFSET pages only; its
     *     columns then give the ORDER BY
     */
    public static <T> Paged<T> fetch(
            JdbcClient jdbc,
            String select,
            String from,
            String countFrom,
            Where where,
            String orderBy,
            PageQuery page,
            Keyset<T> keyset,
            Class<T> type) {
        return fetch(jdbc, select, from, countFrom, where, orderBy, page, keyset, null, type);
    }

    /**
     * @param counter the list's own total, for a list whose rows are computed and whose capped count
     *     costs more than the rows' reading (the aid eligibility list); null for {@link ListTotals}
     */
    public static <T> Paged<T> fetch(
            JdbcClient jdbc,
            String select,
            String from,
            String countFrom,
            Where where,
            String orderBy,
            PageQuery page,
            Keyset<T> keyset,
            Supplier<ListTotals.Total> counter,
            Class<T> type) {
        boolean after = keyset != null && keyset.after() != null;
        if (keyset != null && !after && page.offset() > ListTotals.cap()) {
            throw new InvalidFieldException("page", "page.useNext");
        }
        // page 1 and cursor pages read the rows first: a page that is not full needs no count
        ListTotals.Total total = null;
        // the capped count reads in the keyset's order, which an index serves; not over a derived
        // table, whose rows are computed (the aid eligibility list): there the order made the planner
        // compute and sort every row, where unordered it stops at the cap
        String countOrder = keyset == null || countFrom.strip().startsWith("(") ? null : keyset.orderBy();
        Supplier<ListTotals.Total> count = counter != null
                ? counter
                : () -> ListTotals.count(jdbc, countFrom, where.sql(), countOrder, where.params());
        if (!after && page.page() > 1) {
            total = count.get();
            page.checkWithin(total.exact() ? total.value() : 4 * total.value());
        }
        String order = keyset == null ? orderBy : keyset.orderBy();
        List<T> rows = after
                ? afterRow(jdbc, select, from, countFrom, where, keyset, page.size() + 1, type)
                : jdbc.sql(pageSql(select, from, countFrom, where.sql(), order, " LIMIT :pageLimit OFFSET :pageOffset"))
                        .params(where.params())
                        .param("pageLimit", page.size() + 1)
                        .param("pageOffset", page.offset())
                        .query(type)
                        .list();
        boolean more = rows.size() > page.size();
        List<T> items = more ? new ArrayList<>(rows.subList(0, page.size())) : rows;
        if (!after && items.isEmpty() && page.page() > 1) {
            throw new InvalidFieldException("page", "page.beyondLast");
        }
        if (total == null && (after || more)) {
            total = count.get();
        }
        Long next = keyset != null && more ? keyset.idOf().applyAsLong(items.get(items.size() - 1)) : null;
        if (total == null || (!after && !more)) {
            // the last page read by its number: everything before it and on it is the whole list
            return new Paged<>(items, page.page(), page.size(), page.offset() + items.size(), true, next);
        }
        return new Paged<>(
                items, page.page(), page.size(), shown(total, page, items.size(), more, after), total.exact(), next);
    }

    /**
     * The page's statement: on the first table alone, ordered and cut, then joined, when the count
     * table is the first table of {@code from} (e.g. {@code student s}); else the plain statement.
     */
    private static String pageSql(
            String select, String from, String countFrom, String where, String order, String cut) {
        String[] table = countFrom.trim().split("\\s+");
        if (countFrom.equals(from) || table.length != 2 || !from.startsWith(countFrom + " ")) {
            return "SELECT " + select + " FROM " + from + where + " ORDER BY " + order + cut;
        }
        String alias = table[1];
        return "SELECT " + select + " FROM (SELECT " + alias + ".* FROM " + countFrom + where + " ORDER BY " + order
                + cut + ") " + alias + from.substring(countFrom.length()) + " ORDER BY " + order;
    }

    /** An estimate is raised to the rows already seen; the last OFFSET page knows the exact total. */
    private static long shown(ListTotals.Total total, PageQuery page, int items, boolean more, boolean after) {
        if (total.exact()) {
            return total.value();
        }
        long seen = page.offset() + items + (more ? 1 : 0);
        return !after && !more ? seen : Math.max(total.value(), seen);
    }

    /**
     * The rows after the cursor row, in the list's order: for columns (a, b, c), first those with
     * a and b equal to the cursor's and a later c, then those with a equal and a later b, then
     * those with a later a. Each step is plain equalities and one inequality, from which an index
     * on (a, b, c) starts exactly at the cursor; a row comparison (a, b, c) > (x, y, z) would not,
     * beside the scope's equality on the school (PostgreSQL then starts at the school's first row).
     */
    private static <T> List<T> afterRow(
            JdbcClient jdbc,
            String select,
            String from,
            String countFrom,
            Where where,
            Keyset<T> keyset,
            int limit,
            Class<T> type) {
        List<String> columns = keyset.columns();
        Object[] values = cursor(jdbc, from, where, keyset);
        List<T> rows = new ArrayList<>();
        for (int level = columns.size(); level >= 1 && rows.size() < limit; level--) {
            Map<String, Object> params = new HashMap<>(where.params());
            StringBuilder condition = new StringBuilder();
            for (int c = 0; c < level; c++) {
                boolean last = c == level - 1;
                condition
                        .append(" AND ")
                        .append(columns.get(c))
                        .append(!last ? " = " : keyset.descending() ? " < " : " > ")
                        .append(":keyset")
                        .append(c);
                params.put("keyset" + c, values[c]);
            }
            rows.addAll(jdbc.sql(pageSql(
                            select, from, countFrom, where.sql() + condition, keyset.orderBy(), " LIMIT :pageLimit"))
                    .params(params)
                    .param("pageLimit", limit - rows.size())
                    .query(type)
                    .list());
        }
        return rows;
    }

    /** The cursor row's values of the keyset columns, looked up within the list's scope; an unknown one is refused. */
    private static Object[] cursor(JdbcClient jdbc, String from, Where where, Keyset<?> keyset) {
        List<String> columns = keyset.columns();
        return jdbc.sql("SELECT " + String.join(", ", columns) + " FROM " + from + " WHERE " + where.base() + " AND "
                        + keyset.idColumn() + " = :keysetAfter")
                .params(where.params())
                .param("keysetAfter", keyset.after())
                .query((rs, i) -> {
                    Object[] row = new Object[columns.size()];
                    for (int c = 0; c < row.length; c++) {
                        row[c] = rs.getObject(c + 1);
                    }
                    return row;
                })
                .optional()
                .orElseThrow(() -> new InvalidFieldException("after", "page.afterUnknown"));
    }
}
