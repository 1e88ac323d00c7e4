package dev.hero.domain.testkit;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.port.out.Heroes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static dev.hero.domain.testkit.HeroBuilder.aHero;
import static dev.hero.domain.testkit.HeroBuilder.renameTo;
import static dev.hero.domain.testkit.HeroBuilder.setAge;
import static dev.hero.domain.testkit.HeroBuilder.setAll;
import static dev.hero.domain.testkit.HeroBuilder.setSecretName;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of the {@link Heroes} port. Every adapter extends this class and says how to get an
 * empty store; the same tests then prove it behaves like every other adapter.
 *
 * <pre>{@code
 * class MyHeroesTest extends HeroesContract {
 *     @Override
 *     protected Heroes emptyHeroes() {
 *         return new MyHeroes(freshDatabase());
 *     }
 * }
 * }</pre>
 */
public abstract class HeroesContract {

    /** Called before each test: an adapter over a store holding no heroes (reusing one database per class is fine). */
    protected abstract Heroes emptyHeroes() throws Exception;

    protected Heroes heroes;

    @BeforeEach
    void startEmpty() throws Exception {
        heroes = emptyHeroes();
    }

    @Test
    void givenNewHero_whenAdd_thenItIsStoredUnderANewIdWithEveryField() {
        Hero added = heroes.add(aHero().named("Deadpond").aged(30).withSecretName("Dive Wilson").build());

        assertThat(added.id()).isPositive();
        assertThat(added).isEqualTo(new Hero(added.id(), "Deadpond", 30, "Dive Wilson"));
        assertThat(heroes.findById(added.id())).contains(added);
    }

    @Test
    void givenHeroWithoutAge_whenAdd_thenAgeIsNull() {
        Hero added = heroes.add(aHero().withoutAge().build());

        assertThat(heroes.findById(added.id())).get().extracting(Hero::age).isNull();
    }

    @Test
    void givenSeveralHeroes_whenAdd_thenIdsIncrease() {
        List<Long> ids = IntStream.range(0, 5).mapToObj(i -> heroes.add(aHero().named("Hero " + i).build()).id()).toList();

        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void givenDeletedNewestHero_whenAddAnother_thenItsIdIsNotReused() {
        Hero first = heroes.add(aHero().build());
        heroes.delete(first.id());

        Hero second = heroes.add(aHero().build());

        assertThat(second.id()).isGreaterThan(first.id());
    }

    @Test
    void givenExtremeValues_whenAdd_thenTheyRoundTripExactly() {
        String longest = "é".repeat(255);
        String unicode = "Ｓｐｉｄｅｒ 🕷 \"quoted\" 'single' \\ back; DROP TABLE hero; --";
        Hero added = heroes.add(aHero().named(longest).aged(Integer.MAX_VALUE).withSecretName(unicode).build());
        Hero young = heroes.add(aHero().named(unicode).aged(0).build());

        assertThat(heroes.findById(added.id())).contains(new Hero(added.id(), longest, Integer.MAX_VALUE, unicode));
        assertThat(heroes.findById(young.id())).get().extracting(Hero::name, Hero::age).containsExactly(unicode, 0);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, 999_999, Long.MAX_VALUE, Long.MIN_VALUE})
    void givenUnknownId_whenFindById_thenEmpty(long id) {
        heroes.add(aHero().build());

        assertThat(heroes.findById(id)).isEmpty();
    }

    @Test
    void givenHeroes_whenFindPage_thenTheyComeOrderedByIdWithOffsetAndLimit() {
        List<Hero> added = IntStream.range(0, 7).mapToObj(i -> heroes.add(aHero().named("Hero " + i).build())).toList();

        assertThat(heroes.find(HeroQuery.page(0, 100)).heroes()).containsExactlyElementsOf(added);
        assertThat(heroes.find(HeroQuery.page(2, 3)).heroes()).containsExactlyElementsOf(added.subList(2, 5));
        assertThat(heroes.find(HeroQuery.page(5, 100)).heroes()).containsExactlyElementsOf(added.subList(5, 7));
    }

    @Test
    void givenHeroes_whenFindPageWithLimitZero_thenEmpty() {
        heroes.add(aHero().build());

        assertThat(heroes.find(HeroQuery.page(0, 0)).heroes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 1_000_000, Long.MAX_VALUE})
    void givenOffsetAtOrPastTheEnd_whenFindPage_thenEmpty(long offset) {
        heroes.add(aHero().build());
        heroes.add(aHero().build());
        heroes.add(aHero().build());

        assertThat(heroes.find(HeroQuery.page(offset, 100)).heroes()).isEmpty();
    }

    @Test
    void givenNoHeroes_whenFindPage_thenEmpty() {
        assertThat(heroes.find(HeroQuery.page(0, 100)).heroes()).isEmpty();
    }

    @Test
    void givenHero_whenRename_thenOnlyTheNameChanges() {
        Hero hero = heroes.add(aHero().named("Deadpond").aged(30).withSecretName("Dive Wilson").build());

        Hero updated = heroes.update(hero.id(), renameTo("Deadpool")).orElseThrow();

        assertThat(updated).isEqualTo(new Hero(hero.id(), "Deadpool", 30, "Dive Wilson"));
        assertThat(heroes.findById(hero.id())).contains(updated);
    }

    @Test
    void givenHero_whenSetAge_thenOnlyTheAgeChanges() {
        Hero hero = heroes.add(aHero().named("Deadpond").aged(30).withSecretName("Dive Wilson").build());

        Hero updated = heroes.update(hero.id(), setAge(31)).orElseThrow();

        assertThat(updated).isEqualTo(new Hero(hero.id(), "Deadpond", 31, "Dive Wilson"));
    }

    @Test
    void givenHeroWithAge_whenSetAgeToNull_thenTheAgeIsCleared() {
        Hero hero = heroes.add(aHero().aged(30).build());

        heroes.update(hero.id(), setAge(null));

        assertThat(heroes.findById(hero.id())).get().extracting(Hero::age).isNull();
    }

    @Test
    void givenHero_whenSetSecretName_thenOnlyTheSecretNameChanges() {
        Hero hero = heroes.add(aHero().named("Deadpond").aged(30).withSecretName("Dive Wilson").build());

        heroes.update(hero.id(), setSecretName("Wade"));

        assertThat(heroes.findById(hero.id())).contains(new Hero(hero.id(), "Deadpond", 30, "Wade"));
    }

    @Test
    void givenUnknownId_whenUpdate_thenEmptyAndNothingIsCreated() {
        assertThat(heroes.update(42, renameTo("Ghost"))).isEmpty();
        assertThat(heroes.findById(42)).isEmpty();
        assertThat(heroes.find(HeroQuery.page(0, 100)).heroes()).isEmpty();
    }

    @Test
    void givenHero_whenDelete_thenItIsGoneAndOthersStay() {
        Hero doomed = heroes.add(aHero().named("Doomed").build());
        Hero other = heroes.add(aHero().named("Other").build());

        assertThat(heroes.delete(doomed.id())).isTrue();

        assertThat(heroes.findById(doomed.id())).isEmpty();
        assertThat(heroes.find(HeroQuery.page(0, 100)).heroes()).containsExactly(other);
        assertThat(heroes.update(doomed.id(), renameTo("Back"))).isEmpty();
    }

    @Test
    void givenDeletedHero_whenDeleteAgain_thenFalse() {
        Hero hero = heroes.add(aHero().build());
        heroes.delete(hero.id());

        assertThat(heroes.delete(hero.id())).isFalse();
        assertThat(heroes.delete(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void givenManyConcurrentWriters_whenAdd_thenEveryHeroIsStoredUnderADistinctId() throws Exception {
        int writers = 16;
        int perWriter = 25;
        List<Callable<List<Hero>>> tasks = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            tasks.add(() -> IntStream.range(0, perWriter)
                    .mapToObj(i -> heroes.add(aHero().named("w" + writer + "-" + i).build()))
                    .toList());
        }

        List<Hero> added = runAll(tasks).stream().flatMap(List::stream).toList();

        assertThat(added).hasSize(writers * perWriter);
        assertThat(added.stream().map(Hero::id)).doesNotHaveDuplicates();
        for (Hero hero : added) {
            assertThat(heroes.findById(hero.id())).contains(hero);
        }
    }

    @Test
    void givenConcurrentFullUpdatesOfOneHero_whenTheySettle_thenTheRowIsOneOfTheWritesWhole() throws Exception {
        Hero hero = heroes.add(aHero().build());
        List<Callable<Hero>> tasks = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            String tag = "writer-" + w;
            int age = w;
            tasks.add(() -> heroes.update(hero.id(), setAll(tag, age, tag + "-secret")).orElseThrow());
        }

        runAll(tasks);

        Hero last = heroes.findById(hero.id()).orElseThrow();
        String tag = last.name();
        assertThat(last.age()).isEqualTo(Integer.parseInt(tag.substring("writer-".length())));
        assertThat(last.secretName()).isEqualTo(tag + "-secret");
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<T> results = Collections.synchronizedList(new ArrayList<>());
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
