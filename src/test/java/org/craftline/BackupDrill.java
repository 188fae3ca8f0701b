package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.craftline.support.TestDatabases;
import org.craftline.support.TestUsers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** What both backup drills do: run the ops scripts, start Craftline on a copy, export over HTTP. */
final class BackupDrill {

    private BackupDrill() {}

    /** Runs an ops script; {@code jdbcUrl} null for an installation on the embedded H2. */
    static void run(String script, Path backup, Path data, String jdbcUrl) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", script, backup.toString())
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "backup-drill.log").toFile());
        builder.environment().put("CRAFTLINE_DATA_DIR", data.toString());
        if (jdbcUrl != null) {
            builder.environment().put("CRAFTLINE_PG_URL", libpq(jdbcUrl));
        }
        builder.environment().put("PGPASSWORD", TestDatabases.password());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(script + " ends").isTrue();
        assertThat(process.exitValue())
                .as(script + ": " + Files.readString(Path.of("target", "backup-drill.log")))
                .isZero();
    }

    /** jdbc:postgresql://host:port/db → postgresql://user@host:port/db. */
    private static String libpq(String jdbcUrl) {
        return jdbcUrl.replaceFirst("^jdbc:postgresql://", "postgresql://" + TestDatabases.user() + "@");
    }

    static byte[] export(int port, String kind) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((TestUsers.ADMIN + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/exports/" + kind + "?format=csv"))
                .header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(60))
                .build();
        HttpResponse<byte[]> response =
                HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode())
                .as(kind + " " + response.headers().map() + " " + new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return response.body();
    }

    /** Every file under a data directory with its bytes' hash, but uploads waiting for an import. */
    static Map<String, Integer> filesOf(Path dir) throws Exception {
        Map<String, Integer> files = new java.util.TreeMap<>();
        try (var walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(file).toString();
                if (!name.startsWith("uploads") && !name.endsWith(".mv.db") && !name.endsWith(".trace.db")) {
                    files.put(name, java.util.Arrays.hashCode(Files.readAllBytes(file)));
                }
            }
        }
        return files;
    }

    /** Craftline on a data directory, with the tests' passwords; more arguments name a database. */
    static ConfigurableApplicationContext start(Path data, String... database) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--craftline.data-dir=" + data,
                // as the tests' own installation starts: a demo already loaded is left as it is
                "--craftline.admin-password=" + TestUsers.PASSWORD,
                "--craftline.demo.password=" + TestUsers.PASSWORD,
                "--server.port=0",
                "--server.address=127.0.0.1"));
        args.addAll(List.of(database));
        // arguments, not default properties: those would lose to application.yml's embedded database
        return new SpringApplicationBuilder(CraftlineApplication.class).run(args.toArray(String[]::new));
    }

    /** Every kind's CSV export, as the operator sees it. */
    static Map<String, byte[]> exports(int port, Stream<String> kinds) {
        Map<String, byte[]> all = new java.util.LinkedHashMap<>();
        kinds.forEach(kind -> {
            try {
                all.put(kind, export(port, kind));
            } catch (Exception e) {
                throw new IllegalStateException(kind, e);
            }
        });
        return all;
    }
}
