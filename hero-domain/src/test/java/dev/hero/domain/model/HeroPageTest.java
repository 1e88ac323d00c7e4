package dev.hero.domain.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How a store's fetch of up to limit + 1 heroes becomes a page and where the next one starts. */
class HeroPageTest {

    private static List<Hero> heroes(long count) {
        return LongStream.rangeClosed(1, count).mapToObj(id -> new Hero(id, "Hero " + id, (int) id, "s", 1)).toList();
    }

    @Test
    void givenOneHeroMoreThanTheLimit_whenPaged_thenThePageIsTheLimitAndTheNextStartsAfterItsLastHero() {
        HeroQuery query = HeroQuery.page(0, 3).sortedBy(HeroSort.AGE);

        HeroPage page = HeroPage.of(query, heroes(4), 40);

        assertThat(page.heroes()).isEqualTo(heroes(3));
        assertThat(page.total()).isEqualTo(40);
        assertThat(page.next()).contains(new HeroPosition(HeroSort.AGE, 3, null, 3));
    }

    @Test
    void givenExactlyTheLimit_whenPaged_thenNoNextPage() {
        HeroPage page = HeroPage.of(HeroQuery.page(0, 3), heroes(3), 3);

        assertThat(page.heroes()).hasSize(3);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void givenLimitZero_whenPaged_thenAnEmptyPageWithTheTotalAndNoNext() {
        HeroPage page = HeroPage.of(HeroQuery.page(0, 0), heroes(1), 12);

        assertThat(page.heroes()).isEmpty();
        assertThat(page.total()).isEqualTo(12);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void givenNothingFetched_whenPaged_thenEmptyWithTheTotal() {
        HeroPage page = HeroPage.of(HeroQuery.page(50, 10), List.of(), 7);

        assertThat(page.heroes()).isEmpty();
        assertThat(page.total()).isEqualTo(7);
        assertThat(page.next()).isEmpty();
    }
}
