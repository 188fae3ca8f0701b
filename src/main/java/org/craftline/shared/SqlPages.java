package org.craftline.shared;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Runs a list query as one page plus its total count: the shape of every list page and API. */
public final class SqlPages {

    private SqlPages() {}

    /**
     * @param select the select list, e.g. {@code "c.id, c.name"}
     * @param from the FROM clause with its joins
     */
    public static <T> Paged<T> fetch(
            JdbcClient jdbc, String select, String from, Where where, String orderBy, PageQuery page, Class<T> type) {
        long total = jdbc.sql("SELECT COUNT(*) FROM " + from + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        page.checkWithin(total);
        var items = jdbc.sql("SELECT " + select + " FROM " + from + where.sql() + " ORDER BY " + orderBy
                        + " LIMIT :pageLimit OFFSET :pageOffset")
                .params(where.params())
                .param("pageLimit", page.size())
                .param("pageOffset", page.offset())
                .query(type)
                .list();
        return new Paged<>(items, page.page(), page.size(), total);
    }
}
