package org.craftline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import org.craftline.support.PostgresCondition;
import org.craftline.support.PostgresInitializer;
import org.craftline.support.TestDatabases;
import org.craftline.support.TestUsers;
import org.craftline.support.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The database goes away under a running application (its connections are cut and no new one is
 * let in, as in a PostgreSQL restart) without touching the machine's server: the user gets a 503
 * page or problem response saying so in its language, and once the database lets connections in
 * again the next request works, without restarting the application.
 */
@ExtendWith(PostgresCondition.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "craftline.admin-password=" + TestUsers.PASSWORD,
            "craftline.demo.password=" + TestUsers.PASSWORD,
            "server.address=127.0.0.1",
            "craftline.data-dir=target/test-data",
            // an own pool, named so that only its connections are cut, that gives up waiting soon
            "spring.datasource.hikari.data-source-properties.ApplicationName=" + DatabaseOutageIT.APPLICATION,
            "spring.datasource.hikari.connection-timeout=2000",
            "spring.datasource.hikari.validation-timeout=1000"
        })
@ContextConfiguration(initializers = PostgresInitializer.class)
class DatabaseOutageIT {

    static final String APPLICATION = "craftline-outage-it";
    static final Duration RECOVERY = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void anOutageAnswers503InTheUsersLanguageAndTheApplicationRecoversByItself() throws Exception {
        WebClient page = WebClient.signedIn(port, TestUsers.STAFF);
        assertThat(api("zh").statusCode()).isEqualTo(200);
        assertThat(page.get("/organisation/classes").statusCode()).isEqualTo(200);

        String database;
        try (Connection own =
                DriverManager.getConnection(TestDatabases.url(), TestDatabases.user(), TestDatabases.password())) {
            database = database(own);
        }
        // a database cannot refuse connections from a session inside it: steer from the server's own
        try (Connection admin = DriverManager.getConnection(
                TestDatabases.url().replace("/" + database, "/postgres"),
                TestDatabases.user(),
                TestDatabases.password())) {
            try {
                cut(admin, database);

                HttpResponse<String> chinese = api("zh");
                assertThat(chinese.statusCode()).isEqualTo(503);
                assertThat(chinese.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(chinese.body()).contains("\"status\":503").contains("数据库暂时无法连接");
                assertThat(api("en").body()).contains("The database cannot be reached");

                HttpResponse<String> shown = page.get("/organisation/classes");
                assertThat(shown.statusCode()).isEqualTo(503);
                assertThat(shown.body()).contains("数据库暂时无法连接").doesNotContain("Exception");
            } finally {
                execute(admin, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
            }
        }

        assertThat(firstSuccess())
                .as("the API answers again within " + RECOVERY)
                .isEqualTo(200);
        assertThat(page.get("/organisation/classes").statusCode()).isEqualTo(200);
    }

    /** No new connection is let in, and the application's open ones are terminated. */
    private static void cut(Connection admin, String database) throws SQLException {
        execute(admin, "ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
        execute(
                admin,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                        + "' AND application_name = '" + APPLICATION + "'");
    }

    private int firstSuccess() throws Exception {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = api("zh").statusCode();
            if (status == 200) {
                return status;
            }
            Thread.sleep(500);
        }
        return status;
    }

    private HttpResponse<String> api(String language) throws Exception {
        String basic = Base64.getEncoder()
                .encodeToString((TestUsers.STAFF + ":" + TestUsers.PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/classes"))
                        .header("Authorization", "Basic " + basic)
                        .header("Accept-Language", language)
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String database(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                var rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
