package dev.hero.persistence.jooq;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.KeyedCreate;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.port.out.Heroes;
import dev.hero.persistence.jooq.generated.tables.records.HeroRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.RenderTable;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.hero.persistence.jooq.generated.Tables.HERO;
import static dev.hero.persistence.jooq.generated.Tables.HERO_IDEMPOTENCY;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;

/** The {@link Heroes} port in SQL: one statement per operation, the same on SQLite and PostgreSQL. */
final class JooqHeroes implements Heroes {

    /*
     * The reads run as fixed SQL on plain JDBC: building and rendering a jOOQ query on every call
     * is the larger part of a read's cost (docs/performance.md). The texts are rendered once, from the
     * generated table, and select its fields in order, which is how HeroTable.row reads them.
     */
    static final String FIND_BY_ID = render(select(HERO.fields()).from(HERO).where(HERO.ID.eq(param("id", Long.class))));

    /** The column after the hero's in every list statement. */
    private static final int TOTAL_COLUMN = HERO.fields().length + 1;

    /** Expired idempotency keys removed by each keyed create: more than it adds, so the expired ones never pile up. */
    static final int PURGE_BATCH = 16;

    private final Store store;
    private volatile String addSql;
    /** Each shape's statement, rendered when first asked for: a few dozen at most ({@link ListShape}). */
    private final Map<ListShape, ListSql.ListStatement> lists = new ConcurrentHashMap<>();

    JooqHeroes(Store store) {
        this.store = store;
    }

    /**
     * One {@code INSERT ... RETURNING}, fixed SQL like the reads: building and rendering it with jOOQ on every call,
     * and on SQLite preparing it again (which compiles the count triggers and every index into it), cost more than
     * running it. Its columns are those {@link HeroTable#columnsOf(NewHero)} sets, in that order.
     */
    @Override
    public Hero add(NewHero hero) {
        Map<Field<?>, Object> columns = HeroTable.columnsOf(hero);
        return store.writeQuery(addSql(columns.keySet()), statement -> {
            int index = 1;
            for (Map.Entry<Field<?>, Object> column : columns.entrySet()) {
                if (column.getValue() == null) {
                    statement.setNull(index++, column.getKey().getDataType().getSQLType());
                } else {
                    statement.setObject(index++, column.getValue());
                }
            }
        }, rows -> {
            rows.next();
            return HeroTable.toHero(HeroTable.row(rows));
        });
    }

    /**
     * In one write (one transaction of the store): a batch of expired keys removed through the index on the expiry; the
     * key claimed with {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE expires_at <= now} (a new key, or an expired
     * one taken over; a live one is left alone and counts 0 rows); then the hero inserted and its id written to the
     * key's row. On PostgreSQL a second transaction claiming the same key waits on the primary key until the first
     * commits, then finds it live and reads its row: one hero per key across instances. The write has no effect
     * outside the database, so the SQLite writer may run it again alone when its batch fails.
     */
    @Override
    public KeyedCreate.Outcome add(NewHero hero, KeyedCreate create) {
        String key = create.key().value();
        long now = create.now().toEpochMilli();
        long expiresAt = create.expiresAt().toEpochMilli();
        return store.write(sql -> {
            sql.deleteFrom(HERO_IDEMPOTENCY).where(HERO_IDEMPOTENCY.IDEMPOTENCY_KEY.in(
                    select(HERO_IDEMPOTENCY.IDEMPOTENCY_KEY).from(HERO_IDEMPOTENCY)
                            .where(HERO_IDEMPOTENCY.EXPIRES_AT.le(now)).limit(PURGE_BATCH))).execute();
            int claimed = sql.insertInto(HERO_IDEMPOTENCY)
                    .set(HERO_IDEMPOTENCY.IDEMPOTENCY_KEY, key)
                    .set(HERO_IDEMPOTENCY.FINGERPRINT, create.fingerprint())
                    .set(HERO_IDEMPOTENCY.EXPIRES_AT, expiresAt)
                    .onConflict(HERO_IDEMPOTENCY.IDEMPOTENCY_KEY)
                    .doUpdate()
                    .set(HERO_IDEMPOTENCY.FINGERPRINT, create.fingerprint())
                    .set(HERO_IDEMPOTENCY.EXPIRES_AT, expiresAt)
                    .setNull(HERO_IDEMPOTENCY.HERO_ID)
                    .where(HERO_IDEMPOTENCY.EXPIRES_AT.le(now))
                    .execute();
            if (claimed == 0) {
                var stored = sql.select(HERO_IDEMPOTENCY.FINGERPRINT, HERO_IDEMPOTENCY.HERO_ID).from(HERO_IDEMPOTENCY)
                        .where(HERO_IDEMPOTENCY.IDEMPOTENCY_KEY.eq(key)).fetchSingle();
                return new KeyedCreate.Stored(stored.value1(), stored.value2());
            }
            HeroRecord added = sql.insertInto(HERO).set(HeroTable.columnsOf(hero)).returning().fetchSingle();
            sql.update(HERO_IDEMPOTENCY).set(HERO_IDEMPOTENCY.HERO_ID, added.getId())
                    .where(HERO_IDEMPOTENCY.IDEMPOTENCY_KEY.eq(key)).execute();
            return new KeyedCreate.Added(HeroTable.toHero(added::get));
        });
    }

    /** The INSERT of these columns, rendered the first time (every hero sets the same columns). */
    private String addSql(Collection<Field<?>> columns) {
        String rendered = addSql;
        if (rendered == null) {
            List<Field<?>> set = List.copyOf(columns);
            // jOOQ leaves RETURNING out of a rendered INSERT (it adds it when it runs one itself): the generated
            // fields, in order, as the fixed reads select them
            rendered = render(insertInto(HERO).columns(set)
                    .values(set.stream().map(column -> (Field<?>) param(column.getName(), column.getType())).toList()))
                    + " RETURNING " + Stream.of(HERO.fields()).map(Field::getName).collect(Collectors.joining(", "));
            addSql = rendered;
        }
        return rendered;
    }

    @Override
    public Optional<Hero> findById(long id) {
        return query(FIND_BY_ID, rows -> rows.next() ? Optional.of(HeroTable.toHero(HeroTable.row(rows))) : Optional.empty(),
                id);
    }

    /**
     * One fixed statement per shape of query ({@link ListSql}), rendered the first time the shape is asked for: the
     * page and its total in one read.
     */
    @Override
    public HeroPage find(HeroQuery query) {
        ListSql.ListStatement statement = lists.computeIfAbsent(ListShape.of(query), ListSql::render);
        return store.query(statement.sql(), prepared -> statement.bind(prepared, query), rows -> {
            List<Hero> fetched = new ArrayList<>(query.limit() + 1);
            long total = 0;
            while (rows.next()) {
                total = rows.getLong(TOTAL_COLUMN);
                HeroTable.Row row = HeroTable.row(rows);
                // a page with no hero is one row: the total, and nulls where a hero would be
                if (row.get(HERO.ID) != null) {
                    fetched.add(HeroTable.toHero(row));
                }
            }
            return HeroPage.of(query, fetched, total);
        });
    }

    /**
     * One {@code UPDATE ... SET <only the set columns>, version = CASE WHEN <a column changes> THEN version + 1 ELSE
     * version END WHERE id = ? [AND version IN (...)] RETURNING}: the database keeps the row whole, and checks the
     * precondition and writes in one step (on PostgreSQL, an update that waited for another's row lock checks its WHERE
     * again against the row that one left).
     */
    @Override
    public Optional<Hero> update(long id, HeroChanges changes, Precondition precondition) {
        return store.write(sql -> sql.update(HERO)
                .set(HeroTable.columnsOf(changes))
                .set(HERO.VERSION, DSL.when(HeroTable.changesSomething(changes), HERO.VERSION.plus(1L)).otherwise(HERO.VERSION))
                .where(HERO.ID.eq(id).and(meets(precondition)))
                .returning()
                .fetchOptional()
                .map(row -> HeroTable.toHero(row::get)));
    }

    @Override
    public boolean delete(long id, Precondition precondition) {
        return store.write(sql -> sql.deleteFrom(HERO).where(HERO.ID.eq(id).and(meets(precondition))).execute() > 0);
    }

    /** The precondition on the row's version; none at all, or {@code *}, asks nothing of it. */
    private static Condition meets(Precondition precondition) {
        return switch (precondition) {
            case Precondition.None none -> DSL.noCondition();
            case Precondition.Exists any -> DSL.noCondition();
            case Precondition.VersionIn expected -> HERO.VERSION.in(expected.versions());
        };
    }

    /** Runs a fixed read with these ids as its parameters. */
    private <T> T query(String text, Store.Rows<T> read, long... parameters) {
        return store.query(text, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.setLong(i + 1, parameters[i]);
            }
        }, read);
    }

    /**
     * Nothing but this class's initialization, which renders its statements and with them loads jOOQ's SQL types
     * ({@link HeroDatabase#prepare()}).
     */
    static void prepare() {
        // the statements above rendered as the class initialized, before this call
    }

    /**
     * Unquoted names and no schema, which SQLite and PostgreSQL both take as they are, so one text serves
     * both; keywords in capitals and columns without their table, as the SQL would be written by hand.
     */
    static String render(Query query) {
        return sql().render(query);
    }

    /** {@link #render(Query)} with each named parameter as {@code :name} instead of {@code ?}. */
    static String renderNamed(Query query) {
        return sql().renderNamedParams(query);
    }

    private static DSLContext sql() {
        return DSL.using(SQLDialect.SQLITE, new Settings()
                .withRenderSchema(false)
                .withRenderQuotedNames(RenderQuotedNames.NEVER)
                .withRenderTable(RenderTable.WHEN_MULTIPLE_TABLES)
                .withRenderKeywordCase(RenderKeywordCase.UPPER));
    }
}
