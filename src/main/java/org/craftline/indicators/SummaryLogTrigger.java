package org.craftline.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * The summaries' change log on H2 (migration h2/V51): logs the school of a changed row, before and
 * after the change, in the writing transaction. H2 has no transition tables, so this fires per row
 * and inserts one log row per changed row (a refresh reads the distinct schools). On the school table, a school created or deleted and a change of region count; on
 * the region table, a change of path logs every school summarised under the old path (h2/V57).
 * PostgreSQL does the same with statement-level triggers in SQL (postgresql/V51, V57).
 */
public class SummaryLogTrigger implements Trigger {

    /**
     * The columns the summaries read of a table whose other columns change often (postgresql/V85, V99): an
     * update that changes none of them is not logged. A table not named here logs every change.
     */
    static final java.util.Map<String, List<String>> COUNTED = java.util.Map.of(
            "follow_up_round", List.of("school_id", "graduation_year", "follow_up"),
            "follow_up_request", List.of("school_id", "round_id", "answered_at", "satisfaction"),
            "employer_survey", List.of("school_id", "graduation_year"),
            "employer_rating", List.of("school_id", "survey_id", "answered_at", "skills", "attitude", "hire_again"),
            "aid_disbursement", List.of("school_id", "student_id", "term", "kind", "amount"));

    private int schoolColumn;
    private int regionColumn = -1;
    private int pathColumn = -1;
    private int[] counted = new int[0];

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        if (table.equalsIgnoreCase("region")) {
            pathColumn = position(conn, schema, table, "path");
            return;
        }
        List<String> columns = COUNTED.getOrDefault(table.toLowerCase(java.util.Locale.ROOT), List.of());
        counted = new int[columns.size()];
        for (int i = 0; i < counted.length; i++) {
            counted[i] = position(conn, schema, table, columns.get(i));
        }
        boolean school = table.equalsIgnoreCase("school");
        schoolColumn = position(conn, schema, table, school ? "id" : "school_id");
        if (school) {
            regionColumn = position(conn, schema, table, "region_id");
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (pathColumn >= 0) {
            if (oldRow != null && newRow != null && !Objects.equals(oldRow[pathColumn], newRow[pathColumn])) {
                try (PreparedStatement p = conn.prepareStatement("INSERT INTO summary_change (school_id)"
                        + " SELECT school_id FROM summary_region_school WHERE region_path = ?")) {
                    p.setObject(1, oldRow[pathColumn]);
                    p.executeUpdate();
                }
            }
            return;
        }
        if (regionColumn >= 0
                && oldRow != null
                && newRow != null
                && Objects.equals(oldRow[regionColumn], newRow[regionColumn])) {
            return;
        }
        if (oldRow != null && newRow != null && counted.length > 0 && sameCounted(oldRow, newRow)) {
            return;
        }
        Object before = oldRow == null ? null : oldRow[schoolColumn];
        Object after = newRow == null ? null : newRow[schoolColumn];
        log(conn, before);
        if (!Objects.equals(before, after)) {
            log(conn, after);
        }
    }

    private boolean sameCounted(Object[] oldRow, Object[] newRow) {
        for (int column : counted) {
            if (!Objects.equals(oldRow[column], newRow[column])) {
                return false;
            }
        }
        return true;
    }

    private static void log(Connection conn, Object schoolId) throws SQLException {
        if (schoolId == null) {
            return;
        }
        try (PreparedStatement p = conn.prepareStatement("INSERT INTO summary_change (school_id) VALUES (?)")) {
            p.setObject(1, schoolId);
            p.executeUpdate();
        }
    }

    private static int position(Connection conn, String schema, String table, String column) throws SQLException {
        try (ResultSet rs = conn.getMetaData().getColumns(null, schema, table, column)) {
            if (!rs.next()) {
                throw new SQLException("no column " + column + " in " + table);
            }
            return rs.getInt("ORDINAL_POSITION") - 1;
        }
    }
}
