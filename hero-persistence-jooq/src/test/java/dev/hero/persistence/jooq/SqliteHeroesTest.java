package dev.hero.persistence.jooq;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The SQLite adapter passes the port contract: one database file for the class, emptied before each test. */
class SqliteHeroesTest extends JooqHeroesContract {

    @TempDir
    static Path directory;

    private static HeroDatabase database;

    @BeforeAll
    static void openDatabase() {
        database = HeroDatabase.open(DatabaseSettings.of(TestDatabases.sqliteUrl(directory.resolve("heroes.db"))));
    }

    @AfterAll
    static void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    protected HeroDatabase database() {
        return database;
    }

    @Override
    protected String newDatabaseUrl() {
        return TestDatabases.sqliteUrl(directory.resolve("new-" + UUID.randomUUID() + ".db"));
    }

    @Override
    protected void dropDatabase(String url) throws IOException {
        Path file = Path.of(url.substring("jdbc:sqlite:".length()));
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }

    @Override
    protected String migrations() {
        return Migrations.SQLITE;
    }
}
