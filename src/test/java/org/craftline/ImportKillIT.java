package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.craftline.support.ImportFiles;
import org.craftline.support.PostgresCondition;
import org.craftline.support.TestDatabases;
import org.craftline.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * kill -9 in the middle of a large import leaves nothing of it committed: the application runs as
 * a child JVM on a throwaway PostgreSQL database, a student import of many rows goes to it over
 * loopback, the process is killed while the import's transaction has written rows, and the
 * database then holds none of them.
 */
@ExtendWith(PostgresCondition.class)
class ImportKillIT {

    static final int ROWS = 200_000;
    static final String PREFIX = "K";
    static final Duration START = Duration.ofSeconds(240);
    static final Duration WRITING = Duration.ofSeconds(120);

    @Test
    void killMinus9DuringALargeImportCommitsNothing() throws Exception {
        String database = "craftline_kill_" + System.currentTimeMillis();
        execute(admin(), "CREATE DATABASE " + database + " ENCODING 'UTF8' TEMPLATE template0");
        Process app = null;
        try {
            int port = freePort();
            app = start(database, port);
            awaitHealth(port, app);
            long before = count(database, "SELECT COUNT(*) FROM student");

            CompletableFuture<HttpResponse<String>> upload = importStudents(port);
            assertThat(awaitUncommittedWrites(database, upload))
                    .as("the import's transaction was seen writing student rows before it ended")
                    .isNotNull();
            app.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the application
            assertThat(app.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            assertThat(count(database, "SELECT COUNT(*) FROM student WHERE student_number LIKE '" + PREFIX + "%'"))
                    .isZero();
            assertThat(count(database, "SELECT COUNT(*) FROM student")).isEqualTo(before);
        } finally {
            if (app != null && app.isAlive()) {
                app.destroyForcibly().waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            }
            execute(admin(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static Process start(String database, int port) throws IOException {
        Path log = Path.of("target", "import-kill-app.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-cp",
                System.getProperty("java.class.path"),
                CraftlineApplication.class.getName());
        var env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", url(database));
        env.put("SPRING_DATASOURCE_USERNAME", TestDatabases.user());
        env.put("SPRING_DATASOURCE_PASSWORD", TestDatabases.password());
        env.put("CRAFTLINE_ADMIN_PASSWORD", TestUsers.PASSWORD);
        env.put("CRAFTLINE_DEMO_PASSWORD", TestUsers.PASSWORD);
        env.put(
                "CRAFTLINE_DATA_DIR",
                Path.of("target", "import-kill-data").toAbsolutePath().toString());
        env.put("CRAFTLINE_ADDRESS", "127.0.0.1");
        env.put("PORT", String.valueOf(port));
        return builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitHealth(int port, Process app) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline && app.isAlive()) {
            try {
                var answer = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the application did not start within " + START + " (alive: " + app.isAlive()
                + "); see target/import-kill-app.log");
    }

    private static CompletableFuture<HttpResponse<String>> importStudents(int port) {
        List<String> lines = ImportFiles.students(PREFIX, ROWS);
        String boundary = "----craftline" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"students.csv\""
                        + "\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        String basic = Base64.getEncoder()
                .encodeToString((TestUsers.SCHOOL_ADMIN + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/imports/students?dryRun=false"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(WRITING.plusSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail)))
                .build();
        return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Polls the server until a session of the application holds a transaction id (it has written
     * in a transaction not yet committed), or the upload ended first.
     */
    private static String awaitUncommittedWrites(String database, CompletableFuture<?> upload) throws Exception {
        long deadline = System.nanoTime() + WRITING.toNanos();
        try (Connection c = admin()) {
            while (System.nanoTime() < deadline && !upload.isDone()) {
                try (Statement s = c.createStatement();
                        // the application's other writers are not the import's transaction: the summaries'
                        // background refresh (its statements all name a summary_ table) and the import's
                        // history row, written in a short transaction of its own (ImportHistory); nor is any
                        // transaction caught at its COMMIT (that text names no table: the history's was seen so);
                        // the import's transaction holds an id from its start (its temporary staging table), so
                        // the statement looked for is the one that writes the students themselves
                        ResultSet rs = s.executeQuery("SELECT query FROM pg_stat_activity WHERE datname = '" + database
                                + "' AND backend_xid IS NOT NULL AND pid <> pg_backend_pid()"
                                + " AND query NOT LIKE '%summary\\_%' AND query NOT LIKE '%import\\_run%'"
                                + " AND query <> 'COMMIT' AND query LIKE '%INSERT INTO student (%'")) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
                Thread.sleep(20);
            }
        }
        return null;
    }

    private static long count(String database, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database), TestDatabases.user(), TestDatabases.password());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String url(String database) {
        String own = TestDatabases.url();
        int slash = own.lastIndexOf('/');
        int query = own.indexOf('?', slash);
        return own.substring(0, slash + 1) + database + (query < 0 ? "" : own.substring(query));
    }

    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(url("postgres"), TestDatabases.user(), TestDatabases.password());
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (c;
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
