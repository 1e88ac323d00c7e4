package dev.hero.persistence.jooq;

import dev.hero.domain.port.out.Heroes;
import dev.hero.domain.testkit.HeroesContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The SQLite adapter passes the port contract: one database file for the class, emptied before each test. */
class SqliteHeroesTest extends HeroesContract {

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
    protected Heroes emptyHeroes() {
        TestDatabases.deleteAllHeroes(database);
        return database.heroes();
    }
}
