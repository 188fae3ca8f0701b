package org.craftline.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The PostgreSQL database of this test run: created on the server named by
 * {@code CRAFTLINE_TEST_PG_URL} (default the local server) and dropped when the JVM exits.
 */
public final class TestDatabases {

    static final String ADMIN_URL = env("CRAFTLINE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = env("CRAFTLINE_TEST_PG_USER", "postgres");
    static final String PASSWORD = env("CRAFTLINE_TEST_PG_PASSWORD", "");

    private static String url;
    private static String failure;

    private TestDatabases() {}

    /** Whether a PostgreSQL server answers; the reason it does not is in {@link #failure()}. */
    public static synchronized boolean available() {
        if (url == null && failure == null) {
            create();
        }
        return url != null;
    }

    public static synchronized String url() {
        if (!available()) {
            throw new IllegalStateException("PostgreSQL is not available: " + failure);
        }
        return url;
    }

    public static String user() {
        return USER;
    }

    public static String password() {
        return PASSWORD;
    }

    static String failure() {
        return failure;
    }

    private static void create() {
        try {
            url = fresh();
        } catch (SQLException e) {
            failure = e.getMessage();
        }
    }

    /**
     * Another database of this run, for a test whose writes would change what the shared one's
     * tests assert (dropped at exit as the shared one is).
     */
    public static synchronized String another() {
        if (!available()) {
            throw new IllegalStateException("PostgreSQL is not available: " + failure);
        }
        try {
            return fresh();
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database: " + e.getMessage(), e);
        }
    }

    private static String fresh() throws SQLException {
        String name = "craftline_test_" + System.currentTimeMillis() + "_"
                + ThreadLocalRandom.current().nextInt(1000, 9999);
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(name), "drop-" + name));
        int slash = ADMIN_URL.lastIndexOf('/');
        int query = ADMIN_URL.indexOf('?', slash);
        return ADMIN_URL.substring(0, slash + 1) + name + (query < 0 ? "" : ADMIN_URL.substring(query));
    }

    private static void drop(String name) {
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("Could not drop test database " + name + ": " + e.getMessage());
        }
    }

    private static Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", USER);
        props.setProperty("password", PASSWORD);
        props.setProperty("connectTimeout", "3");
        return DriverManager.getConnection(ADMIN_URL, props);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
