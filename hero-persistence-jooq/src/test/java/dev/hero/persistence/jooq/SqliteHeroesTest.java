package dev.hero.persistence.jooq;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
}
