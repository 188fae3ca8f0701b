package org.craftline.indicators;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * The summaries' change log on H2 (migration h2/V51): logs the school of a changed row, before and
 * after the change, in the writing transaction. H2 has no transition tables, so this fires per row;
 * MERGE keeps one log row per school, and its row lock orders it with a refresh that is deleting
 * the same row. On the school table, only a change of region counts. PostgreSQL does the same with
 * statement-level triggers in SQL (postgresql/V51).
 */
public class SummaryLogTrigger implements Trigger {

    private int schoolColumn;
    private int regionColumn = -1;

    @Override
    public void init(Connection conn, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        boolean school = table.equalsIgnoreCase("school");
        schoolColumn = position(conn, schema, table, school ? "id" : "school_id");
        if (school) {
            regionColumn = position(conn, schema, table, "region_id");
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
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
