package dev.hero.persistence.jooq;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The prepared statements of each SQLite read connection, kept from one borrowing of the connection to the next.
 * SQLite compiles a statement's text every time it is prepared, and sqlite-jdbc keeps nothing: for most of Hero's
 * fixed reads that costs more than running them (docs/persistence.md has the figures). A connection is used by one
 * thread at a time, which alone uses its statements.
 *
 * <p>The keys are the driver's connections, not the pool's wrappers of them; a connection the pool has closed is
 * forgotten the next time another is first seen (the pool opens one for each it closes), and closing a connection
 * closes its statements. A statement whose run failed is closed and prepared again the next time.
 */
final class StatementCache {

    /** More than the fixed reads there are (a read by id, and a few dozen shapes of lists). */
    static final int PER_CONNECTION = 128;

    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new ConcurrentHashMap<>();
    private final LongAdder prepared = new LongAdder();

    /** Binds the statement of this text on this connection (prepared once), runs it and reads its rows. */
    <T> T run(Connection connection, String sql, Store.Parameters parameters, Store.Rows<T> read) throws SQLException {
        Map<String, PreparedStatement> kept = statementsOf(connection);
        PreparedStatement statement = kept.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql);
            kept.put(sql, statement);
            prepared.increment();
        }
        boolean reusable = false;
        try {
            parameters.bind(statement);
            T result;
            try (ResultSet rows = statement.executeQuery()) {
                result = read.from(rows);
            }
            statement.clearParameters();
            reusable = true;
            return result;
        } finally {
            if (!reusable) {
                kept.remove(sql);
                closeQuietly(statement);
            }
        }
    }

    /** How many statements were prepared so far, on every connection. */
    long prepared() {
        return prepared.sum();
    }

    private Map<String, PreparedStatement> statementsOf(Connection connection) throws SQLException {
        Map<String, PreparedStatement> kept = byConnection.get(connection);
        if (kept == null) {
            for (Connection known : byConnection.keySet()) {
                if (known.isClosed()) {
                    byConnection.remove(known);
                }
            }
            kept = new LinkedHashMap<>(32, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                    if (size() <= PER_CONNECTION) {
                        return false;
                    }
                    closeQuietly(eldest.getValue());
                    return true;
                }
            };
            byConnection.put(connection, kept);
        }
        return kept;
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException alreadyBroken) {
            // it is dropped either way
        }
    }
}
