package dev.hero.persistence.jooq.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server for tests, shared by every module's tests (hero-persistence-jooq's test-jar):
 * each test class gets a schema of its own, so classes never see each other's rows.
 *
 * <pre>{@code
 * @BeforeAll static void open() { url = PostgresTestDatabase.freshSchemaUrl(); ... }
 * @AfterAll  static void drop() { PostgresTestDatabase.dropSchema(url); }
 * }</pre>
 *
 * <p>The server is {@value #DEFAULT_URL} unless the environment variable {@value #URL_VARIABLE} names
 * another. When it does not answer, the calling test is skipped with the reason, or fails when the
 * environment variable {@code CI} is {@code true}: CI must never pass by skipping PostgreSQL.
 */
public final class PostgresTestDatabase {

    public static final String URL_VARIABLE = "HERO_TEST_PG_URL";
    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";

    private static final int CONNECT_TIMEOUT_SECONDS = 3;
    private static final Pattern CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=(hero_test_[0-9a-f]+)");
    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*");

    /** Why the server did not answer, once it was tried; empty when it answered. */
    private static String unreachableBecause;

    private PostgresTestDatabase() {
    }

    /** The test server's JDBC URL: {@value #URL_VARIABLE}, or {@value #DEFAULT_URL}. */
    public static String serverUrl() {
        String configured = System.getenv(URL_VARIABLE);
        return configured == null || configured.isBlank() ? DEFAULT_URL : configured.strip();
    }

    /**
     * Creates an empty schema named {@code hero_test_<random>} and returns the server URL with
     * {@code currentSchema} set to it, so Flyway and unqualified SQL work in that schema alone.
     * Skips the calling test (or fails it under {@code CI=true}) when the server does not answer.
     */
    public static String freshSchemaUrl() {
        requireServer();
        String schema = "hero_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute(serverUrl(), "CREATE SCHEMA " + schema);
        String server = serverUrl();
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schema a {@link #freshSchemaUrl()} made, with everything in it. Does nothing for {@code null}. */
    public static void dropSchema(String schemaUrl) {
        if (schemaUrl == null) {
            return;
        }
        Matcher schema = CURRENT_SCHEMA.matcher(schemaUrl);
        if (!schema.find()) {
            throw new IllegalArgumentException("Not a URL from freshSchemaUrl(): " + redact(schemaUrl));
        }
        execute(serverUrl(), "DROP SCHEMA IF EXISTS " + schema.group(1) + " CASCADE");
    }

    /** Skips the calling test, or fails it when {@code CI=true}, unless the test server answers. */
    public static synchronized void requireServer() {
        if (unreachableBecause == null) {
            unreachableBecause = tryToConnect();
        }
        if (unreachableBecause.isEmpty()) {
            return;
        }
        String where = "PostgreSQL at " + redact(serverUrl()) + " is unreachable (" + unreachableBecause + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(where + ". CI=true, so the PostgreSQL tests fail instead of being skipped: "
                    + "start the server or point " + URL_VARIABLE + " at one.");
        }
        Assumptions.abort(where + ": PostgreSQL tests skipped. Start the server or set " + URL_VARIABLE
                + " to run them; with CI=true this is a failure.");
    }

    private static String tryToConnect() {
        try (Connection connection = connect(serverUrl())) {
            return connection.isValid(CONNECT_TIMEOUT_SECONDS) ? "" : "the connection did not answer";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    private static void execute(String url, String sql) {
        try (Connection connection = connect(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + redact(url) + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        Properties timeouts = new Properties();
        timeouts.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        timeouts.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
        return DriverManager.getConnection(url, timeouts);
    }

    private static String redact(String url) {
        return PASSWORD.matcher(url).replaceAll("$1***");
    }
}
