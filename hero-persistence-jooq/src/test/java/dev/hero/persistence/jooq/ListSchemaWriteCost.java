package dev.hero.persistence.jooq;

import dev.hero.persistence.jooq.testing.PostgresTestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the list migration costs each create, run by hand, not a test: concurrent writers call {@code add()} for a few
 * seconds on a new database, once with the whole schema and once each with parts of migration 2 dropped again: without
 * its two descending indexes, without the triggers that keep hero_count, and without both (the tables of migration 1);
 * on PostgreSQL also with every connection counting into one row per range (no slots), and into a row of its own.
 * The writers are virtual threads, as Helidon's request handlers are. Each schema runs once unmeasured first, then
 * the rounds go through every schema in turn. docs/persistence.md has the command and the figures.
 *
 * <p>Arguments: [database=sqlite|postgresql] [writers=32] [seconds=5] [rounds=2]. SQLite goes to new files under
 * {@code target/}; PostgreSQL to new schemas on the test server ({@code HERO_TEST_PG_URL}), with a pool of one
 * connection per writer.
 */
final class ListSchemaWriteCost {

    private record Schema(String name, List<String> sqliteDrops, List<String> postgresDrops) {
    }

    private static final List<String> SQLITE_TRIGGERS = List.of(
            "DROP TRIGGER hero_counted", "DROP TRIGGER hero_uncounted", "DROP TRIGGER hero_recounted");
    private static final List<String> POSTGRES_TRIGGERS = List.of("DROP TRIGGER hero_counted ON hero",
            "DROP TRIGGER hero_uncounted ON hero", "DROP TRIGGER hero_recounted ON hero", "DROP TRIGGER hero_truncated ON hero");
    private static final List<String> DESCENDING_INDEXES = List.of("DROP INDEX ix_hero_name_desc", "DROP INDEX ix_hero_age_desc");

    /** PostgreSQL only: every connection counting into the same row of a range, as without slots. */
    private static final String ONE_SLOT = "one slot";
    /** PostgreSQL only: each connection counting into a row of its own (a slot per server process: unbounded rows). */
    private static final String OWN_SLOT = "own slot";

    private static final List<Schema> SCHEMAS = List.of(
            new Schema("migration 2 (counts and descending indexes)", List.of(), List.of()),
            new Schema("without the descending indexes", DESCENDING_INDEXES, DESCENDING_INDEXES),
            new Schema("without the count triggers", SQLITE_TRIGGERS, POSTGRES_TRIGGERS),
            new Schema("without both (as migration 1)", concat(SQLITE_TRIGGERS, DESCENDING_INDEXES), concat(POSTGRES_TRIGGERS, DESCENDING_INDEXES)),
            new Schema("counts in one slot (PostgreSQL)", null, List.of(ONE_SLOT)),
            new Schema("counts in a slot per connection (PostgreSQL)", null, List.of(OWN_SLOT)));

    private ListSchemaWriteCost() {
    }

    public static void main(String[] args) throws Exception {
        boolean postgres = args.length > 0 && args[0].startsWith("postgres");
        int writers = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        System.out.printf("%s, %d virtual threads calling add(), %d s per run%n", postgres ? "PostgreSQL" : "SQLite WAL + group commit",
                writers, seconds);
        List<Schema> schemas = SCHEMAS.stream().filter(schema -> postgres || schema.sqliteDrops() != null).toList();
        for (Schema schema : schemas) {
            run(schema, postgres, writers, 1);
        }
        for (int round = 1; round <= rounds; round++) {
            for (Schema schema : schemas) {
                double perSecond = run(schema, postgres, writers, seconds);
                System.out.printf("round %d  %-48s %9.0f creates/s%n", round, schema.name(), perSecond);
            }
        }
    }

    private static double run(Schema schema, boolean postgres, int writers, int seconds) throws Exception {
        Path directory = null;
        String url;
        if (postgres) {
            url = PostgresTestDatabase.freshSchemaUrl();
        } else {
            directory = Files.createTempDirectory(Path.of("target"), "write-cost");
            url = TestDatabases.sqliteUrl(directory.resolve("heroes.db"));
        }
        try {
            DatabaseSettings settings = DatabaseSettings.of(url);
            settings = new DatabaseSettings(url, "", "", postgres ? writers : settings.poolSize(), settings.timeout());
            HeroDatabase.open(settings).close(); // migrated
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                for (String drop : postgres ? schema.postgresDrops() : schema.sqliteDrops()) {
                    statement.execute(drop.equals(ONE_SLOT) ? slotted(statement, "0")
                            : drop.equals(OWN_SLOT) ? slotted(statement, "pg_backend_pid()") : drop);
                }
            }
            try (HeroDatabase database = HeroDatabase.open(settings)) {
                long started = System.nanoTime();
                long adds = GroupCommitThroughput.hammer(database.heroes(), writers, seconds);
                return adds / ((System.nanoTime() - started) / 1e9);
            }
        } finally {
            if (postgres) {
                PostgresTestDatabase.dropSchema(url);
            } else {
                for (String suffix : new String[] {"", "-wal", "-shm"}) {
                    Files.deleteIfExists(directory.resolve("heroes.db" + suffix));
                }
                Files.deleteIfExists(directory);
            }
        }
    }

    /** The count trigger's function as migrated, with another slot for each connection. */
    private static String slotted(Statement statement, String slot) throws SQLException {
        try (var definition = statement.executeQuery("SELECT pg_get_functiondef('hero_count_rows'::regproc)")) {
            definition.next();
            return definition.getString(1).replace("pg_backend_pid() % 16", slot);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
