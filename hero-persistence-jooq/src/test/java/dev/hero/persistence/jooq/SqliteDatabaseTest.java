package dev.hero.persistence.jooq;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.port.out.Heroes;
import dev.hero.domain.port.out.HeroesUnavailableException;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static dev.hero.domain.testkit.HeroBuilder.aHero;
import static dev.hero.domain.testkit.HeroBuilder.setAge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a user of the embedded SQLite database notices: durability, migrations, concurrency, a clean stop. */
class SqliteDatabaseTest {

    @TempDir
    Path directory;

    private final List<HeroDatabase> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        opened.forEach(HeroDatabase::close);
    }

    @Test
    void givenHeroesWritten_whenTheDatabaseIsClosedAndReopened_thenEveryHeroIsStillThere() {
        Path file = directory.resolve("heroes.db");
        HeroDatabase first = HeroDatabase.open(DatabaseSettings.of(TestDatabases.sqliteUrl(file)));
        Hero kept = first.heroes().add(aHero().named("Deadpond").aged(30).withSecretName("Dive Wilson").build());
        Hero changed = first.heroes().update(first.heroes().add(aHero().named("Rusty-Man").build()).id(), setAge(48)).orElseThrow();
        first.close();

        Heroes reopened = open(file).heroes();

        assertThat(reopened.find(HeroQuery.page(0, 100)).heroes()).containsExactly(kept, changed);
    }

    @Test
    void givenANewFile_whenOpened_thenItIsCreatedAndMigratedOnce() throws Exception {
        Path file = directory.resolve("new.db");

        open(file);

        assertThat(file).exists();
        assertThat(query(file, "SELECT version || ':' || success FROM flyway_schema_history WHERE version IS NOT NULL"))
                .containsExactly("1:1", "2:1", "3:1", "4:1");
        assertThat(query(file, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'hero' AND sql IS NOT NULL ORDER BY name"))
                .containsExactly("ix_hero_age", "ix_hero_age_desc", "ix_hero_name", "ix_hero_name_desc");
        assertThat(query(file, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'hero' ORDER BY name"))
                .containsExactly("hero_counted", "hero_recounted", "hero_uncounted");
    }

    @Test
    void givenPrepareRunningOnAnotherThread_whenTheDatabaseOpens_thenItStoresAndReadsHeroes() throws Exception {
        Path file = directory.resolve("prepared.db");
        CompletableFuture<Void> preparing = CompletableFuture.runAsync(HeroDatabase::prepare);
        HeroDatabase database = HeroDatabase.open(DatabaseSettings.of(TestDatabases.sqliteUrl(file)));
        opened.add(database);
        preparing.get(30, TimeUnit.SECONDS);
        HeroDatabase.prepare();

        Hero added = database.heroes().add(aHero().named("Deadpond").aged(30).build());

        assertThat(database.heroes().findById(added.id())).contains(added);
    }

    @Test
    void givenAnExistingDatabase_whenOpenedAgain_thenNoMigrationRunsTwiceAndTheHeroesStay() throws Exception {
        Path file = directory.resolve("existing.db");
        HeroDatabase first = HeroDatabase.open(DatabaseSettings.of(TestDatabases.sqliteUrl(file)));
        Hero hero = first.heroes().add(aHero().build());
        first.close();

        HeroDatabase second = open(file);

        assertThat(query(file, "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL")).containsExactly("4");
        assertThat(second.heroes().findById(hero.id())).contains(hero);
    }

    @Test
    void givenAnotherClientReplacedHeroesWithInsertOrReplace_whenHeroStartsAgain_thenTheTotalIsTheTables() throws Exception {
        Path file = directory.resolve("replaced.db");
        HeroDatabase first = HeroDatabase.open(DatabaseSettings.of(TestDatabases.sqliteUrl(file)));
        Hero kept = first.heroes().add(aHero().named("Deadpond").build());
        first.close();
        try (Connection connection = DriverManager.getConnection(TestDatabases.sqliteUrl(file)); Statement statement = connection.createStatement()) {
            // SQLite deletes the replaced row without its delete trigger (recursive_triggers is off): counted twice
            statement.execute("INSERT OR REPLACE INTO hero (id, name, age, secret_name) VALUES (" + kept.id() + ", 'Deadpool', 31, 'Wade')");
        }

        HeroDatabase reopened;
        try (LogCapture ignored = LogCapture.silencingTheConsole()) {
            reopened = open(file);
        }

        assertThat(reopened.heroes().find(HeroQuery.page(0, 10)).total()).isEqualTo(1);
        assertThat(reopened.heroes().find(HeroQuery.page(0, 10)).heroes()).extracting(Hero::name).containsExactly("Deadpool");
    }

    @Test
    void givenTheSameStatementsRunManyTimes_whenCounted_thenEachIsPreparedOncePerConnection() {
        DatabaseSettings oneReader = new DatabaseSettings(TestDatabases.sqliteUrl(directory.resolve("cached.db")), "", "", 1);
        HeroDatabase database = HeroDatabase.open(oneReader);
        opened.add(database);
        StatementCache statements = ((SqliteStore) database.store()).statements();

        for (int i = 0; i < 10; i++) {
            Hero hero = database.heroes().add(aHero().named("Hero " + i).build());
            assertThat(database.heroes().findById(hero.id())).contains(hero);
            assertThat(database.heroes().find(HeroQuery.page(0, 5)).total()).isEqualTo(i + 1);
        }

        // the add on the write connection; the read by id and the page on the one reader
        assertThat(statements.prepared()).isEqualTo(3);
    }

    @Test
    void givenTheWriteConnection_whenItsPragmasAreRead_thenWalAndSynchronousFullAreInEffect() {
        HeroDatabase database = open(directory.resolve("pragmas.db"));

        assertThat(TestDatabases.valueOnWriteConnection(database, "PRAGMA journal_mode")).hasToString("wal");
        assertThat(TestDatabases.valueOnWriteConnection(database, "PRAGMA synchronous")).hasToString("2"); // 2 = FULL, 1 = NORMAL
        assertThat(TestDatabases.valueOnWriteConnection(database, "PRAGMA busy_timeout")).hasToString(String.valueOf(DatabaseSettings.DEFAULT_TIMEOUT.toMillis()));
        assertThat(TestDatabases.valueOnWriteConnection(database, "PRAGMA foreign_keys")).hasToString("1");
    }

    @Test
    void givenSixtyFourConcurrentWriters_whenTheyAddUpdateAndDelete_thenNoneFailsAndNothingIsLost() throws Exception {
        Heroes heroes = open(directory.resolve("busy.db")).heroes();
        int writers = 64;
        int heroesPerWriter = 15;

        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<Long, Hero>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(pool.submit(() -> {
                    start.await();
                    Map<Long, Hero> survivors = new HashMap<>();
                    for (int i = 0; i < heroesPerWriter; i++) {
                        Hero added = heroes.add(aHero().named("w" + writer + "-" + i).aged(i).build());
                        switch (i % 3) {
                            case 0 -> survivors.put(added.id(), added);
                            case 1 -> survivors.put(added.id(), heroes.update(added.id(), setAge(1000 + i)).orElseThrow());
                            default -> assertThat(heroes.delete(added.id())).isTrue();
                        }
                    }
                    return survivors;
                }));
            }
            start.countDown();
        }

        Map<Long, Hero> expected = new HashMap<>();
        for (Future<Map<Long, Hero>> result : results) {
            expected.putAll(result.get()); // rethrows any writer's exception
        }
        assertThat(expected).hasSize(writers * heroesPerWriter * 2 / 3);
        assertThat(allHeroes(heroes)).containsExactlyInAnyOrderElementsOf(expected.values());
    }

    @Test
    void givenAnAcknowledgedWrite_whenReadAtOnce_thenTheReadSeesIt() throws Exception {
        Heroes heroes = open(directory.resolve("visible.db")).heroes();

        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        Hero added = heroes.add(aHero().aged(i).build());
                        assertThat(heroes.findById(added.id())).contains(added);
                        Hero updated = heroes.update(added.id(), setAge(i + 1)).orElseThrow();
                        assertThat(heroes.findById(added.id())).contains(updated);
                        heroes.delete(added.id());
                        assertThat(heroes.findById(added.id())).isEmpty();
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
    }

    @Test
    void givenWritesQueuedBehindABusyWriter_whenTheyRun_thenTheyShareOneCommit() throws Exception {
        HeroDatabase database = open(directory.resolve("group.db"));
        GroupCommitWriter writer = ((SqliteStore) database.store()).writer();
        Blocker blocker = Blocker.holdTheWriterOf(database);
        long commitsBefore = writer.commits();

        List<CompletableFuture<Hero>> adds = submitAdds(database, 20);
        awaitPending(writer, 20);
        blocker.release();
        List<Hero> added = adds.stream().map(CompletableFuture::join).toList();

        assertThat(writer.commits() - commitsBefore).as("the blocker's commit, then one for all twenty adds").isEqualTo(2);
        assertThat(allHeroes(database.heroes())).containsExactlyInAnyOrderElementsOf(added);
    }

    @Test
    void givenABatchWithOneFailingWrite_whenCommitted_thenOnlyThatWriteFailsAndItsNeighboursAreStored() throws Exception {
        HeroDatabase database = open(directory.resolve("isolation.db"));
        GroupCommitWriter writer = ((SqliteStore) database.store()).writer();
        Blocker blocker = Blocker.holdTheWriterOf(database);

        List<CompletableFuture<Hero>> before = submitAdds(database, 5);
        awaitPending(writer, 5);
        CompletableFuture<Integer> bad = async(
                () -> database.store().write(sql -> sql.execute("INSERT INTO hero (name, secret_name) VALUES (NULL, 'x')")));
        awaitPending(writer, 6);
        List<CompletableFuture<Hero>> after = submitAdds(database, 5);
        awaitPending(writer, 11);
        blocker.release();

        assertThatThrownBy(bad::join).hasCauseInstanceOf(DataAccessException.class).hasMessageContaining("NOT NULL");
        List<Hero> stored = new ArrayList<>();
        before.forEach(add -> stored.add(add.join()));
        after.forEach(add -> stored.add(add.join()));
        assertThat(allHeroes(database.heroes())).containsExactlyInAnyOrderElementsOf(stored);
    }

    @Test
    void givenWritesQueuedWhenCloseIsCalled_whenTheDatabaseCloses_thenEveryQueuedWriteIsCommittedFirst() throws Exception {
        Path file = directory.resolve("closing.db");
        HeroDatabase database = HeroDatabase.open(DatabaseSettings.of(TestDatabases.sqliteUrl(file)));
        GroupCommitWriter writer = ((SqliteStore) database.store()).writer();
        Blocker blocker = Blocker.holdTheWriterOf(database);
        List<CompletableFuture<Hero>> adds = submitAdds(database, 30);
        awaitPending(writer, 30);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(database::close);
        Thread.sleep(100); // close() is now waiting for the writer
        assertThat(closing).isNotDone();
        blocker.release();
        closing.get(10, TimeUnit.SECONDS);

        List<Hero> added = adds.stream().map(CompletableFuture::join).toList();
        assertThat(allHeroes(open(file).heroes())).containsExactlyInAnyOrderElementsOf(added);
    }

    @Test
    void givenAClosedDatabase_whenWritingOrCheckingReadiness_thenTheWriteFailsClearlyAndItIsNotReachable() {
        HeroDatabase database = HeroDatabase.open(DatabaseSettings.of(TestDatabases.sqliteUrl(directory.resolve("closed.db"))));
        assertThat(database.isReachable(Duration.ofSeconds(2))).isTrue();

        database.close();

        assertThatThrownBy(() -> database.heroes().add(aHero().build()))
                .isInstanceOf(HeroesUnavailableException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> database.heroes().findById(1))
                .isInstanceOf(HeroesUnavailableException.class)
                .hasMessageContaining("closed");
        assertThat(database.isReachable(Duration.ofSeconds(2))).isFalse();
    }

    @Test
    void givenACleanClose_whenOnlyTheDatabaseFileIsCopied_thenTheCopyHoldsEveryHero() throws Exception {
        Path file = directory.resolve("original.db");
        HeroDatabase database = HeroDatabase.open(DatabaseSettings.of(TestDatabases.sqliteUrl(file)));
        List<Hero> added = IntStream.range(0, 10).mapToObj(i -> database.heroes().add(aHero().aged(i).build())).toList();

        database.close();

        assertThat(directory.resolve("original.db-wal")).doesNotExist();
        Path copy = Files.createDirectory(directory.resolve("copy")).resolve("copy.db");
        Files.copy(file, copy);
        assertThat(allHeroes(open(copy).heroes())).containsExactlyElementsOf(added);
    }

    @Test
    void givenAFileInAFolderThatDoesNotExist_whenOpened_thenTheErrorNamesTheFolderAndTheFix() {
        Path file = directory.resolve("missing").resolve("heroes.db");

        assertThatThrownBy(() -> open(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot open the SQLite database " + file.toAbsolutePath() + ": its folder "
                        + file.getParent().toAbsolutePath() + " does not exist; create it, or give a file in a folder that exists");
    }

    @Test
    void givenAFolderWhereTheFileShouldBe_whenOpened_thenTheErrorSaysSo() throws Exception {
        Path folder = Files.createDirectory(directory.resolve("heroes.db"));

        assertThatThrownBy(() -> open(folder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot open the SQLite database " + folder.toAbsolutePath() + ": that is a folder");
    }

    @Test
    void givenAnInMemoryUrl_whenOpened_thenItIsRefusedWithTheReason() {
        assertThatThrownBy(() -> HeroDatabase.open(DatabaseSettings.of("jdbc:sqlite::memory:")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("In-memory SQLite")
                .hasMessageContaining("jdbc:sqlite:database.db");
    }

    @Test
    void givenAFileDatabase_whenDescribed_thenItNamesTheFileAndTheSetUp() {
        Path file = directory.resolve("described.db");

        HeroDatabase database = open(file);

        assertThat(database.describe())
                .startsWith("SQLite jdbc:sqlite:" + file.toAbsolutePath())
                .contains("WAL", "synchronous=FULL", "group commit", "10 readers");
    }

    private HeroDatabase open(Path file) {
        HeroDatabase database = HeroDatabase.open(DatabaseSettings.of(TestDatabases.sqliteUrl(file)));
        opened.add(database);
        return database;
    }

    private static List<Hero> allHeroes(Heroes heroes) {
        List<Hero> all = new ArrayList<>();
        for (long offset = 0; ; offset += HeroQuery.MAX_LIMIT) {
            List<Hero> page = heroes.find(HeroQuery.page(offset, HeroQuery.MAX_LIMIT)).heroes();
            all.addAll(page);
            if (page.size() < HeroQuery.MAX_LIMIT) {
                return all;
            }
        }
    }

    private static List<CompletableFuture<Hero>> submitAdds(HeroDatabase database, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> async(() -> database.heroes().add(aHero().named("queued " + i).build())))
                .toList();
    }

    /** Runs the call on a virtual thread of its own, like a request handler. */
    private static <T> CompletableFuture<T> async(Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                result.complete(call.get());
            } catch (Throwable failure) {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /** A write that holds the writer thread (inside its transaction) until released, so that others queue up. */
    private record Blocker(CountDownLatch running, CountDownLatch released, CompletableFuture<Object> write) {

        static Blocker holdTheWriterOf(HeroDatabase database) throws InterruptedException {
            Blocker blocker = new Blocker(new CountDownLatch(1), new CountDownLatch(1), new CompletableFuture<>());
            Thread.ofVirtual().start(() -> blocker.write.complete(database.store().write(sql -> {
                blocker.running.countDown();
                try {
                    return blocker.released.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            })));
            assertThat(blocker.running.await(10, TimeUnit.SECONDS)).as("the writer runs the blocker").isTrue();
            return blocker;
        }

        void release() throws Exception {
            released.countDown();
            write.get(10, TimeUnit.SECONDS);
        }
    }

    private static void awaitPending(GroupCommitWriter writer, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writer.pending() != count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + count + " pending writes, found " + writer.pending());
            }
            Thread.sleep(5);
        }
    }

    private static List<String> query(Path file, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(TestDatabases.sqliteUrl(file));
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
