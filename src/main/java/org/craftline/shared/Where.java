package org.craftline.shared;

import java.util.HashMap;
import java.util.Map;

/** A WHERE clause built from optional filters: a condition is added only when its value is given. */
public final class Where {

    private final String base;
    private final StringBuilder sql;
    private final Map<String, Object> params;

    private Where(String condition, Map<String, ?> params) {
        this.base = condition;
        this.sql = new StringBuilder(" WHERE ").append(condition);
        this.params = new HashMap<>(params);
    }

    /** Starts with a condition that always applies, such as the tenancy scope. */
    public static Where of(String condition, Map<String, ?> params) {
        return new Where(condition, params);
    }

    public Where and(String condition, String name, Object value) {
        if (value != null && !(value instanceof String s && s.isBlank())) {
            sql.append(" AND ").append(condition);
            params.put(name, value instanceof String s ? s.trim() : value);
        }
        return this;
    }

    /** Binds a parameter that the select list uses rather than a condition, such as the reader's school. */
    public Where param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** Adds a condition without a parameter when asked to, such as "only those at risk". */
    public Where andIf(boolean wanted, String condition) {
        if (wanted) {
            sql.append(" AND ").append(condition);
        }
        return this;
    }

    /** Case-insensitive substring match of the text on any of the given columns. */
    public Where contains(String text, String... columns) {
        if (text == null || text.isBlank()) {
            return this;
        }
        StringBuilder any = new StringBuilder();
        for (String column : columns) {
            any.append(any.isEmpty() ? "" : " OR ")
                    .append("LOWER(")
                    .append(column)
                    .append(") LIKE :contains");
        }
        sql.append(" AND (").append(any).append(')');
        params.put("contains", "%" + escapeLike(text.trim().toLowerCase()) + "%");
        return this;
    }

    /** The condition the clause started with (the tenancy scope), without the filters. */
    public String base() {
        return base;
    }

    public String sql() {
        return sql.toString();
    }

    public Map<String, Object> params() {
        return params;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
