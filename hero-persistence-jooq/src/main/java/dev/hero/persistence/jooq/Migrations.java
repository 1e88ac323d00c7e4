package dev.hero.persistence.jooq;

import org.flywaydb.core.Flyway;

import javax.sql.DataSource;

/**
 * Brings a database's schema to the newest version with Flyway. The migrations under
 * {@code db/migration/<vendor>} are the schema's one source of truth; jOOQ's classes are generated
 * from the SQLite ones at build time. On PostgreSQL, Flyway's lock lets several instances start at once.
 */
final class Migrations {

    static final String SQLITE = "classpath:db/migration/sqlite";
    static final String POSTGRESQL = "classpath:db/migration/postgresql";

    private Migrations() {
    }

    static void apply(DataSource dataSource, String location) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(location)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }
}
