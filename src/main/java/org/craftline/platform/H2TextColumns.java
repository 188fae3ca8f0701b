package org.craftline.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * On H2 only: VARCHAR(n) there counts UTF-16 chars, so a name of n rare characters (CJK Extension B,
 * two chars each) that PostgreSQL and the application's code-point limits accept would not fit. After
 * each migration every text column not yet widened gets twice its length, and a comment remembers the
 * widened length so a restart changes nothing; the application's checks keep the limit in code points.
 */
@Component
class H2TextColumns implements Callback {

    private static final String MARK = "utf16:";
    private static final String NARROW = """
            SELECT c.table_name, c.column_name, c.character_maximum_length FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = CURRENT_SCHEMA AND UPPER(t.table_type) = 'BASE TABLE'
              AND UPPER(c.data_type) = 'CHARACTER VARYING' AND c.table_name <> 'flyway_schema_history'
              AND c.character_maximum_length < 500000000
              AND (c.remarks IS NULL OR c.remarks <> CONCAT('%s', CAST(c.character_maximum_length AS VARCHAR(12))))
            """.formatted(MARK);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        try {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                for (String[] column : narrow(statement)) {
                    widen(statement, column[0], column[1], 2 * Integer.parseInt(column[2]));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not widen H2 text columns", e);
        }
    }

    private static List<String[]> narrow(Statement statement) throws SQLException {
        List<String[]> columns = new ArrayList<>();
        try (var rows = statement.executeQuery(NARROW)) {
            while (rows.next()) {
                columns.add(new String[] {rows.getString(1), rows.getString(2), rows.getString(3)});
            }
        }
        return columns;
    }

    private static void widen(Statement statement, String table, String column, int length) throws SQLException {
        String target = '"' + table + "\".\"" + column + '"';
        statement.execute(
                "ALTER TABLE \"" + table + "\" ALTER COLUMN \"" + column + "\" SET DATA TYPE VARCHAR(" + length + ")");
        statement.execute("COMMENT ON COLUMN " + target + " IS '" + MARK + length + "'");
    }

    @Override
    public String getCallbackName() {
        return "h2-text-columns";
    }
}
