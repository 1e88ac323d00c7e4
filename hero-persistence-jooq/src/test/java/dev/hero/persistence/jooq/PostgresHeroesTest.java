package dev.hero.persistence.jooq;

import dev.hero.persistence.jooq.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The PostgreSQL adapter passes the port contract, in a schema of its own, emptied before each test. */
class PostgresHeroesTest extends JooqHeroesContract {

    private static String url;
    private static HeroDatabase database;

    @BeforeAll
    static void openDatabase() {
        url = PostgresTestDatabase.freshSchemaUrl();
        database = HeroDatabase.open(DatabaseSettings.of(url));
    }

    @AfterAll
    static void dropDatabase() {
        try {
            if (database != null) {
                database.close();
            }
        } finally {
            PostgresTestDatabase.dropSchema(url);
        }
    }

    @Override
    protected HeroDatabase database() {
        return database;
    }

    @Override
    protected String newDatabaseUrl() {
        return PostgresTestDatabase.freshSchemaUrl();
    }

    @Override
    protected void dropDatabase(String url) {
        PostgresTestDatabase.dropSchema(url);
    }

    @Override
    protected String migrations() {
        return Migrations.POSTGRESQL;
    }
}
