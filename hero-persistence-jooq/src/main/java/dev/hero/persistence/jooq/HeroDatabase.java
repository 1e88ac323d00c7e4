package dev.hero.persistence.jooq;

import dev.hero.domain.port.out.Heroes;
import dev.hero.domain.port.out.HeroesUnavailableException;
import org.jooq.SQLDialect;
import org.jooq.conf.FetchTriggerValuesAfterReturning;
import org.jooq.conf.Settings;
import org.jooq.tools.jdbc.JDBCUtils;

import java.time.Duration;

/**
 * The heroes' database, opened and migrated: the one public entry point of this adapter.
 *
 * <pre>{@code
 * try (HeroDatabase database = HeroDatabase.open(DatabaseSettings.of(url))) {
 *     log(database.describe());
 *     Heroes heroes = database.heroes();
 * }
 * }</pre>
 *
 * <p>The JDBC URL picks the database: {@code jdbc:sqlite:FILE} (the embedded default; one writer
 * with group commit, read-only connections beside it) or {@code jdbc:postgresql://...} (a HikariCP
 * pool, for several instances over one database). Either way a write that returned is durable.
 */
public final class HeroDatabase implements AutoCloseable {

    static {
        // jOOQ prints a banner and tips when its classes load, unless told not to; respect an explicit choice.
        quietUnlessSet("org.jooq.no-logo");
        quietUnlessSet("org.jooq.no-tips");
    }

    private final Store store;
    private final Heroes heroes;

    private HeroDatabase(Store store) {
        this.store = store;
        this.heroes = new JooqHeroes(store);
    }

    /**
     * Opens the database the URL names, creating (SQLite) and migrating its schema to the newest version, and checks
     * the counts per range of ids against the table ({@link HeroCounts}).
     *
     * @throws IllegalArgumentException for a URL of another database, or an in-memory SQLite URL
     * @throws RuntimeException         (jOOQ's or Flyway's) when the database cannot be reached or migrated
     */
    public static HeroDatabase open(DatabaseSettings settings) {
        return open(settings, GroupCommitWriter.DEFAULT_MAX_BATCH);
    }

    /** {@link #open(DatabaseSettings)} with a cap on how many SQLite writes share one commit (1: no group commit). */
    static HeroDatabase open(DatabaseSettings settings, int maxWritesPerCommit) {
        SQLDialect dialect = JDBCUtils.dialect(settings.url());
        Store store = switch (dialect.family()) {
            case SQLITE -> SqliteStore.open(settings, jooqSettings(), maxWritesPerCommit);
            case POSTGRES -> PostgresStore.open(settings, jooqSettings());
            default -> throw new IllegalArgumentException("Hero cannot use the database " + JdbcUrls.redact(settings.url())
                    + ": give jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DATABASE");
        };
        try {
            checkCounts(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new HeroDatabase(store);
    }

    /**
     * Does now, on the calling thread, the part of {@link #open}'s work that needs no database: loads jOOQ's SQL types
     * (on its first use jOOQ registers every dialect's: some 60 ms of a start) and renders this adapter's statements.
     * Optional, and safe from any thread at any time: a service that opens the database on one thread can call it on
     * another that would otherwise wait for {@code open}, which then finds this work done (docs/performance.md,
     * "Start-up, third pass").
     */
    public static void prepare() {
        JooqHeroes.prepare();
    }

    /** How long the start may wait for the count check's write, whatever {@code hero.db.timeout} a request gets. */
    static final Duration START_CHECK_WAIT = Duration.ofSeconds(30);

    /**
     * The check is one write, bound like every write by {@code hero.db.timeout}; the first write of a process on a busy
     * machine, or behind another process's lock, may take longer than a short timeout allows. It changes nothing when
     * the counts are right and rebuilds them whole otherwise, so it is simply run again until it commits or the start
     * has waited {@link #START_CHECK_WAIT}.
     */
    private static void checkCounts(Store store) {
        long deadline = System.nanoTime() + START_CHECK_WAIT.toNanos();
        while (true) {
            try {
                HeroCounts.checkAndRepair(store);
                return;
            } catch (HeroesUnavailableException e) {
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** The heroes in this database: safe for concurrent use; a write that returned is durable. */
    public Heroes heroes() {
        return heroes;
    }

    /**
     * For a readiness check: whether a pooled connection is free and valid within about the timeout
     * (on SQLite, with the writer running). False, never an exception, when it is down, slow or closed.
     */
    public boolean isReachable(Duration timeout) {
        return store.isReachable(timeout);
    }

    /** The database for the start-up log line, such as {@code SQLite jdbc:sqlite:database.db (WAL, ...)}; never shows credentials. */
    public String describe() {
        return store.describe();
    }

    /** Finishes the writes already submitted, then closes every connection. Later writes fail. */
    @Override
    public void close() {
        store.close();
    }

    @Override
    public String toString() {
        return "HeroDatabase[" + describe() + "]";
    }

    Store store() {
        return store;
    }

    /**
     * No SQL logging, even with DEBUG enabled: jOOQ would print the bound values, and with them
     * every secret name. Native {@code INSERT ... RETURNING} on SQLite too: jOOQ's open-source
     * edition otherwise emulates it with a second query, in case a trigger changed the row, and the
     * hero table's triggers never change it (they count it in hero_count).
     */
    private static Settings jooqSettings() {
        return new Settings()
                .withExecuteLogging(false)
                .withRenderSchema(false)
                .withFetchTriggerValuesAfterReturning(FetchTriggerValuesAfterReturning.NEVER);
    }

    private static void quietUnlessSet(String property) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, "true");
        }
    }
}
