package dev.hero.persistence.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * PostgreSQL, for running several instances over one database: a HikariCP pool, each write its own
 * transaction. PostgreSQL's row locks keep concurrent single-statement updates whole; a commit
 * returns once it is durable (with the server's default {@code synchronous_commit=on}).
 *
 * <p>Each call has one deadline, the database timeout from its start: the wait for a pooled connection, then every
 * statement, the commit and any rollback on that one connection, each with the socket's timeout set to what is
 * left. A rollback never waits for a connection of its own. A commit cut off by a lost connection may or may not
 * have been made on the server: it fails as {@linkplain Unavailability#commitCutOff outcome unknown}.
 */
final class PostgresStore implements Store {

    /** The connection's socket timeout can only be set with an executor; the PostgreSQL driver does not use it. */
    private static final Executor UNUSED = Runnable::run;
    private static final int MIN_SOCKET_TIMEOUT_MILLIS = 50;

    private final String url;
    private final Gate gate = new Gate("PostgreSQL");
    private final HikariDataSource pool;
    private final Settings settings;
    private final Duration timeout;

    private PostgresStore(String url, HikariDataSource pool, Settings settings, Duration timeout) {
        this.url = url;
        this.pool = pool;
        this.settings = settings;
        this.timeout = timeout;
    }

    /** Opens the pool (failing at once when the server does not answer), then migrates. */
    static PostgresStore open(DatabaseSettings settings, Settings jooqSettings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hero-postgresql");
        config.setJdbcUrl(settings.url());
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.timeout().toMillis());
        config.setValidationTimeout(Readiness.validationTimeout(settings.timeout()).toMillis());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            // the driver's own words say what is wrong (refused, unknown host, authentication failed) and what to check
            Throwable cause = e.getCause() instanceof SQLException driver ? driver : e;
            throw new IllegalStateException("Cannot connect to PostgreSQL at " + JdbcUrls.redact(settings.url()) + ": "
                    + cause.getMessage(), e);
        }
        try {
            Migrations.apply(pool, Migrations.POSTGRESQL);
            return new PostgresStore(settings.url(), pool, jooqSettings, settings.timeout());
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public <T> T read(Function<DSLContext, T> query) {
        return gate.pass(() -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            try (Connection connection = borrow(deadline)) {
                return query.apply(DSL.using(connection, SQLDialect.POSTGRES, settings));
            } catch (SQLException e) {
                throw new DataAccessException("Could not read: " + e.getMessage(), e);
            }
        });
    }

    /** Prepared afresh on each call: the driver keeps the statement on the server once this connection has run it a few times. */
    @Override
    public <T> T query(String sql, Parameters parameters, Rows<T> read) {
        return gate.pass(() -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            try (Connection connection = borrow(deadline); PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    return read.from(rows);
                }
            } catch (SQLException e) {
                throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
            }
        });
    }

    @Override
    public <T> T writeQuery(String sql, Parameters parameters, Rows<T> read) {
        return write(dsl -> dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    return read.from(rows);
                }
            }
        }));
    }

    @Override
    public <T> T write(Function<DSLContext, T> statements) {
        return gate.pass(() -> {
            long deadline = System.nanoTime() + timeout.toNanos();
            try (Connection connection = borrow(deadline)) {
                return inTransaction(connection, deadline, statements);
            } catch (SQLException e) {
                throw new DataAccessException("Could not write: " + e.getMessage(), e);
            }
        });
    }

    private <T> T inTransaction(Connection connection, long deadline, Function<DSLContext, T> statements) throws SQLException {
        connection.setAutoCommit(false);
        T result;
        try {
            result = statements.apply(DSL.using(connection, SQLDialect.POSTGRES, settings));
        } catch (RuntimeException | Error e) {
            rollbackQuietly(connection, deadline);
            throw e;
        }
        try {
            limitTo(connection, deadline);
            connection.commit();
        } catch (SQLException e) {
            if (Unavailability.isPassing(e)) {
                throw Unavailability.commitCutOff(e);
            }
            rollbackQuietly(connection, deadline);
            throw e;
        }
        return result;
    }

    /** A pooled connection within what is left of the deadline, its socket reads limited to the rest. */
    private Connection borrow(long deadline) throws SQLException {
        Connection connection = ((HikariPool) pool.getHikariPoolMXBean()).getConnection(millisLeft(deadline));
        try {
            limitTo(connection, deadline);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    private static void limitTo(Connection connection, long deadline) throws SQLException {
        connection.setNetworkTimeout(UNUSED, (int) Math.max(MIN_SOCKET_TIMEOUT_MILLIS, millisLeft(deadline)));
    }

    /** Within the same deadline, on the same connection: a lost connection fails at once. */
    private static void rollbackQuietly(Connection connection, long deadline) {
        try {
            limitTo(connection, deadline);
            connection.rollback();
        } catch (SQLException alreadyGone) {
            // The transaction ends with its connection; HikariCP discards a broken one.
        }
    }

    private static long millisLeft(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    @Override
    public boolean isReachable(Duration timeout) {
        return !gate.isClosed() && Readiness.answersWithin(pool, timeout);
    }

    @Override
    public String describe() {
        return "PostgreSQL " + JdbcUrls.redact(url) + " (pool of " + pool.getMaximumPoolSize() + " connections)";
    }

    /** Transactions in flight finish first: HikariCP would abort them on close. */
    @Override
    public void close() {
        gate.close(CLOSE_PATIENCE);
        pool.close();
    }
}
