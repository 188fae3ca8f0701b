package org.craftline.platform.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.craftline.platform.ImportKind.EarlyWrites;
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
 * <p>On PostgreSQL a batch is copied by a thread of its own while the next batch is read and
 * validated, so the server's work on one overlaps the client's on the other; at most one batch is
 * in flight and one being filled. A query the validation issues meanwhile waits for the batch's
 * COPY: pgjdbc locks the connection for a COPY and makes other threads wait for it.
 *
 * <p>Given the kind's {@link EarlyWrites}, a batch is copied into its batch table and written by
 * it on the same thread, right after its COPY: the new records of the file are then written while
 * the rest of it is read.
 */
final class StagingWriter implements AutoCloseable {

    static final int BATCH = 10_000;

    private final DataSource dataSource;
    private final String table;
    private final List<String> columns;
    private final String importKey;
    private final List<Object[]> pending = new ArrayList<>(BATCH);
    private final CopyManager copy;
    private final ExecutorService copier;
    private final EarlyWrites early;
    private final JdbcClient onConnection;
    private Future<?> inFlight;
    /** Records the early writes created; read after {@link #close()} (the copier's future orders it). */
    private long created;

    StagingWriter(DataSource dataSource, String table, List<String> columns, String importKey) throws SQLException {
        this(dataSource, table, columns, importKey, null);
    }

    /** @param early the kind's early writes, or null; used on PostgreSQL only */
    StagingWriter(DataSource dataSource, String table, List<String> columns, String importKey, EarlyWrites early)
            throws SQLException {
        this.dataSource = dataSource;
        // the file row goes last: a row refused after staging is deleted by it (RowLedger)
        this.columns = java.util.stream.Stream.concat(columns.stream(), java.util.stream.Stream.of("import_row"))
                .toList();
        this.importKey = importKey;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        this.copy = connection.isWrapperFor(PGConnection.class)
                ? connection.unwrap(PGConnection.class).getCopyAPI()
                : null;
        this.copier = copy == null ? null : Executors.newSingleThreadExecutor(StagingWriter::copierThread);
        this.early = copy == null ? null : early;
        this.table = this.early == null ? table : this.early.batchTable();
        // the copying thread has no transaction bound to it: its statements must name the connection.
        // They go to the driver's connection, as the COPY does: pgjdbc makes one thread wait for the
        // other's statement, where a pool's wrapper keeps lists of open statements for one thread only
        this.onConnection = this.early == null
                ? null
                : JdbcClient.create(
                        new SingleConnectionDataSource((Connection) connection.unwrap(PGConnection.class), true));
    }

    /** The records the early writes created (0 without them); once closed. */
    long created() {
        return created;
    }

    private static Thread copierThread(Runnable task) {
        Thread thread = new Thread(task, "import-staging-copy");
        thread.setDaemon(true);
        return thread;
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
            // the batch's text is made here, while the batch before it is copied and written: the
            // copier then sends it at once, and the server does not wait for the formatting
            byte[] text = csv(pending).getBytes(StandardCharsets.UTF_8);
            awaitInFlight();
            // one COPY a batch: between batches the connection is free for the validation's queries
            inFlight = copier.submit(() -> {
                copyIn(text);
                if (early != null) {
                    created += early.write(onConnection);
                }
                return null;
            });
        } else {
            String marks = String.join(", ", columns.stream().map(c -> "?").toList());
            new JdbcTemplate(dataSource)
                    .batchUpdate(
                            "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + marks + ")",
                            pending);
        }
        pending.clear();
    }

    private void copyIn(byte[] text) throws SQLException, IOException {
        copy.copyIn(
                "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN WITH (FORMAT csv)",
                new ByteArrayInputStream(text));
    }

    private void awaitInFlight() throws SQLException {
        if (inFlight == null) {
            return;
        }
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("staging copy interrupted", e);
        } catch (ExecutionException e) {
            throw new SQLException("staging copy failed", e.getCause());
        } finally {
            inFlight = null;
        }
    }

    /**
     * Drops the rows not yet sent, so that {@link #close()} only waits for the batch in flight: the
     * pass gives up, and what it wrote is rolled back.
     */
    void abandon() {
        pending.clear();
    }

    /** Ends the load; the rows are then visible to the merge in the same transaction. */
    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            try {
                awaitInFlight();
            } finally {
                if (copier != null) {
                    copier.shutdown();
                }
            }
        }
    }

    static String csv(List<Object[]> rows) {
        StringBuilder out = new StringBuilder(rows.size() * 120);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                if (row[i] != null) {
                    String text = row[i].toString();
                    out.append('"');
                    out.append(text.replace("\"", "\"\""));
                    out.append('"');
                }
            }
            out.append('\n');
        }
        return out.toString();
    }
}
