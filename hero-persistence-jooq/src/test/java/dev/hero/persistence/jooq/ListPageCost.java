package dev.hero.persistence.jooq;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroPosition;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.HeroSort;
import dev.hero.domain.port.out.Heroes;
import dev.hero.persistence.jooq.testing.PostgresTestDatabase;
import org.flywaydb.core.Flyway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * What a list costs at scale, run by hand, not a test: loads N heroes (1,000,000 by default) with one plain SQL
 * statement into a database that has only the first migration, as another tool would while Hero is stopped, times
 * Hero's first start on it (the list migration), then times single calls of {@code find} on one thread: pages by
 * offset in id order near the start, the middle and the end of the table, pages by cursor at the start and the end of
 * every order, filtered pages; and, on the same rows, the alternatives to the counts: {@code OFFSET} with a
 * {@code count(*)} (what {@code find} did before), and {@code OFFSET} over a narrow index of the ids only. Each
 * figure is the best of three rounds of at least half a second, in microseconds per call. docs/persistence.md has
 * the command and the figures.
 *
 * <p>Arguments: [rows=1000000] [database=sqlite|postgresql] [plans]. SQLite goes to a new file under
 * {@code target/}; PostgreSQL to a new schema on the test server ({@code HERO_TEST_PG_URL}), dropped at the end.
 * {@code plans} also prints each list statement's plan.
 */
final class ListPageCost {

    private static final int LIMIT = 100;

    private ListPageCost() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        boolean postgres = args.length > 1 && args[1].startsWith("postgres");
        boolean plans = args.length > 2 && args[2].equals("plans");
        String url;
        Path directory = null;
        if (postgres) {
            url = PostgresTestDatabase.freshSchemaUrl();
        } else {
            directory = Files.createTempDirectory(Path.of("target"), "list-cost");
            url = TestDatabases.sqliteUrl(directory.resolve("heroes.db"));
        }
        try {
            run(url, rows, postgres, plans);
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

    private static void run(String url, long rows, boolean postgres, boolean plans) throws Exception {
        Flyway.configure().dataSource(url, null, null).locations(postgres ? Migrations.POSTGRESQL : Migrations.SQLITE)
                .target("1").load().migrate();
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(postgres ? loadPostgres(rows) : loadSqlite(rows));
        }
        System.out.printf("%s, %,d heroes loaded with one INSERT (schema of migration 1) in %.1f s%n",
                postgres ? "PostgreSQL" : "SQLite", rows, seconds(started));
        started = System.nanoTime();
        try (HeroDatabase database = HeroDatabase.open(DatabaseSettings.of(url))) {
            System.out.printf("first start on it (migration 2: counts, indexes%s): %.1f s%n",
                    postgres ? ", name collation" : "", seconds(started));
            if (postgres) {
                try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                    statement.execute("VACUUM ANALYZE hero"); // as autovacuum would after such a load
                }
            }
            measure(database, url, rows, plans);
        }
    }

    private static String loadSqlite(long rows) {
        return "WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < " + rows + ") "
                + "INSERT INTO hero (name, age, secret_name) SELECT 'Hero ' || (i * 7919 % 50000), "
                + "CASE WHEN i % 10 = 0 THEN NULL ELSE i * 31 % 100 END, 'Secret ' || i FROM seq";
    }

    private static String loadPostgres(long rows) {
        return "INSERT INTO hero (name, age, secret_name) SELECT 'Hero ' || (i * 7919 % 50000), "
                + "CASE WHEN i % 10 = 0 THEN NULL ELSE i * 31 % 100 END, 'Secret ' || i FROM generate_series(1::bigint, " + rows + ") AS i";
    }

    private static void measure(HeroDatabase database, String url, long rows, boolean plans) throws Exception {
        Heroes heroes = database.heroes();
        // the JIT first: every kind of call below for a few seconds, unmeasured
        Random warmUp = new Random(1);
        for (long until = System.nanoTime() + 3_000_000_000L; System.nanoTime() < until; ) {
            HeroSort sort = HeroSort.values()[warmUp.nextInt(HeroSort.values().length)];
            HeroPage page = heroes.find(HeroQuery.page(warmUp.nextBoolean() ? 0 : warmUp.nextLong(rows), LIMIT).sortedBy(
                    sort == HeroSort.ID || sort == HeroSort.ID_DESC ? sort : HeroSort.ID));
            heroes.find(HeroQuery.page(0, LIMIT).sortedBy(sort).after(HeroPosition.after(page.heroes().getFirst(), sort)));
        }
        System.out.printf("%nfind(), %d heroes a page, one thread: microseconds per call (best of 3 rounds)%n", LIMIT);
        for (long offset : new long[] {0, 1_000, rows / 2, rows - LIMIT}) {
            time("id order, offset " + offset, () -> heroes.find(HeroQuery.page(offset, LIMIT)).total());
        }
        Random random = new Random(7);
        time("id order, a random offset", () -> heroes.find(HeroQuery.page(random.nextLong(rows), LIMIT)).total());
        for (long offset : new long[] {0, rows - LIMIT}) {
            time("-id order, offset " + offset, () -> heroes.find(HeroQuery.page(offset, LIMIT).sortedBy(HeroSort.ID_DESC)).total());
        }
        for (HeroSort sort : HeroSort.values()) {
            HeroQuery first = HeroQuery.page(0, LIMIT).sortedBy(sort);
            HeroPosition start = heroes.find(first).next().orElseThrow();
            HeroPosition nearEnd = positionFromTheEnd(url, sort, 150);
            time(sort.key() + " order, cursor after the first page", () -> heroes.find(first.after(start)).total());
            time(sort.key() + " order, cursor 150 heroes from the end", () -> heroes.find(first.after(nearEnd)).total());
        }
        time("name = 'Hero 123', first page", () -> heroes.find(HeroQuery.page(0, LIMIT).filteredBy("Hero 123", null, null)).total());
        time("min_age 90, first page", () -> heroes.find(HeroQuery.page(0, LIMIT).filteredBy(null, 90, null)).total());
        time("30 <= age <= 40, first page", () -> heroes.find(HeroQuery.page(0, LIMIT).filteredBy(null, 30, 40)).total());
        time("30 <= age <= 40, sort -name, first page",
                () -> heroes.find(HeroQuery.page(0, LIMIT).filteredBy(null, 30, 40).sortedBy(HeroSort.NAME_DESC)).total());
        time("name = 'Hero 123', sort -age, first page",
                () -> heroes.find(HeroQuery.page(0, LIMIT).filteredBy("Hero 123", null, null).sortedBy(HeroSort.AGE_DESC)).total());

        System.out.printf("%nthe alternatives, plain JDBC on the same rows%n");
        try (Connection connection = DriverManager.getConnection(url)) {
            boolean postgres = url.startsWith("jdbc:postgresql");
            for (long offset : new long[] {0, rows / 2, rows - LIMIT}) {
                time("OFFSET and count(*), offset " + offset, () -> plainOffset(connection, offset));
            }
            String narrow = postgres ? "hero_pkey" : "bench_ix_hero_id";
            if (!postgres) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE INDEX bench_ix_hero_id ON hero (id)");
                }
            }
            for (long offset : new long[] {0, rows / 2, rows - LIMIT}) {
                time("OFFSET over " + narrow + " (ids only), offset " + offset, () -> narrowOffset(connection, offset, postgres));
            }
            if (!postgres) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DROP INDEX bench_ix_hero_id");
                }
            }
        }
        if (plans) {
            printPlans(database, url);
        }
    }

    /** The position after the hero that many heroes before the end of the order. */
    private static HeroPosition positionFromTheEnd(String url, HeroSort sort, int fromTheEnd) throws SQLException {
        String reversed = switch (sort) {
            case ID -> "id DESC";
            case ID_DESC -> "id";
            case NAME -> "name DESC, id DESC";
            case NAME_DESC -> "name, id DESC";
            case AGE -> "age IS NULL DESC, age DESC, id DESC";
            case AGE_DESC -> "age IS NULL DESC, age, id DESC";
        };
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT id, name, age FROM hero ORDER BY " + reversed + " LIMIT 1 OFFSET " + fromTheEnd)) {
            row.next();
            int age = row.getInt(3);
            Hero hero = new Hero(row.getLong(1), row.getString(2), row.wasNull() ? null : age, "", 1);
            return HeroPosition.after(hero, sort);
        }
    }

    private static long plainOffset(Connection connection, long offset) {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM hero");
             PreparedStatement page = connection.prepareStatement("SELECT id, name, age, secret_name FROM hero ORDER BY id LIMIT ? OFFSET ?")) {
            long total;
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            page.setLong(1, LIMIT + 1);
            page.setLong(2, offset);
            return total + readAll(page);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long narrowOffset(Connection connection, long offset, boolean postgres) {
        String ids = postgres ? "hero" : "hero INDEXED BY bench_ix_hero_id";
        try (PreparedStatement page = connection.prepareStatement("SELECT id, name, age, secret_name FROM hero WHERE id >= "
                + "(SELECT id FROM " + ids + " ORDER BY id LIMIT 1 OFFSET ?) ORDER BY id LIMIT ?")) {
            page.setLong(1, offset);
            page.setLong(2, LIMIT + 1);
            return readAll(page);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long readAll(PreparedStatement statement) throws SQLException {
        long read = 0;
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                read += rows.getLong(1) + rows.getString(2).length() + rows.getInt(3) + rows.getString(4).length();
            }
        }
        return read;
    }

    private static void printPlans(HeroDatabase database, String url) throws SQLException {
        boolean postgres = url.startsWith("jdbc:postgresql");
        List<HeroQuery> queries = new ArrayList<>();
        for (HeroSort sort : HeroSort.values()) {
            HeroQuery first = HeroQuery.page(0, LIMIT).sortedBy(sort);
            queries.add(first);
            queries.add(first.after(database.heroes().find(first).next().orElseThrow()));
        }
        queries.add(HeroQuery.page(500_000, LIMIT));
        queries.add(HeroQuery.page(500_000, LIMIT).sortedBy(HeroSort.ID_DESC));
        queries.add(HeroQuery.page(0, LIMIT).sortedBy(HeroSort.AGE).after(new HeroPosition(HeroSort.AGE, 5, null, null)));
        try (Connection connection = DriverManager.getConnection(url)) {
            for (HeroQuery query : queries) {
                ListShape shape = ListShape.of(query);
                ListSql.ListStatement statement = ListSql.render(shape);
                System.out.printf("%n== %s%n%s%n", shape, statement.sql());
                try (PreparedStatement explain = connection.prepareStatement((postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + statement.sql())) {
                    statement.bind(explain, query);
                    try (ResultSet plan = explain.executeQuery()) {
                        while (plan.next()) {
                            System.out.println("   " + (postgres ? plan.getString(1) : plan.getString(4)));
                        }
                    }
                }
            }
        }
    }

    private static void time(String label, LongSupplier call) {
        long sink = 0;
        for (int i = 0; i < 200; i++) {
            sink += call.getAsLong();
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long calls = 0;
            long started = System.nanoTime();
            long elapsed;
            do {
                sink += call.getAsLong();
                calls++;
                elapsed = System.nanoTime() - started;
            } while (elapsed < 500_000_000L || calls < 20);
            best = Math.min(best, elapsed / 1e3 / calls);
        }
        System.out.printf("%-60s %10.1f%s%n", label, best, sink == 42 ? " " : "");
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
