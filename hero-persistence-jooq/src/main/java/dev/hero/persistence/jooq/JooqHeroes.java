package dev.hero.persistence.jooq;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroPosition;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.HeroSort;
import dev.hero.domain.port.out.Heroes;
import dev.hero.persistence.jooq.generated.tables.records.HeroRecord;
import org.jooq.Condition;
import org.jooq.Query;
import org.jooq.SortField;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderKeywordCase;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.RenderTable;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.hero.persistence.jooq.generated.Tables.HERO;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;

/** The {@link Heroes} port in SQL: one statement per operation, the same on SQLite and PostgreSQL. */
final class JooqHeroes implements Heroes {

    /*
     * The two hot reads run as fixed SQL on plain JDBC: building and rendering a jOOQ query on every call
     * is the larger part of a read's cost (docs/performance.md). The texts are rendered once, from the
     * generated table, and select its fields in order, which is how HeroTable.row reads them.
     */
    static final String FIND_BY_ID = render(select(HERO.fields()).from(HERO).where(HERO.ID.eq(param("id", Long.class))));

    private final Store store;

    JooqHeroes(Store store) {
        this.store = store;
    }

    @Override
    public Hero add(NewHero hero) {
        return store.write(sql -> {
            HeroRecord added = sql.insertInto(HERO).set(HeroTable.columnsOf(hero)).returning().fetchSingle();
            return HeroTable.toHero(added::get);
        });
    }

    @Override
    public Optional<Hero> findById(long id) {
        return query(FIND_BY_ID, rows -> rows.next() ? Optional.of(HeroTable.toHero(HeroTable.row(rows))) : Optional.empty(),
                id);
    }

    @Override
    public HeroPage find(HeroQuery query) {
        // TODO(#10): the straightforward form; offsets still cost O(offset)
        return store.read(sql -> {
            Condition filters = DSL.noCondition();
            if (query.name() != null) {
                filters = filters.and(HERO.NAME.eq(query.name()));
            }
            if (query.minAge() != null) {
                filters = filters.and(HERO.AGE.ge(query.minAge()));
            }
            if (query.maxAge() != null) {
                filters = filters.and(HERO.AGE.le(query.maxAge()));
            }
            long total = sql.fetchCount(HERO, filters);
            Condition window = filters.and(after(query.after()));
            List<Hero> fetched = query.limit() == 0 ? List.of() : sql.selectFrom(HERO).where(window)
                    .orderBy(order(query.sort()))
                    .limit(query.limit() + 1).offset(query.offset())
                    .fetch(row -> HeroTable.toHero(row::get));
            return HeroPage.of(query, fetched, total);
        });
    }

    private static List<SortField<?>> order(HeroSort sort) {
        return switch (sort) {
            case ID -> List.of(HERO.ID.asc());
            case ID_DESC -> List.of(HERO.ID.desc());
            case NAME -> List.of(HERO.NAME.asc(), HERO.ID.asc());
            case NAME_DESC -> List.of(HERO.NAME.desc(), HERO.ID.asc());
            case AGE -> List.of(HERO.AGE.asc().nullsLast(), HERO.ID.asc());
            case AGE_DESC -> List.of(HERO.AGE.desc().nullsLast(), HERO.ID.asc());
        };
    }

    private static Condition after(HeroPosition at) {
        if (at == null) {
            return DSL.noCondition();
        }
        return switch (at.sort()) {
            case ID -> HERO.ID.gt(at.id());
            case ID_DESC -> HERO.ID.lt(at.id());
            case NAME -> HERO.NAME.gt(at.name()).or(HERO.NAME.eq(at.name()).and(HERO.ID.gt(at.id())));
            case NAME_DESC -> HERO.NAME.lt(at.name()).or(HERO.NAME.eq(at.name()).and(HERO.ID.gt(at.id())));
            case AGE -> at.age() == null ? HERO.AGE.isNull().and(HERO.ID.gt(at.id()))
                    : HERO.AGE.gt(at.age()).or(HERO.AGE.eq(at.age()).and(HERO.ID.gt(at.id()))).or(HERO.AGE.isNull());
            case AGE_DESC -> at.age() == null ? HERO.AGE.isNull().and(HERO.ID.gt(at.id()))
                    : HERO.AGE.lt(at.age()).or(HERO.AGE.eq(at.age()).and(HERO.ID.gt(at.id()))).or(HERO.AGE.isNull());
        };
    }

    /** One {@code UPDATE ... SET <only the set columns> ... RETURNING}: the database keeps the row whole. */
    @Override
    public Optional<Hero> update(long id, HeroChanges changes) {
        return store.write(sql -> sql.update(HERO)
                .set(HeroTable.columnsOf(changes))
                .where(HERO.ID.eq(id))
                .returning()
                .fetchOptional()
                .map(row -> HeroTable.toHero(row::get)));
    }

    @Override
    public boolean delete(long id) {
        return store.write(sql -> sql.deleteFrom(HERO).where(HERO.ID.eq(id)).execute() > 0);
    }

    /** Runs a fixed read with its parameters on the connection jOOQ's provider hands out. */
    private <T> T query(String text, Rows<T> read, long... parameters) {
        return store.read(sql -> sql.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(text)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setLong(i + 1, parameters[i]);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    return read.from(rows);
                }
            } catch (SQLException e) {
                throw new DataAccessException("SQL [" + text + "]; " + e.getMessage(), e);
            }
        }));
    }

    /**
     * Unquoted names and no schema, which SQLite and PostgreSQL both take as they are, so one text serves
     * both; keywords in capitals and columns without their table, as the SQL would be written by hand.
     */
    private static String render(Query query) {
        return DSL.using(SQLDialect.SQLITE, new Settings()
                        .withRenderSchema(false)
                        .withRenderQuotedNames(RenderQuotedNames.NEVER)
                        .withRenderTable(RenderTable.WHEN_MULTIPLE_TABLES)
                        .withRenderKeywordCase(RenderKeywordCase.UPPER))
                .render(query);
    }

    @FunctionalInterface
    private interface Rows<T> {
        T from(ResultSet rows) throws SQLException;
    }
}
