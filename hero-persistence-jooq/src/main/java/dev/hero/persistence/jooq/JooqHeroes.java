package dev.hero.persistence.jooq;

import dev.hero.domain.model.FieldChange;
import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.PageRequest;
import dev.hero.domain.port.out.Heroes;
import dev.hero.persistence.jooq.generated.tables.records.HeroRecord;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.hero.persistence.jooq.generated.Tables.HERO;

/** The {@link Heroes} port in SQL: one statement per operation, the same on SQLite and PostgreSQL. */
final class JooqHeroes implements Heroes {

    /*
     * The two reads as fixed SQL on plain JDBC, the same text on SQLite and PostgreSQL (jOOQ renders no schema
     * here either): building and rendering the jOOQ query took over half the CPU of a GET by id under load
     * (JFR, docs/performance.md). The generated HERO table stays the source of the names, checked by the tests.
     */
    private static final String COLUMNS = "id, name, age, secret_name";
    static final String FIND_BY_ID = "SELECT " + COLUMNS + " FROM hero WHERE id = ?";
    static final String FIND_PAGE = "SELECT " + COLUMNS + " FROM hero ORDER BY id LIMIT ? OFFSET ?";

    private final Store store;

    JooqHeroes(Store store) {
        this.store = store;
    }

    @Override
    public Hero add(NewHero hero) {
        return Unavailability.translate(() -> store.write(sql -> toHero(sql.insertInto(HERO)
                .set(HERO.NAME, hero.name())
                .set(HERO.AGE, hero.age())
                .set(HERO.SECRET_NAME, hero.secretName())
                .returning()
                .fetchSingle())));
    }

    @Override
    public Optional<Hero> findById(long id) {
        return Unavailability.translate(() -> store.read(sql -> sql.connectionResult(connection -> {
            try (PreparedStatement select = connection.prepareStatement(FIND_BY_ID)) {
                select.setLong(1, id);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(toHero(row)) : Optional.<Hero>empty();
                }
            } catch (SQLException e) {
                throw new DataAccessException("SQL [" + FIND_BY_ID + "]; " + e.getMessage(), e);
            }
        })));
    }

    @Override
    public List<Hero> findPage(PageRequest page) {
        if (page.limit() == 0) {
            return List.of();
        }
        return Unavailability.translate(() -> store.read(sql -> sql.connectionResult(connection -> {
            try (PreparedStatement select = connection.prepareStatement(FIND_PAGE)) {
                select.setLong(1, page.limit());
                select.setLong(2, page.offset());
                try (ResultSet rows = select.executeQuery()) {
                    List<Hero> heroes = new ArrayList<>(page.limit());
                    while (rows.next()) {
                        heroes.add(toHero(rows));
                    }
                    return heroes;
                }
            } catch (SQLException e) {
                throw new DataAccessException("SQL [" + FIND_PAGE + "]; " + e.getMessage(), e);
            }
        })));
    }

    /** One {@code UPDATE ... SET <only the set columns> ... RETURNING}: the database keeps the row whole. */
    @Override
    public Optional<Hero> update(long id, HeroChanges changes) {
        if (changes.isEmpty()) {
            return findById(id);
        }
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        if (changes.name() instanceof FieldChange.SetTo<String>(String name)) {
            columns.put(HERO.NAME, name);
        }
        if (changes.age() instanceof FieldChange.SetTo<Integer>(Integer age)) {
            columns.put(HERO.AGE, age);
        }
        if (changes.secretName() instanceof FieldChange.SetTo<String>(String secretName)) {
            columns.put(HERO.SECRET_NAME, secretName);
        }
        return Unavailability.translate(() -> store.write(sql -> sql.update(HERO)
                .set(columns)
                .where(HERO.ID.eq(id))
                .returning()
                .fetchOptional()
                .map(JooqHeroes::toHero)));
    }

    @Override
    public boolean delete(long id) {
        return Unavailability.translate(() -> store.write(sql -> sql.deleteFrom(HERO).where(HERO.ID.eq(id)).execute() > 0));
    }

    private static Hero toHero(ResultSet row) throws SQLException {
        long id = row.getLong(1);
        String name = row.getString(2);
        int age = row.getInt(3);
        Integer ageOrNull = row.wasNull() ? null : age;
        return new Hero(id, name, ageOrNull, row.getString(4));
    }

    private static Hero toHero(HeroRecord row) {
        return new Hero(row.getId(), row.getName(), row.getAge(), row.getSecretName());
    }
}
