package dev.hero.persistence.jooq;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** A readiness check on a pool: a connection within the timeout, which the driver finds valid within what is left of it. */
final class Readiness {

    private Readiness() {
    }

    /**
     * False, never an exception, when no connection is free or opens in time, or the one handed out is
     * broken. {@link HikariDataSource#getConnection()} would wait the pool's whole connection timeout;
     * the pool behind it (which {@link HikariDataSource#getHikariPoolMXBean()} returns) takes a deadline per call.
     */
    static boolean answersWithin(HikariDataSource pool, Duration timeout) {
        long started = System.nanoTime();
        try (Connection connection = ((HikariPool) pool.getHikariPoolMXBean()).getConnection(Math.max(1, timeout.toMillis()))) {
            return connection.isValid(wholeSecondsLeft(timeout, started));
        } catch (SQLException | RuntimeException unavailable) {
            return false;
        }
    }

    /**
     * How long HikariCP may spend checking an idle connection before handing it out: a quarter of the database
     * timeout, so that the check cannot hold a request up much past it (HikariCP's bounds: 250 ms to its 5 s default).
     */
    static Duration validationTimeout(Duration timeout) {
        return Duration.ofMillis(Math.clamp(timeout.toMillis() / 4, 250, 5_000));
    }

    /** {@link Connection#isValid} counts whole seconds, and 0 would mean no limit at all. */
    private static int wholeSecondsLeft(Duration timeout, long started) {
        Duration left = timeout.minusNanos(System.nanoTime() - started);
        return Math.clamp(left.plusNanos(999_999_999).toSeconds(), 1, Integer.MAX_VALUE);
    }
}
