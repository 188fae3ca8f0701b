package org.craftline.platform.imports;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.craftline.platform.ImportKind.ImportRun;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Writes validated rows into a staging table inside the import's transaction: PostgreSQL COPY when
 * the database is PostgreSQL, batched inserts otherwise (H2). Rows are flushed in batches, never
 * all held in memory.
 *
 * <p>Ahead mode (a commit on PostgreSQL, for a kind that {@link ImportRun#createsAhead()}): each
 * batch is staged and its new records created by one worker thread, on the import's own
 * connection, while the caller validates the next batch, so the database works while the file is
 * read. At most one batch is in flight, so at most two are held. A batch is created ahead only
 * while {@code clean} says no row has been refused; a refusal later rolls every write back with the
 * transaction.
 */
final class StagingWriter implements AutoCloseable {

    static final int BATCH = 10_000;

    private final DataSource dataSource;
    private final String table;
    private final List<String> columns;
    private final String importKey;
    private List<Object[]> pending = new ArrayList<>(BATCH);
    private final CopyManager copy;
    private final ImportRun ahead;
    private final BooleanSupplier clean;
    private final JdbcClient connectionJdbc;
    private final ExecutorService worker;
    private Future<?> inFlight;

    /** {@code clean}: whether no row is refused so far; null for a dry run, which creates nothing ahead. */
    StagingWriter(DataSource dataSource, ImportRun run, String importKey, BooleanSupplier clean) throws SQLException {
        this.dataSource = dataSource;
        this.table = run.stagingTable();
        // the file row goes last: a row refused after staging is deleted by it (RowLedger)
        this.columns = java.util.stream.Stream.concat(
                        run.stagingColumns().stream(), java.util.stream.Stream.of("import_row"))
                .toList();
        this.importKey = importKey;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        // the driver's own connection: it serialises the worker's statements with the caller's; the
        // pool's wrapper around it is left to the caller's thread alone
        Connection driver =
                connection.isWrapperFor(PGConnection.class) ? (Connection) connection.unwrap(PGConnection.class) : null;
        this.copy = driver == null ? null : ((PGConnection) driver).getCopyAPI();
        boolean aheadMode = driver != null && clean != null && run.createsAhead();
        this.ahead = aheadMode ? run : null;
        this.clean = clean;
        this.connectionJdbc = aheadMode ? JdbcClient.create(new SingleConnectionDataSource(driver, true)) : null;
        this.worker = aheadMode ? Executors.newSingleThreadExecutor(r -> new Thread(r, "import-ahead")) : null;
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
        List<Object[]> batch = pending;
        pending = new ArrayList<>(BATCH);
        if (worker == null) {
            write(batch);
            return;
        }
        awaitInFlight();
        boolean create = clean.getAsBoolean();
        int first = fileRow(batch.get(0));
        int last = fileRow(batch.get(batch.size() - 1));
        inFlight = worker.submit(() -> {
            write(batch);
            if (create) {
                ahead.createAhead(connectionJdbc, first, last);
            }
            return null;
        });
    }

    private static int fileRow(Object[] row) {
        return (Integer) row[row.length - 1];
    }

    private void awaitInFlight() throws SQLException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            inFlight = null;
        }
    }

    private void write(List<Object[]> batch) throws SQLException {
        if (copy != null) {
            // one COPY a batch: the connection must stay free for the validation's own queries
            try {
                copy.copyIn(
                        "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)",
                        new StringReader(csv(batch)));
            } catch (IOException e) {
                throw new SQLException("staging copy failed", e);
            }
        } else {
            String marks = String.join(", ", columns.stream().map(c -> "?").toList());
            new JdbcTemplate(dataSource)
                    .batchUpdate(
                            "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")",
                            batch);
        }
    }

    /** Ends the load, waiting for the batch in flight; the rows are then visible to the merge. */
    @Override
    public void close() throws SQLException {
        try {
            flush();
            awaitInFlight();
        } finally {
            if (worker != null) {
                worker.shutdownNow();
            }
        }
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
