package dev.hero.persistence.jooq;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the heroes are kept and how many connections may serve them.
 *
 * @param url      a JDBC URL: {@code jdbc:sqlite:FILE} (the embedded default) or {@code jdbc:postgresql://HOST:PORT/DB}
 * @param user     the database user, or empty to take it from the URL (SQLite has none)
 * @param password the password, or empty; never shown by {@link #toString()} or any log line
 * @param poolSize connections for reads and writes on PostgreSQL; on SQLite, read-only connections
 *                 beside the one write connection
 * @param timeout  the longest a read or write may wait for the database in total (a free connection, the SQLite
 *                 writer's queue, the statements, the commit and any rollback) before it fails as unavailable
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, Duration timeout) {

    public static final String DEFAULT_URL = "jdbc:sqlite:database.db";
    public static final int DEFAULT_POOL_SIZE = 10;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** HikariCP refuses to wait less for a connection. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(250);

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (url.isBlank()) {
            throw new IllegalArgumentException("The database URL is empty; the default is " + DEFAULT_URL);
        }
        url = url.strip();
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (poolSize < 1) {
            throw new IllegalArgumentException("The database pool size must be at least 1, was " + poolSize);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.compareTo(MIN_TIMEOUT) < 0) {
            throw new IllegalArgumentException("hero.db.timeout (HERO_DB_TIMEOUT) must be at least " + MIN_TIMEOUT.toMillis() + " ms, was "
                    + timeout.toMillis() + " ms");
        }
    }

    /** The default timeout. */
    public DatabaseSettings(String url, String user, String password, int poolSize) {
        this(url, user, password, poolSize, DEFAULT_TIMEOUT);
    }

    /** The given URL, no credentials beside it, the default pool size. */
    public static DatabaseSettings of(String url) {
        return new DatabaseSettings(url, "", "", DEFAULT_POOL_SIZE);
    }

    /** The embedded default: the SQLite file {@code database.db} in the working directory. */
    public static DatabaseSettings defaults() {
        return of(DEFAULT_URL);
    }

    /** Credentials stay out: the URL's secret parameters, the user and the password show as {@code ***}. */
    @Override
    public String toString() {
        return "DatabaseSettings[url=" + JdbcUrls.redact(url)
                + ", user=" + (user.isEmpty() ? "" : JdbcUrls.REDACTED)
                + ", password=" + (password.isEmpty() ? "" : JdbcUrls.REDACTED)
                + ", poolSize=" + poolSize + ", timeout=" + timeout.toMillis() + "ms]";
    }
}
