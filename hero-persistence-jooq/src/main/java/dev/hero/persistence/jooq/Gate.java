package dev.hero.persistence.jooq;

import dev.hero.domain.port.out.HeroesUnavailableException;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The door every statement of a store passes through. It lets statements through until the database
 * closes, and lets {@link #close} wait for those in flight, so that closing never cuts a transaction off
 * half way. Statements share the read lock (they never wait for each other); closing takes the write
 * lock. A statement that fails because the database is unavailable for now leaves it as the port's
 * {@link HeroesUnavailableException} ({@link Unavailability}).
 */
final class Gate {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final String name;
    private volatile boolean closed;

    Gate(String name) {
        this.name = name;
    }

    <T> T pass(Supplier<T> statement) {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new HeroesUnavailableException("The " + name + " database is closed", null);
            }
            return Unavailability.translate(statement);
        } finally {
            lock.readLock().unlock();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Lets no new statement through and waits for those in flight, at most the patience given: a
     * statement that hangs longer (a vanished server) is then cut off by closing its connection.
     */
    void close(Duration patience) {
        boolean locked = false;
        try {
            locked = lock.writeLock().tryLock(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        if (locked) {
            lock.writeLock().unlock();
        }
    }
}
