package dev.hero.domain.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The orders a list can come in, as the reference every store is checked against. */
class HeroSortTest {

    private static final Hero ZOE_30 = new Hero(1, "Zoe", 30, "s", 1);
    private static final Hero ALPHA_NO_AGE = new Hero(2, "alpha", null, "s", 1);
    private static final Hero ZOE_12 = new Hero(3, "Zoe", 12, "s", 1);
    private static final Hero ZOE_DIAERESIS_30 = new Hero(4, "Zoë", 30, "s", 1);
    private static final Hero ZOF_NO_AGE = new Hero(5, "Zof", null, "s", 1);

    private static final List<Hero> HEROES = List.of(ZOE_30, ALPHA_NO_AGE, ZOE_12, ZOE_DIAERESIS_30, ZOF_NO_AGE);

    @Test
    void givenHeroes_whenSortedByEachOrder_thenTiesGoByIdAscendingAndHeroesWithoutAgeLast() {
        assertThat(sorted(HeroSort.ID)).containsExactly(ZOE_30, ALPHA_NO_AGE, ZOE_12, ZOE_DIAERESIS_30, ZOF_NO_AGE);
        assertThat(sorted(HeroSort.ID_DESC)).containsExactly(ZOF_NO_AGE, ZOE_DIAERESIS_30, ZOE_12, ALPHA_NO_AGE, ZOE_30);
        assertThat(sorted(HeroSort.NAME)).containsExactly(ZOE_30, ZOE_12, ZOF_NO_AGE, ZOE_DIAERESIS_30, ALPHA_NO_AGE);
        assertThat(sorted(HeroSort.NAME_DESC)).containsExactly(ALPHA_NO_AGE, ZOE_DIAERESIS_30, ZOF_NO_AGE, ZOE_30, ZOE_12);
        assertThat(sorted(HeroSort.AGE)).containsExactly(ZOE_12, ZOE_30, ZOE_DIAERESIS_30, ALPHA_NO_AGE, ZOF_NO_AGE);
        assertThat(sorted(HeroSort.AGE_DESC)).containsExactly(ZOE_30, ZOE_DIAERESIS_30, ZOE_12, ALPHA_NO_AGE, ZOF_NO_AGE);
    }

    @Test
    void givenNames_whenCompared_thenByUnicodeCodePointNotByUtf16UnitOrLocale() {
        String spider = "\uD83D\uDD77"; // U+1F577, beyond U+FFFF: two UTF-16 units, the first below U+FFFD
        String replacement = "\uFFFD";

        assertThat(Stream.of(spider, replacement, "Zoë", "alpha", "Zoe", "Zof", "Ａ").sorted(HeroSort::compareCodePoints))
                .containsExactly("Zoe", "Zof", "Zoë", "alpha", "Ａ", replacement, spider);
        assertThat(spider.compareTo(replacement)).as("String.compareTo differs here").isNegative();
        assertThat(HeroSort.compareCodePoints("Zoe", "Zoe")).isZero();
        assertThat(HeroSort.compareCodePoints("Zo", "Zoe")).isNegative();
        assertThat(HeroSort.compareCodePoints("Zoe", "Zo")).isPositive();
    }

    @Test
    void givenKeys_whenLookedUp_thenEachOrderHasOneAndNothingElseIsAnOrder() {
        assertThat(HeroSort.keys()).containsExactly("id", "-id", "name", "-name", "age", "-age");
        for (HeroSort sort : HeroSort.values()) {
            assertThat(HeroSort.fromKey(sort.key())).contains(sort);
            assertThat(sort.descending()).isEqualTo(sort.key().startsWith("-"));
        }
        assertThat(HeroSort.fromKey("ID")).isEmpty();
        assertThat(HeroSort.fromKey("+id")).isEmpty();
        assertThat(HeroSort.fromKey("secret_name")).isEmpty();
        assertThat(HeroSort.DEFAULT).isEqualTo(HeroSort.ID);
    }

    private static List<Hero> sorted(HeroSort sort) {
        return HEROES.stream().sorted(sort.comparator()).toList();
    }
}
