package dev.hero.persistence.jooq;

import dev.hero.domain.port.out.HeroesUnavailableException;
import org.jooq.DSLContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Function;

/**
 * How statements reach one kind of database: reads on a pool, writes in committed transactions.
 * {@link JooqHeroes} holds the SQL and is the same for every store. A read or write that fails because
 * the database is unavailable for now (see {@link Unavailability}) throws the port's
 * {@link HeroesUnavailableException}; any other failure passes through as it is.
 */
interface Store extends AutoCloseable {

    /** How long closing waits for statements in flight before it closes their connections under them. */
    Duration CLOSE_PATIENCE = Duration.ofSeconds(10);

    /** Runs a query; it sees every write acknowledged before it started. */
    <T> T read(Function<DSLContext, T> query);

    /**
     * Runs a fixed read: SQL rendered once, its parameters bound by {@code parameters}, its rows read by {@code read}.
     * It sees every write acknowledged before it started. Each store prepares the text as cheaply as it can: SQLite
     * keeps each connection's prepared statements ({@link StatementCache}); PostgreSQL's driver keeps them on the
     * server once a connection has run one a few times.
     */
    <T> T query(String sql, Parameters parameters, Rows<T> read);

    /**
     * Runs one fixed statement that writes and returns rows ({@code INSERT ... RETURNING}) as {@link #write} runs its
     * statements: in a transaction, durable when this returns, possibly run more than once. The text is prepared as
     * {@link #query} prepares it (on SQLite once on the write connection).
     */
    <T> T writeQuery(String sql, Parameters parameters, Rows<T> read);

    /**
     * Runs the statements of one write in a transaction and returns only once it is committed and
     * durable. The function may be run more than once (only the last run is committed), so it must
     * not have side effects outside the database.
     */
    <T> T write(Function<DSLContext, T> statements);

    /**
     * Whether a connection is free and valid within about the timeout, for a readiness check: false,
     * never an exception, when it is not.
     */
    boolean isReachable(Duration timeout);

    /** The redacted URL and the connection set-up, for the start-up log line. */
    String describe();

    /** Takes no new statements, finishes those in flight and every write already submitted, then closes every connection. */
    @Override
    void close();

    /** Binds a fixed read's parameters. */
    @FunctionalInterface
    interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads a fixed read's rows into its answer. */
    @FunctionalInterface
    interface Rows<T> {
        T from(ResultSet rows) throws SQLException;
    }
}
