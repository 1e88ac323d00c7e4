package dev.hero.persistence.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Function;

/**
 * PostgreSQL, for running several instances over one database: a HikariCP pool, each write its own
 * transaction. PostgreSQL's row locks keep concurrent single-statement updates whole; a commit
 * returns once it is durable (with the server's default {@code synchronous_commit=on}).
 */
final class PostgresStore implements Store {

    private final String url;
    private final Gate gate = new Gate("PostgreSQL");
    private final HikariDataSource pool;
    private final DSLContext sql;

    private PostgresStore(String url, HikariDataSource pool, Settings settings) {
        this.url = url;
        this.pool = pool;
        this.sql = DSL.using(pool, SQLDialect.POSTGRES, settings);
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
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
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
            return new PostgresStore(settings.url(), pool, jooqSettings);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public <T> T read(Function<DSLContext, T> query) {
        return gate.pass(() -> query.apply(sql));
    }

    @Override
    public <T> T write(Function<DSLContext, T> statements) {
        return gate.pass(() -> sql.transactionResult(transaction -> statements.apply(transaction.dsl())));
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
