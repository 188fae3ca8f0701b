package org.craftline.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private int schoolColumn;
    private int regionColumn = -1;
    private int pathColumn = -1;

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        if (table.equalsIgnoreCase("region")) {
            pathColumn = position(conn, schema, table, "path");
            return;
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
        Object before = oldRow == null ? null : oldRow[schoolColumn];
        Object after = newRow == null ? null : newRow[schoolColumn];
        log(conn, before);
        if (!Objects.equals(before, after)) {
            log(conn, after);
        }
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
