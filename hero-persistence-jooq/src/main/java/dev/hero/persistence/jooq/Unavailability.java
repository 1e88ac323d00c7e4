package dev.hero.persistence.jooq;

import dev.hero.domain.port.out.HeroesUnavailableException;
import org.jooq.exception.DataAccessException;
import org.sqlite.SQLiteException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;

/**
 * Tells a passing unavailability of the database from a fault, once for both stores, and reports the first as
 * the port's {@link HeroesUnavailableException}, so callers can answer "try again" instead of "internal error".
 * Passing: no connection in time, a connection lost or refused, a server shutting down, SQLite busy or locked, a
 * full disk, an I/O error, a read-only or unopenable file. Everything else (a constraint, bad SQL: a bug) passes
 * through unchanged.
 */
final class Unavailability {

    /** SQLSTATE class 08: connection exception (PostgreSQL and the JDBC standard). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** SQLSTATE 57P01..57P03: the server is shutting down or cannot connect now (PostgreSQL). */
    private static final String OPERATOR_INTERVENTION_PREFIX = "57P0";
    /** SQLSTATE 53100: disk full (PostgreSQL). */
    private static final String DISK_FULL = "53100";

    /** SQLite's primary result codes (the low byte of an extended code) that pass with the disk, the file or a lock. */
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    private static final int SQLITE_CANTOPEN = 14;

    private Unavailability() {
    }

    /** The call's result, or its passing unavailability as the port's exception: {@link Gate} wraps every statement in it. */
    static <T> T translate(Supplier<T> call) {
        try {
            return call.get();
        } catch (DataAccessException e) {
            if (isPassing(e)) {
                throw unavailable(e);
            }
            throw e;
        }
    }

    /** The port's exception for a passing failure, its message the database's reason. */
    static HeroesUnavailableException unavailable(Throwable failure) {
        return new HeroesUnavailableException("The database is unavailable: " + reason(failure), failure);
    }

    /** A commit cut off by a passing failure: it may or may not have been made. */
    static HeroesUnavailableException commitCutOff(Throwable failure) {
        return HeroesUnavailableException.outcomeUnknown(
                "The database became unavailable during the commit; the write may or may not have been made: " + reason(failure), failure);
    }

    static boolean isPassing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HeroesUnavailableException || cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLiteException sqlite && isPassingSqlite(sqlite.getResultCode().code)) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
                        || sql.getSQLState().startsWith(OPERATOR_INTERVENTION_PREFIX)
                        || sql.getSQLState().equals(DISK_FULL))) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }

    /** An SQLite I/O error (any {@code SQLITE_IOERR_*}): the disk failed a read, a write or an fsync. */
    static boolean isIoError(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xFF) == SQLITE_IOERR) {
                return true;
            }
        }
        return false;
    }

    /** A full disk: SQLite's {@code SQLITE_FULL} (PostgreSQL's disk full is the server's to recover from). */
    static boolean isDiskFull(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite && (sqlite.getResultCode().code & 0xFF) == SQLITE_FULL) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPassingSqlite(int resultCode) {
        int primary = resultCode & 0xFF;
        return primary == SQLITE_BUSY || primary == SQLITE_LOCKED || primary == SQLITE_READONLY
                || primary == SQLITE_IOERR || primary == SQLITE_FULL || primary == SQLITE_CANTOPEN;
    }

    /** The innermost SQL error's message: jOOQ's wrapper repeats the statement, which says nothing new. */
    private static String reason(Throwable failure) {
        String reason = failure.getMessage();
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException && cause.getMessage() != null) {
                reason = cause.getMessage();
            }
        }
        return reason;
    }
}
