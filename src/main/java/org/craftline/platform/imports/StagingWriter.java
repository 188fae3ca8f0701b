package org.craftline.platform.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Writes validated rows into a staging table inside the import's transaction: PostgreSQL COPY when
 * the database is PostgreSQL, batched inserts otherwise (H2). Rows are flushed in batches, never
 * all held in memory.
 */
final class StagingWriter implements AutoCloseable {

    static final int BATCH = 10_000;

    private final DataSource dataSource;
    private final String table;
    private final List<String> columns;
    private final String importKey;
    private final List<Object[]> pending = new ArrayList<>(BATCH);
    private final CopyManager copy;

    StagingWriter(DataSource dataSource, String table, List<String> columns, String importKey) throws SQLException {
        this.dataSource = dataSource;
        this.table = table;
        // the file row goes last: a row refused after staging is deleted by it (RowLedger)
        this.columns = java.util.stream.Stream.concat(columns.stream(), java.util.stream.Stream.of("import_row"))
                .toList();
        this.importKey = importKey;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        this.copy = connection.isWrapperFor(PGConnection.class)
                ? connection.unwrap(PGConnection.class).getCopyAPI()
                : null;
    }

    void add(Object[] values, int fileRow) throws SQLException {
        Object[] row = new Object[values.length + 2];
        row[0] = importKey;
        System.arraycopy(values, 0, row, 1, values.length);
        row[values.length + 1] = fileRow;
        pending.add(row);
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    private void flush() throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        if (copy != null) {
            // one COPY a batch: the connection must stay free for the validation's own queries
            try {
                copy.copyIn(
                        "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)",
                        new StringReader(csv(pending)));
            } catch (IOException e) {
                throw new SQLException("staging copy failed", e);
            }
        } else {
            String marks = String.join(", ", columns.stream().map(c -> "?").toList());
            new JdbcTemplate(dataSource)
                    .batchUpdate(
                            "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")",
                            pending);
        }
        pending.clear();
    }

    /** Ends the load; the rows are then visible to the merge in the same transaction. */
    @Override
    public void close() throws SQLException {
        flush();
    }

    static String csv(List<Object[]> rows) {
        StringWriter out = new StringWriter(rows.size() * 120);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                if (row[i] != null) {
                    String text = row[i].toString();
                    out.write('"');
                    out.write(text.replace("\"", "\"\""));
                    out.write('"');
                }
            }
            out.write('\n');
        }
        return out.toString();
    }
}
