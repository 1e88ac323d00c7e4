package dev.hero.persistence.jooq;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroPosition;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.HeroSort;
import dev.hero.domain.model.IdempotencyKey;
import dev.hero.domain.model.KeyedCreate;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.port.out.Heroes;
import dev.hero.domain.testkit.HeroBuilder;
import dev.hero.domain.testkit.HeroesContract;
import org.flywaydb.core.Flyway;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static dev.hero.domain.testkit.HeroBuilder.aHero;
import static dev.hero.persistence.jooq.generated.Tables.HERO;
import static dev.hero.persistence.jooq.generated.Tables.HERO_COUNT;
import static dev.hero.persistence.jooq.generated.Tables.HERO_IDEMPOTENCY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.sum;

/**
 * The port contract on one kind of database, and what the SQL adapter adds to it there: the migrated table is the
 * generated one, and the fixed reads select its columns in the order {@link HeroTable} reads them; pages by offset in
 * id order are right across every range the counts add up, with rows written by other SQL clients, before the list
 * migration and after it; the counts stay true under concurrent writes; and every list statement reads its order from
 * an index.
 */
abstract class JooqHeroesContract extends HeroesContract {

    /** The database for the whole class; emptied before each test. */
    protected abstract HeroDatabase database();

    /** The URL of a new database of the kind, empty: not even migrated. */
    protected abstract String newDatabaseUrl();

    /** Drops a database {@link #newDatabaseUrl()} made. */
    protected abstract void dropDatabase(String url) throws Exception;

    /** Where the kind's migrations are, for Flyway. */
    protected abstract String migrations();

    @Override
    protected Heroes emptyHeroes() {
        TestDatabases.deleteAllHeroes(database());
        return database().heroes();
    }

    @Test
    void givenTheMigratedTable_whenTheFixedReadsRun_thenTheySelectEveryColumnInTheOrderOfTheGeneratedFields() {
        List<String> generated = Stream.of(HERO.fields()).map(Field::getName).toList();
        List<String> withTotal = new ArrayList<>(generated);
        withTotal.add("total");

        assertThat(columns("SELECT * FROM hero")).as("the migrated table").containsExactlyInAnyOrderElementsOf(generated);
        assertThat(columns(JooqHeroes.FIND_BY_ID, 1)).as(JooqHeroes.FIND_BY_ID).containsExactlyElementsOf(generated);
        for (HeroQuery query : sampleQueries()) {
            ListSql.ListStatement list = ListSql.render(ListShape.of(query));
            assertThat(columns(list.sql(), query)).as(list.sql()).containsExactlyElementsOf(withTotal);
        }
    }

    /** A query of every order and start, unfiltered and filtered. */
    private static List<HeroQuery> sampleQueries() {
        List<HeroQuery> queries = new ArrayList<>();
        for (HeroSort sort : HeroSort.values()) {
            HeroQuery first = HeroQuery.page(0, 10).sortedBy(sort);
            Hero somewhere = new Hero(5, "Deadpond", 30, "", 1);
            for (HeroQuery query : List.of(first, first.after(HeroPosition.after(somewhere, sort)), HeroQuery.page(2_000, 10).sortedBy(sort))) {
                queries.add(query);
                queries.add(query.filteredBy("Deadpond", null, null));
                queries.add(query.filteredBy(null, 18, 40));
            }
            queries.add(first.after(HeroPosition.after(new Hero(5, "Deadpond", null, "", 1), sort)));
        }
        return queries;
    }

    // pages by offset in id order: the counts per range of ids

    /** Ids in dense and sparse stretches across the narrow, middle and wide ranges, negative ones and 0 included. */
    private static List<Long> idsAcrossRanges() {
        List<Long> ids = new ArrayList<>();
        LongStream.rangeClosed(1, 2_600).forEach(ids::add);
        LongStream.rangeClosed(16_370, 16_400).forEach(ids::add);          // across 1 << 14
        LongStream.rangeClosed(262_000, 263_700).forEach(ids::add);        // across 1 << 18
        LongStream.rangeClosed(-263_000, -261_000).filter(id -> id % 7 == 0).forEach(ids::add);
        ids.addAll(List.of(-1L, 0L, 5_000_000L, 1_000_000_000L, (1L << 40) + 5, (1L << 62) + 3));
        return ids;
    }

    @Test
    void givenRowsWrittenWithSqlAcrossManyRanges_whenFindPagesAtAnyOffsetInIdOrder_thenTheyAreSlicesOfTheTableWithItsTotal() {
        insertWithIds(idsAcrossRanges());
        // holes: a fifth of everything, one whole narrow range, most of a middle one, and one hero through the port
        writeSql("DELETE FROM hero WHERE id % 5 = 0");
        writeSql("DELETE FROM hero WHERE id >= 1024 AND id < 2048");
        writeSql("DELETE FROM hero WHERE id >= 262144 AND id < 263500");
        heroes.delete(7);
        List<Long> table = idsInTheTable();
        List<Long> descending = table.reversed();
        int total = table.size();

        List<Long> offsets = new ArrayList<>(List.of(0L, 1L, 2L, 1_022L, 1_023L, 1_024L, 1_025L, 2_047L, 2_048L));
        for (long offset = 3; offset < total + 3; offset += 97) {
            offsets.add(offset);
        }
        offsets.addAll(List.of((long) total - 8, (long) total - 1, (long) total, (long) total + 1, Long.MAX_VALUE));
        for (long offset : offsets) {
            HeroPage up = heroes.find(HeroQuery.page(offset, 7));
            HeroPage down = heroes.find(HeroQuery.page(offset, 7).sortedBy(HeroSort.ID_DESC));

            assertThat(up.heroes()).as("offset %d", offset).extracting(Hero::id).containsExactlyElementsOf(slice(table, offset, 7));
            assertThat(down.heroes()).as("-id, offset %d", offset).extracting(Hero::id).containsExactlyElementsOf(slice(descending, offset, 7));
            assertThat(up.total()).isEqualTo(total);
            assertThat(down.total()).isEqualTo(total);
            assertThat(up.next().isPresent()).as("next at offset %d", offset).isEqualTo(offset < total - 7);
        }
        assertThat(heroes.find(HeroQuery.page(1_500, HeroQuery.MAX_LIMIT)).heroes()).extracting(Hero::id)
                .containsExactlyElementsOf(slice(table, 1_500, HeroQuery.MAX_LIMIT));
        assertThat(heroes.find(HeroQuery.page(3_000, 0)).total()).isEqualTo(total);
        assertThat(countsPerRange()).isEqualTo(expectedCounts(table));
    }

    @Test
    void givenATableFilledWithSqlBeforeTheListMigration_whenHeroStartsOnIt_thenItsPagesAndTotalCoverEveryRow() throws Exception {
        String url = newDatabaseUrl();
        try {
            Flyway.configure().dataSource(url, null, null).locations(migrations()).target("1").load().migrate();
            List<Long> ids = idsAcrossRanges();
            try (Connection connection = DriverManager.getConnection(url);
                 PreparedStatement insert = connection.prepareStatement(insertText(1, url.startsWith("jdbc:postgresql")))) {
                for (long id : ids) {
                    bindRow(insert, 1, id);
                    insert.addBatch();
                }
                insert.executeBatch();
                if (url.startsWith("jdbc:postgresql")) {
                    // as a tool that writes ids of its own must, so that the identity's next ids are free
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("SELECT setval(pg_get_serial_sequence('hero', 'id'), max(id)) FROM hero");
                    }
                }
            }
            List<Long> table = ids.stream().sorted().toList();

            try (HeroDatabase started = HeroDatabase.open(DatabaseSettings.of(url))) {
                for (long offset : new long[] {0, 1_023, 1_024, 2_600, 2_700, 4_000, table.size() - 1}) {
                    HeroPage page = started.heroes().find(HeroQuery.page(offset, 50));
                    assertThat(page.heroes()).as("offset %d", offset).extracting(Hero::id).containsExactlyElementsOf(slice(table, offset, 50));
                    assertThat(page.total()).isEqualTo(table.size());
                }
                Hero added = started.heroes().add(aHero().named("After the import").build());
                assertThat(started.heroes().find(HeroQuery.page(table.size(), 10)).heroes()).containsExactly(added);
            }
        } finally {
            dropDatabase(url);
        }
    }

    @Test
    void givenCountsMadeWrongWhileHeroWasStopped_whenHeroStarts_thenTheyAreRebuiltWithAWarningAndPagesAreRightAgain() throws Exception {
        String url = newDatabaseUrl();
        try {
            List<Long> ids = new ArrayList<>();
            try (HeroDatabase first = HeroDatabase.open(DatabaseSettings.of(url))) {
                for (int i = 0; i < 40; i++) {
                    ids.add(first.heroes().add(aHero().named("Hero " + i).build()).id());
                }
            }
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                // as a client that writes without the triggers would leave them
                statement.execute("UPDATE hero_count SET n = n + 3 WHERE bucket = 0");
            }

            try (LogCapture log = LogCapture.silencingTheConsole(); HeroDatabase started = HeroDatabase.open(DatabaseSettings.of(url))) {
                HeroPage page = started.heroes().find(HeroQuery.page(0, 0));
                assertThat(page.total()).isEqualTo(40);
                assertThat(started.heroes().find(HeroQuery.page(35, 10)).heroes()).extracting(Hero::id).containsExactlyElementsOf(ids.subList(35, 40));
                assertThat(log.lines()).filteredOn(line -> line.logger().equals(HeroCounts.class.getName()))
                        .singleElement().satisfies(line -> assertThat(line.text()).contains("43 heroes where the table holds 40"));
            }
            try (LogCapture log = LogCapture.silencingTheConsole(); HeroDatabase again = HeroDatabase.open(DatabaseSettings.of(url))) {
                assertThat(log.lines()).noneMatch(line -> line.logger().equals(HeroCounts.class.getName()));
            }
        } finally {
            dropDatabase(url);
        }
    }

    @Test
    void givenConcurrentAddsAndDeletes_whenTheySettle_thenEveryRangeCountsTheHeroesItHolds() throws Exception {
        List<Hero> before = IntStream.range(0, 200).mapToObj(i -> heroes.add(aHero().named("Before " + i).build())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 16; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        Hero added = heroes.add(aHero().named("Writer " + writer + " " + i).build());
                        if (i % 3 == 0) {
                            heroes.delete(added.id());
                        }
                        heroes.delete(before.get((writer * 30 + i) % before.size()).id());
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Long> table = idsInTheTable();
        assertThat(countsPerRange()).isEqualTo(expectedCounts(table));
        assertThat(heroes.find(HeroQuery.page(0, 0)).total()).isEqualTo(table.size());
    }

    @Test
    void givenEachListStatement_whenPlanned_thenNoneSortsTheHeroes() {
        for (HeroQuery query : sampleQueries()) {
            if (query.filtered() && !(query.name() != null && query.sort() == HeroSort.ID)) {
                continue; // an order and a filter of another column: the planner may look the filter up and sort
            }
            ListSql.ListStatement list = ListSql.render(ListShape.of(query));
            Plan plan = plan(list, query);
            assertThat(plan.sortsTheHeroes()).as("%s: %s%n%s", ListShape.of(query), list.sql(), String.join("\n", plan.steps())).isFalse();
        }
    }

    /** The plan of a list statement, one line per step: SQLite's {@code EXPLAIN QUERY PLAN}, PostgreSQL's {@code EXPLAIN}. */
    private Plan plan(ListSql.ListStatement list, HeroQuery query) {
        return database().store().write(sql -> sql.connectionResult(connection -> {
            boolean postgres = sql.dialect().family() == SQLDialect.POSTGRES;
            if (postgres) {
                // on a table this small a scan and a sort are cheapest: ask for the plan that needs neither, if any
                try (Statement settings = connection.createStatement()) {
                    settings.execute("SET LOCAL enable_seqscan = off");
                    settings.execute("SET LOCAL enable_sort = off");
                    settings.execute("SET LOCAL enable_incremental_sort = off");
                    settings.execute("SET LOCAL enable_bitmapscan = off");
                }
            }
            try (PreparedStatement explain = connection.prepareStatement((postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + list.sql())) {
                list.bind(explain, query);
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = explain.executeQuery()) {
                    while (rows.next()) {
                        lines.add(postgres ? rows.getString(1) : rows.getInt(1) + " " + rows.getInt(2) + " " + rows.getString(4));
                    }
                }
                return new Plan(postgres, lines);
            }
        }));
    }

    private static final Pattern SQLITE_STEP = Pattern.compile("(\\d+) (\\d+) (.*)");
    private static final Pattern READS_HERO = Pattern.compile("(SCAN|SEARCH) hero\\b(?!_)|\\bon hero\\b(?!_)");

    private record Plan(boolean postgres, List<String> steps) {

        /**
         * Whether a sort has heroes under it: in SQLite's plan a temporary b-tree for an ORDER BY (or GROUP BY) beside
         * a step that reads hero; in PostgreSQL's a Sort node with a scan of hero below it, or a scan of the whole
         * table. Sorting the few rows of hero_count is fine.
         */
        boolean sortsTheHeroes() {
            return postgres ? postgresSortsTheHeroes(steps) : sqliteSortsTheHeroes(steps);
        }
    }

    private static boolean sqliteSortsTheHeroes(List<String> plan) {
        Map<Integer, Integer> parents = new HashMap<>();
        Map<Integer, String> steps = new HashMap<>();
        for (String line : plan) {
            Matcher step = SQLITE_STEP.matcher(line);
            if (step.matches()) {
                parents.put(Integer.parseInt(step.group(1)), Integer.parseInt(step.group(2)));
                steps.put(Integer.parseInt(step.group(1)), step.group(3));
            }
        }
        for (Map.Entry<Integer, String> step : steps.entrySet()) {
            if (step.getValue().contains("TEMP B-TREE")) {
                int parent = parents.get(step.getKey());
                if (steps.keySet().stream().anyMatch(other -> descends(other, parent, parents) && READS_HERO.matcher(steps.get(other)).find())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean descends(int step, int ancestor, Map<Integer, Integer> parents) {
        for (Integer at = parents.get(step); at != null; at = parents.get(at)) {
            if (at == ancestor) {
                return true;
            }
            if (at == 0) {
                return ancestor == 0;
            }
        }
        return false;
    }

    private static boolean postgresSortsTheHeroes(List<String> plan) {
        for (int i = 0; i < plan.size(); i++) {
            String line = plan.get(i);
            if (line.matches("\\s*(->\\s+)?Seq Scan on hero\\b(?!_).*")) {
                return true;
            }
            if (!line.matches("\\s*(->\\s+)?(Incremental )?Sort\\b.*")) {
                continue;
            }
            int depth = indentation(line);
            for (int j = i + 1; j < plan.size() && indentation(plan.get(j)) > depth; j++) {
                if (plan.get(j).contains("->") && READS_HERO.matcher(plan.get(j)).find()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indentation(String line) {
        int arrow = line.indexOf("->");
        if (arrow >= 0 && line.substring(0, arrow).isBlank()) {
            return arrow;
        }
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        // a node's details (Index Cond, Filter) are indented past its arrow: they belong to it
        return line.contains("->") ? spaces : spaces + 1_000;
    }

    private static List<Long> slice(List<Long> ids, long offset, int limit) {
        int from = (int) Math.min(offset, ids.size());
        return ids.subList(from, Math.min(from + limit, ids.size()));
    }

    private List<Long> idsInTheTable() {
        return database().store().read(sql -> sql.select(HERO.ID).from(HERO).orderBy(HERO.ID).fetch(HERO.ID));
    }

    /** The count of each range, summed over its slots, leaving out those that add up to none. */
    private Map<List<Long>, Long> countsPerRange() {
        return database().store().read(sql -> sql.select(HERO_COUNT.SHIFT, HERO_COUNT.BUCKET, sum(HERO_COUNT.N))
                .from(HERO_COUNT).groupBy(HERO_COUNT.SHIFT, HERO_COUNT.BUCKET).having(sum(HERO_COUNT.N).ne(BigDecimal.ZERO))
                .fetchMap(row -> List.of(row.value1().longValue(), row.value2()), row -> row.value3().longValue()));
    }

    private static Map<List<Long>, Long> expectedCounts(List<Long> ids) {
        Map<List<Long>, Long> counts = new HashMap<>();
        for (long id : ids) {
            for (int shift : ListSql.SHIFTS) {
                counts.merge(List.of((long) shift, id >> shift), 1L, Long::sum);
            }
        }
        return counts;
    }

    // versions (issue 11)

    @Test
    void givenATableFilledWithSqlBeforeTheVersionMigration_whenHeroStartsOnIt_thenEveryHeroIsAtTheFirstVersion() throws Exception {
        String url = newDatabaseUrl();
        try {
            Flyway.configure().dataSource(url, null, null).locations(migrations()).target("2").load().migrate();
            try (Connection connection = DriverManager.getConnection(url);
                 PreparedStatement insert = connection.prepareStatement(insertText(1, url.startsWith("jdbc:postgresql")))) {
                for (long id : new long[] {3, 5}) {
                    bindRow(insert, 1, id);
                    insert.executeUpdate();
                }
            }

            try (HeroDatabase started = HeroDatabase.open(DatabaseSettings.of(url))) {
                Heroes imported = started.heroes();
                assertThat(imported.findById(3)).get().extracting(Hero::version).isEqualTo(Hero.FIRST_VERSION);
                assertThat(imported.update(5, HeroBuilder.renameTo("Renamed"), Precondition.versionIn(Set.of(Hero.FIRST_VERSION))))
                        .get().extracting(Hero::version).isEqualTo(2L);
            }
        } finally {
            dropDatabase(url);
        }
    }

    @Test
    void givenRowsInsertedWithSqlWithoutAVersion_whenRead_thenTheyAreAtTheFirstVersionAndTakeConditionalWrites() {
        insertWithIds(List.of(11L, 12L));

        assertThat(heroes.findById(11)).get().extracting(Hero::version).isEqualTo(Hero.FIRST_VERSION);
        assertThat(heroes.delete(12, Precondition.versionIn(Set.of(2L)))).isFalse();
        assertThat(heroes.delete(12, Precondition.versionIn(Set.of(Hero.FIRST_VERSION)))).isTrue();
    }

    // idempotency keys (issue 11)

    @Test
    void givenExpiredKeys_whenAKeyedCreateRuns_thenItRemovesABatchOfThemAndNoLiveOne() {
        Instant then = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 40; i++) {
            heroes.add(aHero().build(), new KeyedCreate(new IdempotencyKey("old-" + i), "f", then, then.plusSeconds(60)));
        }
        heroes.add(aHero().build(), new KeyedCreate(new IdempotencyKey("live"), "f", then, then.plusSeconds(3_600)));
        Instant later = then.plusSeconds(120);

        heroes.add(aHero().build(), new KeyedCreate(new IdempotencyKey("new"), "f", later, later.plusSeconds(60)));

        assertThat(keyRows()).isEqualTo(40 - JooqHeroes.PURGE_BATCH + 2);
        assertThat(heroes.add(aHero().build(), new KeyedCreate(new IdempotencyKey("live"), "g", later, later)))
                .isInstanceOf(KeyedCreate.Stored.class);
    }

    @Test
    void givenAKeyedCreate_whenTheDatabaseIsOpenedAgain_thenTheKeyStillHoldsAndItsSecretNameIsNowhereInClear() throws Exception {
        String url = newDatabaseUrl();
        Instant now = Instant.now();
        KeyedCreate create = new KeyedCreate(new IdempotencyKey("restart-1"), "fingerprint", now, now.plusSeconds(3_600));
        try {
            long id;
            try (HeroDatabase first = HeroDatabase.open(DatabaseSettings.of(url))) {
                id = ((KeyedCreate.Added) first.heroes().add(aHero().withSecretName("Dive Wilson").build(), create)).hero().id();
            }
            try (HeroDatabase again = HeroDatabase.open(DatabaseSettings.of(url))) {
                assertThat(again.heroes().add(aHero().build(), create)).isEqualTo(new KeyedCreate.Stored("fingerprint", id));
                String row = again.store().read(sql -> sql.selectFrom(HERO_IDEMPOTENCY).fetchSingle().formatCSV());
                assertThat(row).contains("restart-1").doesNotContain("Dive Wilson");
            }
        } finally {
            dropDatabase(url);
        }
    }

    private int keyRows() {
        return database().store().read(sql -> sql.fetchCount(HERO_IDEMPOTENCY));
    }

    private void writeSql(String statement) {
        database().store().write(sql -> sql.execute(statement));
    }

    /** Rows with these ids, as another SQL client writes them: in statements of many rows. */
    private void insertWithIds(List<Long> ids) {
        for (int from = 0; from < ids.size(); from += 2_000) {
            List<Long> chunk = ids.subList(from, Math.min(from + 2_000, ids.size()));
            database().store().write(sql -> sql.connectionResult(connection -> {
                boolean postgres = sql.dialect().family() == SQLDialect.POSTGRES;
                try (PreparedStatement insert = connection.prepareStatement(insertText(chunk.size(), postgres))) {
                    for (int i = 0; i < chunk.size(); i++) {
                        bindRow(insert, 4 * i + 1, chunk.get(i));
                    }
                    return insert.executeUpdate();
                }
            }));
        }
    }

    private static String insertText(int rows, boolean postgres) {
        return "INSERT INTO hero (id, name, age, secret_name)" + (postgres ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES "
                + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?)"));
    }

    private static void bindRow(PreparedStatement insert, int first, long id) throws SQLException {
        insert.setLong(first, id);
        insert.setString(first + 1, "Imported " + id);
        if (id % 3 == 0) {
            insert.setNull(first + 2, Types.INTEGER);
        } else {
            insert.setInt(first + 2, (int) Math.floorMod(id, 90));
        }
        insert.setString(first + 3, "secret " + id);
    }

    /** The names of the columns the query returns, in order. */
    private List<String> columns(String query, long... parameters) {
        return columns(query, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setLong(i + 1, parameters[i]);
            }
        });
    }

    private List<String> columns(String text, HeroQuery query) {
        return columns(text, statement -> ListSql.render(ListShape.of(query)).bind(statement, query));
    }

    private List<String> columns(String query, Store.Parameters parameters) {
        return database().store().read(sql -> sql.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(query)) {
                parameters.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    ResultSetMetaData columns = rows.getMetaData();
                    List<String> names = new ArrayList<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        names.add(columns.getColumnName(i));
                    }
                    return names;
                }
            }
        }));
    }
}
