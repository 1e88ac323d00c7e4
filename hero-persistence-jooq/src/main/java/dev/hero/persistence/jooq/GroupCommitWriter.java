package dev.hero.persistence.jooq;

import dev.hero.domain.port.out.HeroesUnavailableException;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The only writer of a SQLite database: one thread owns the one write connection and commits the
 * writes of many callers together.
 *
 * <p>Callers {@link #write submit} a write and wait. The thread takes everything pending (up to
 * {@code maxBatch}), runs it in one {@code BEGIN IMMEDIATE} transaction, commits (with
 * {@code synchronous=FULL} the commit is on disk when it returns), and only then answers every
 * caller of the batch. One fsync so serves all the requests that arrived while the previous one ran.
 * If anything in a batch fails, the batch is rolled back and each write is run again alone, in its
 * own transaction, so that one bad write cannot fail its neighbours.
 *
 * <p>SQLite allows one writer at a time; since only this thread writes, no caller ever waits on the
 * database lock or sees "database is locked".
 *
 * <p>A caller waits at most its timeout in all. A write still in the queue then is withdrawn (not made); one the
 * thread has already taken fails as {@linkplain HeroesUnavailableException#isOutcomeUnknown() outcome unknown}.
 * When a batch fails because the database is unavailable (disk full, I/O error, file gone), every write of it
 * fails at once as unavailable, and the thread remembers the failure until a later commit succeeds: that is
 * {@link #isWritable}'s answer, which re-probes with a write only while the last commit failed. Before each
 * commit, and again before answering, the {@link DatabaseFile} is checked to still be the one opened.
 *
 * <p>A full disk may be the WAL's doing: it holds every commit since the last checkpoint, SQLite checkpoints by itself
 * only once it reaches 1000 pages (about 4 MiB), and it never shrinks. On a small or nearly full disk it took the last
 * byte, after which even a checkpoint had no room for the pages it moves into the database file. So the writer
 * {@linkplain #reclaimWal() checkpoints the WAL into the database file and truncates it}: after a commit, once the
 * disk {@linkplain DatabaseFile#isShortOfRoom() is short of room}; when a batch fails for a full disk (and runs the
 * batch once more where that worked: it was rolled back, not made); and before every batch after such a failure,
 * failing with the disk's error while it cannot be done, since a write that fits into a little room freed (the
 * readiness probe, one page) proves nothing about the next one as long as the WAL keeps the rest.
 */
final class GroupCommitWriter implements AutoCloseable {

    static final int DEFAULT_MAX_BATCH = 512;

    /** Put last in the queue by {@link #close()}: the thread stops when it reaches it. */
    private static final PendingWrite<Void> STOP = new PendingWrite<>(sql -> null);

    private final Connection connection;
    private final DSLContext sql;
    private final int maxBatch;
    private final Duration timeout;
    private final DatabaseFile file;
    /** Why the last commit failed, when the database was unavailable; null after a successful one. */
    private volatile Throwable lastFailure;
    private final BlockingQueue<PendingWrite<?>> queue = new LinkedBlockingQueue<>();
    /** Submitting takes the read lock, closing the write lock: nothing can be queued behind {@link #STOP}. */
    private final ReadWriteLock admission = new ReentrantReadWriteLock();
    private boolean closed;
    private final Thread thread;
    private final LongAdder commits = new LongAdder();
    private final LongAdder writes = new LongAdder();

    GroupCommitWriter(Connection connection, DSLContext sql, int maxBatch, Duration timeout, DatabaseFile file) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
        }
        this.connection = connection;
        this.sql = sql;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        this.file = file;
        this.thread = Thread.ofPlatform().name("hero-sqlite-writer").daemon(true).unstarted(this::run);
        thread.start();
    }

    /**
     * Runs the statements in a transaction of the writer thread; returns once that transaction is committed, or
     * fails as unavailable when that takes longer than the timeout.
     */
    <T> T write(Function<DSLContext, T> statements) {
        long deadline = System.nanoTime() + timeout.toNanos();
        PendingWrite<T> write = new PendingWrite<>(statements);
        admission.readLock().lock();
        try {
            if (closed) {
                throw new HeroesUnavailableException("The SQLite database is closed; the write was not made", null);
            }
            queue.add(write);
        } finally {
            admission.readLock().unlock();
        }
        return write.await(deadline, timeout);
    }

    boolean isRunning() {
        return thread.isAlive() && !isClosed();
    }

    /**
     * Whether a write can succeed now: yes while the last commit did (no write is made to find out); after a
     * failed one, a probe write that changes nothing (the schema's {@code user_version} set to itself) is tried
     * within the timeout. False, never an exception.
     */
    boolean isWritable() {
        if (!isRunning() || file.isLost()) {
            return false;
        }
        if (lastFailure == null) {
            return true;
        }
        try {
            write(dsl -> dsl.execute("PRAGMA user_version = " + dsl.fetchValue("PRAGMA user_version")));
            return true;
        } catch (RuntimeException stillFailing) {
            return false;
        }
    }

    /** Writes submitted and not yet answered, the one in progress excluded. */
    int pending() {
        return queue.size();
    }

    /** Transactions committed so far (a batch, or a write run alone after a failed batch). */
    long commits() {
        return commits.sum();
    }

    /** Writes committed so far. */
    long writes() {
        return writes.sum();
    }

    /** Takes no more writes, finishes every write already submitted, then stops the thread. */
    void stopAfterPendingWrites() {
        admission.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                queue.add(STOP);
            }
        } finally {
            admission.writeLock().unlock();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #stopAfterPendingWrites()}, then closes the write connection. */
    @Override
    public void close() {
        stopAfterPendingWrites();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DataAccessException("Could not close the SQLite write connection", e);
        }
    }

    private boolean isClosed() {
        admission.readLock().lock();
        try {
            return closed;
        } finally {
            admission.readLock().unlock();
        }
    }

    private void run() {
        List<PendingWrite<?>> batch = new ArrayList<>(maxBatch);
        boolean stopping = false;
        while (!stopping) {
            batch.add(takeNext());
            queue.drainTo(batch, maxBatch - 1);
            // A caller whose wait ran out while its write was queued has withdrawn it: it is not made.
            batch.removeIf(write -> write != STOP && !write.take());
            int stop = batch.indexOf(STOP);
            if (stop >= 0) {
                // STOP is the last element ever queued, so nothing follows it.
                batch.subList(stop, batch.size()).clear();
                stopping = true;
            }
            if (!batch.isEmpty()) {
                commitTogether(batch);
            }
            batch.clear();
        }
    }

    private PendingWrite<?> takeNext() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // Only close() ends this thread, after the queue is drained.
            }
        }
    }

    private void commitTogether(List<PendingWrite<?>> batch) {
        commitTogether(batch, true);
    }

    /**
     * @param mayReclaim whether a batch the disk is too full for may reclaim the WAL's space and be run once more: it
     *                   was rolled back, not made
     */
    private void commitTogether(List<PendingWrite<?>> batch, boolean mayReclaim) {
        List<Object> results = new ArrayList<>(batch.size());
        try {
            file.requireUnmoved();
            if (lastFailure != null && Unavailability.isDiskFull(lastFailure)) {
                reclaimWal();
            }
            execute("BEGIN IMMEDIATE");
            for (PendingWrite<?> write : batch) {
                results.add(write.statements.apply(sql));
            }
            file.requireUnmoved();
        } catch (Throwable failure) {
            rollbackQuietly();
            if (mayReclaim && Unavailability.isDiskFull(failure) && reclaimedWal()) {
                commitTogether(batch, false);
            } else if (batch.size() == 1 || Unavailability.isPassing(failure)) {
                // The database, not a write, failed: running each write alone would fail each again.
                failAll(batch, failure);
            } else {
                batch.forEach(this::commitAlone);
            }
            return;
        }
        try {
            execute("COMMIT");
        } catch (Throwable failure) {
            rollbackQuietly();
            if (mayReclaim && Unavailability.isDiskFull(failure) && reclaimedWal()) {
                commitTogether(batch, false);
            } else {
                failCommit(batch, failure);
            }
            return;
        }
        if (answerable(batch)) {
            commits.increment();
            writes.add(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).succeed(results.get(i));
            }
            reclaimWalIfShortOfRoom();
        }
    }

    private void commitAlone(PendingWrite<?> write) {
        Object result;
        try {
            execute("BEGIN IMMEDIATE");
            result = write.statements.apply(sql);
            file.requireUnmoved();
        } catch (Throwable failure) {
            rollbackQuietly();
            failAll(List.of(write), failure);
            return;
        }
        if (commit(List.of(write))) {
            commits.increment();
            writes.increment();
            write.succeed(result);
            reclaimWalIfShortOfRoom();
        }
    }

    /** After a commit, answered already: the WAL folded into the database file while there is room to do it. */
    private void reclaimWalIfShortOfRoom() {
        if (file.isShortOfRoom()) {
            reclaimedWal();
        }
    }

    /**
     * COMMIT, then the file checked once more: true when the batch may be answered. A COMMIT that failed has not
     * been made (SQLite rolls the transaction back), except after an I/O error: see {@link #failCommit}.
     */
    private boolean commit(List<PendingWrite<?>> batch) {
        try {
            execute("COMMIT");
        } catch (Throwable failure) {
            rollbackQuietly();
            failCommit(batch, failure);
            return false;
        }
        return answerable(batch);
    }

    /**
     * A failed COMMIT has not been made, except after an I/O error: the commit's frames may have reached the WAL
     * before the error, and the next start would then find it committed, so its outcome is unknown.
     */
    private void failCommit(List<PendingWrite<?>> batch, Throwable failure) {
        failAll(batch, Unavailability.isIoError(failure) ? Unavailability.commitCutOff(failure) : failure);
    }

    /**
     * After a COMMIT, whether the file is still the one opened: the outcome of a commit into a file found gone is
     * unknown, since it sits where no later start will look.
     */
    private boolean answerable(List<PendingWrite<?>> batch) {
        try {
            file.requireUnmoved();
        } catch (HeroesUnavailableException gone) {
            lastFailure = gone;
            HeroesUnavailableException unknown = HeroesUnavailableException.outcomeUnknown(gone.getMessage(), null);
            batch.forEach(write -> write.fail(unknown));
            return false;
        }
        lastFailure = null;
        return true;
    }

    private void failAll(List<PendingWrite<?>> batch, Throwable failure) {
        if (Unavailability.isPassing(failure)) {
            lastFailure = failure;
        }
        batch.forEach(write -> write.fail(failure));
    }

    /**
     * Copies the WAL into the database file and truncates it to nothing ({@code wal_checkpoint(TRUNCATE)}), so that its
     * space serves writes again; fails as SQLite does when the database file cannot grow to take the pages (the disk is
     * still full). Waits for no reader: with a read in progress the checkpoint does what it can, and the next batch
     * tries again.
     *
     * @return whether the WAL is truncated
     */
    private boolean reclaimWal() throws SQLException {
        execute("PRAGMA busy_timeout = 0");
        try (Statement jdbc = connection.createStatement();
             ResultSet checkpoint = jdbc.executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            // busy (1 when a reader kept it from completing), pages in the WAL, pages moved into the database file
            return checkpoint.next() && checkpoint.getInt(1) == 0;
        } finally {
            execute("PRAGMA busy_timeout = " + Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        }
    }

    /** {@link #reclaimWal()}, false where it failed. */
    private boolean reclaimedWal() {
        try {
            return reclaimWal();
        } catch (SQLException | RuntimeException stillFull) {
            return false;
        }
    }

    private void execute(String statement) throws SQLException {
        try (Statement jdbc = connection.createStatement()) {
            jdbc.execute(statement);
        }
    }

    /** SQLite may already have rolled back by itself (after an I/O error, for one); that is fine too. */
    private void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException noTransactionLeft) {
            // Nothing to undo.
        }
    }

    /** A write waiting for its transaction; answered only after the commit. */
    private static final class PendingWrite<T> {
        private static final int QUEUED = 0;
        private static final int TAKEN = 1;
        private static final int WITHDRAWN = 2;

        final Function<DSLContext, T> statements;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private final AtomicInteger state = new AtomicInteger(QUEUED);

        PendingWrite(Function<DSLContext, T> statements) {
            this.statements = statements;
        }

        /** The writer takes it into a batch: false when its caller has withdrawn it already. */
        boolean take() {
            return state.compareAndSet(QUEUED, TAKEN);
        }

        @SuppressWarnings("unchecked")
        void succeed(Object value) {
            result.complete((T) value);
        }

        void fail(Throwable failure) {
            result.completeExceptionally(failure);
        }

        /**
         * Waits for the commit until the deadline. Interrupts are kept for later, not obeyed: the caller must
         * learn whether its write was made.
         */
        T await(long deadline, Duration timeout) {
            boolean interrupted = false;
            try {
                while (true) {
                    try {
                        return result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    } catch (InterruptedException e) {
                        interrupted = true;
                    } catch (TimeoutException e) {
                        if (state.compareAndSet(QUEUED, WITHDRAWN)) {
                            throw new HeroesUnavailableException("The SQLite writer did not reach the write within "
                                    + timeout.toMillis() + " ms; it was not made", null);
                        }
                        if (!result.isDone()) {
                            throw HeroesUnavailableException.outcomeUnknown("The SQLite write did not commit within "
                                    + timeout.toMillis() + " ms; it may or may not be made", null);
                        }
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof RuntimeException runtime) {
                            throw runtime;
                        }
                        if (cause instanceof Error error) {
                            throw error;
                        }
                        throw new DataAccessException("The SQLite write failed: " + cause.getMessage(), cause);
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
