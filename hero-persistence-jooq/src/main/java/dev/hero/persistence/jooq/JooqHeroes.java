package dev.hero.persistence.jooq;

import dev.hero.domain.model.FieldChange;
import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.PageRequest;
import dev.hero.domain.port.out.Heroes;
import dev.hero.persistence.jooq.generated.tables.records.HeroRecord;
import org.jooq.Field;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.hero.persistence.jooq.generated.Tables.HERO;

/** The {@link Heroes} port in SQL: one statement per operation, the same on SQLite and PostgreSQL. */
final class JooqHeroes implements Heroes {

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
        return Unavailability.translate(() -> store.read(sql -> sql.selectFrom(HERO)
                .where(HERO.ID.eq(id))
                .fetchOptional()
                .map(JooqHeroes::toHero)));
    }

    @Override
    public List<Hero> findPage(PageRequest page) {
        if (page.limit() == 0) {
            return List.of();
        }
        return Unavailability.translate(() -> store.read(sql -> sql.selectFrom(HERO)
                .orderBy(HERO.ID)
                .limit(page.limit())
                .offset(page.offset())
                .fetch(JooqHeroes::toHero)));
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

    private static Hero toHero(HeroRecord row) {
        return new Hero(row.getId(), row.getName(), row.getAge(), row.getSecretName());
    }
}
