package dev.hero.domain.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A position in one order: the heroes after it are exactly those the order puts after its hero. */
class HeroPositionTest {

    private static final List<Hero> HEROES = List.of(
            new Hero(1, "Zoe", 30, "s", 1), new Hero(2, "alpha", null, "s", 1), new Hero(3, "Zoe", 12, "s", 1),
            new Hero(4, "Zoë", 30, "s", 1), new Hero(5, "Zof", null, "s", 1), new Hero(6, "Zoe", 30, "s", 1));

    @ParameterizedTest
    @EnumSource(HeroSort.class)
    void givenEachHeroInAnOrder_whenPositionedAfterIt_thenExactlyTheHeroesAfterItFollow(HeroSort sort) {
        List<Hero> ordered = HEROES.stream().sorted(sort.comparator()).toList();
        for (int i = 0; i < ordered.size(); i++) {
            HeroPosition position = HeroPosition.after(ordered.get(i), sort);

            List<Hero> following = new ArrayList<>(ordered.stream().filter(position::precedes).toList());

            assertThat(following).as("after %s in %s", ordered.get(i), sort).isEqualTo(ordered.subList(i + 1, ordered.size()));
        }
    }

    @Test
    void givenAHero_whenPositionedAfterIt_thenThePositionHoldsOnlyWhatItsOrderNeeds() {
        Hero hero = new Hero(9, "Zoe", 30, "secret", 1);

        assertThat(HeroPosition.after(hero, HeroSort.ID)).isEqualTo(new HeroPosition(HeroSort.ID, 9, null, null));
        assertThat(HeroPosition.after(hero, HeroSort.NAME_DESC)).isEqualTo(new HeroPosition(HeroSort.NAME_DESC, 9, "Zoe", null));
        assertThat(HeroPosition.after(hero, HeroSort.AGE)).isEqualTo(new HeroPosition(HeroSort.AGE, 9, null, 30));
        assertThat(HeroPosition.after(new Hero(9, "Zoe", null, "s", 1), HeroSort.AGE_DESC))
                .isEqualTo(new HeroPosition(HeroSort.AGE_DESC, 9, null, null));
    }

    @Test
    void givenValuesTheOrderDoesNotHave_whenCreated_thenRejected() {
        assertThatThrownBy(() -> new HeroPosition(HeroSort.NAME, 1, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeroPosition(HeroSort.ID, 1, "Zoe", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeroPosition(HeroSort.ID_DESC, 1, null, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeroPosition(HeroSort.NAME_DESC, 1, "Zoe", 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HeroPosition(null, 1, null, null)).isInstanceOf(NullPointerException.class);
    }
}
