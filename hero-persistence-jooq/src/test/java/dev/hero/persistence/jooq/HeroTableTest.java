package dev.hero.persistence.jooq;

import dev.hero.domain.model.Hero;
import org.jooq.Field;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static dev.hero.domain.testkit.HeroBuilder.aHero;
import static dev.hero.domain.testkit.HeroBuilder.setAge;
import static dev.hero.domain.testkit.HeroBuilder.setAll;
import static dev.hero.persistence.jooq.generated.Tables.HERO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The one mapping covers every column of the generated table: a column added to the migrations and not mapped fails here. */
class HeroTableTest {

    /** Every column of the table but the id, which the database assigns, and the version, which the database keeps. */
    private static final List<Field<?>> WRITTEN = Stream.of(HERO.fields())
            .filter(column -> !column.equals(HERO.ID) && !column.equals(HERO.VERSION)).toList();

    @Test
    void givenARowOfTheGeneratedTable_whenMappedToAHero_thenEveryColumnIsRead() {
        Set<Field<?>> read = new HashSet<>();
        Map<Class<?>, Object> sampleOfType = Map.of(Long.class, 7L, Integer.class, 30, String.class, "Deadpond");

        Hero hero = HeroTable.toHero(new HeroTable.Row() {
            @Override
            public <T> T get(Field<T> column) {
                read.add(column);
                return column.getType().cast(sampleOfType.get(column.getType()));
            }
        });

        assertThat(read).containsExactlyInAnyOrder(HERO.fields());
        assertThat(hero).isEqualTo(new Hero(7, "Deadpond", 30, "Deadpond", 7));
    }

    @Test
    void givenANewHero_whenWritten_thenEveryColumnButTheIdGetsItsValue() {
        Map<Field<?>, Object> columns = HeroTable.columnsOf(aHero().named("Deadpond").aged(30).withSecretName("Dive Wilson").build());

        assertThat(columns.keySet()).containsExactlyInAnyOrderElementsOf(WRITTEN);
        assertThat(columns).containsOnly(entry(HERO.NAME, "Deadpond"), entry(HERO.AGE, 30), entry(HERO.SECRET_NAME, "Dive Wilson"));
    }

    @Test
    void givenChangesToEveryField_whenWritten_thenEveryColumnButTheIdGetsItsValue() {
        Map<Field<?>, Object> columns = HeroTable.columnsOf(setAll("Deadpool", 31, "Wade"));

        assertThat(columns.keySet()).containsExactlyInAnyOrderElementsOf(WRITTEN);
        assertThat(columns).containsOnly(entry(HERO.NAME, "Deadpool"), entry(HERO.AGE, 31), entry(HERO.SECRET_NAME, "Wade"));
    }

    @Test
    void givenAChangeToOneField_whenWritten_thenOnlyItsColumnIsSetEvenToNull() {
        assertThat(HeroTable.columnsOf(setAge(null))).containsOnly(entry(HERO.AGE, null));
    }
}
