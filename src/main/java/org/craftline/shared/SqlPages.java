package org.craftline.shared;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * @param countFrom the FROM clause the total is counted on: {@code from} without the joins that
     *     only the select list needs (it must hold every alias of the WHERE clause)
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
        boolean after = keyset != null && keyset.after() != null;
        if (keyset != null && !after && page.offset() > ListTotals.cap()) {
            throw new InvalidFieldException("page", "page.useNext");
        }
        ListTotals.Total total = ListTotals.count(jdbc, countFrom, where.sql(), where.params());
        if (!after) {
            page.checkWithin(total.exact() ? total.value() : 4 * total.value());
        }
        Map<String, Object> params = new HashMap<>(where.params());
        String condition = after ? keysetCondition(jdbc, from, where, keyset, params) : "";
        String order = keyset == null ? orderBy : keyset.orderBy();
        List<T> rows = jdbc.sql("SELECT " + select + " FROM " + from + where.sql() + condition + " ORDER BY " + order
                        + " LIMIT :pageLimit" + (after ? "" : " OFFSET :pageOffset"))
                .params(params)
                .param("pageLimit", page.size() + 1)
                .param("pageOffset", page.offset())
                .query(type)
                .list();
        boolean more = rows.size() > page.size();
        List<T> items = more ? new ArrayList<>(rows.subList(0, page.size())) : rows;
        if (!after && !total.exact() && items.isEmpty() && page.page() > 1) {
            throw new InvalidFieldException("page", "page.beyondLast");
        }
        Long next = keyset != null && more ? keyset.idOf().applyAsLong(items.get(items.size() - 1)) : null;
        return new Paged<>(
                items,
                page.page(),
                page.size(),
                shown(total, page, items.size(), more, after),
                total.exact() || (!after && !more),
                next);
    }

    /** An estimate is raised to the rows already seen; the last OFFSET page knows the exact total. */
    private static long shown(ListTotals.Total total, PageQuery page, int items, boolean more, boolean after) {
        if (total.exact()) {
            return total.value();
        }
        long seen = page.offset() + items + (more ? 1 : 0);
        return !after && !more ? seen : Math.max(total.value(), seen);
    }

    /** The row the page starts after, looked up within the list's scope; an unknown one is refused. */
    private static String keysetCondition(
            JdbcClient jdbc, String from, Where where, Keyset<?> keyset, Map<String, Object> params) {
        List<String> columns = keyset.columns();
        Object[] values = jdbc.sql("SELECT " + String.join(", ", columns) + " FROM " + from + " WHERE " + where.base()
                        + " AND " + keyset.idColumn() + " = :keysetAfter")
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
        List<String> names = new ArrayList<>();
        for (int c = 0; c < values.length; c++) {
            names.add(":keyset" + c);
            params.put("keyset" + c, values[c]);
        }
        return " AND (" + String.join(", ", columns) + ") " + (keyset.descending() ? "<" : ">") + " ("
                + String.join(", ", names) + ")";
    }
}
