package dev.hero.persistence.jooq;

import org.jooq.impl.DSL;

import java.nio.file.Path;

import static dev.hero.persistence.jooq.generated.Tables.HERO;
import static dev.hero.persistence.jooq.generated.Tables.HERO_IDEMPOTENCY;

/** Small helpers the persistence tests share. */
final class TestDatabases {

    private TestDatabases() {
    }

    static String sqliteUrl(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath();
    }

    /** Deletes every hero through the database's own write path (ids keep counting up). */
    static void deleteAllHeroes(HeroDatabase database) {
        database.store().write(sql -> sql.deleteFrom(HERO_IDEMPOTENCY).execute() + sql.deleteFrom(HERO).execute());
    }

    /** The first value a statement returns on the write connection (SQLite: inside the writer's transaction). */
    static Object valueOnWriteConnection(HeroDatabase database, String sql) {
        return database.store().write(dsl -> dsl.fetchValue(DSL.sql(sql)));
    }
}
