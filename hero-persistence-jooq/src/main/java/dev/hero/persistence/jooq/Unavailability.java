package dev.hero.persistence.jooq;

import dev.hero.domain.port.out.HeroesUnavailableException;
import org.jooq.exception.DataAccessException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

/**
 * Tells a passing unavailability of the database (no connection in time, connection lost, SQLite busy)
 * from a fault, and reports the first as the port's {@link HeroesUnavailableException}, so callers can
 * answer "try again" instead of "internal error". Everything else passes through unchanged.
 */
final class Unavailability {

    /** SQLSTATE class 08: connection exception (PostgreSQL and the JDBC standard). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** SQLSTATE 57P01..57P03: the server is shutting down or cannot connect now (PostgreSQL). */
    private static final String OPERATOR_INTERVENTION_PREFIX = "57P0";

    private Unavailability() {
    }

    /** The call's result, or its passing unavailability as the port's exception: {@link Gate} wraps every statement in it. */
    static <T> T translate(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException e) {
            if (isPassing(e)) {
                throw new HeroesUnavailableException("The database is unavailable: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    static boolean isPassing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLiteException sqlite && isBusy(sqlite.getResultCode())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
                        || sql.getSQLState().startsWith(OPERATOR_INTERVENTION_PREFIX))) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    private static boolean isBusy(SQLiteErrorCode code) {
        return code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_BUSY_RECOVERY
                || code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT || code == SQLiteErrorCode.SQLITE_BUSY_TIMEOUT
                || code == SQLiteErrorCode.SQLITE_LOCKED;
    }
}
