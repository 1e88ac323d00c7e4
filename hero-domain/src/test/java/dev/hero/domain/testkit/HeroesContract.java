package dev.hero.domain.testkit;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroPosition;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.HeroSort;
import dev.hero.domain.model.IdempotencyKey;
import dev.hero.domain.model.KeyedCreate;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.port.out.Heroes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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
        assertThat(added).isEqualTo(new Hero(added.id(), "Deadpond", 30, "Dive Wilson", Hero.FIRST_VERSION));
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

        assertThat(heroes.findById(added.id())).contains(new Hero(added.id(), longest, Integer.MAX_VALUE, unicode, Hero.FIRST_VERSION));
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

    // find(): every order with its ties and heroes without age, the filters, the totals, offsets and cursors

    private static final String SPIDER = "\uD83D\uDD77"; // U+1F577: beyond U+FFFF, its first UTF-16 unit below U+FFFD
    private static final String REPLACEMENT = "\uFFFD";

    /**
     * Ten heroes: three named Zoe (one without age), ties on age 12 and 30, three without age, and names whose order by
     * code point differs from a locale's ("Zoë" after "Zoz", "alpha" after every "Z") and from Java's String order.
     */
    private List<Hero> addMixedHeroes() {
        return Stream.of(
                        aHero().named("Zoe").aged(30), aHero().named("alpha").withoutAge(), aHero().named("Zoë").aged(12),
                        aHero().named("Zoe").aged(12), aHero().named("Zof").aged(30), aHero().named(REPLACEMENT).withoutAge(),
                        aHero().named(SPIDER).aged(0), aHero().named("Zoe").withoutAge(), aHero().named("Ａ").aged(Integer.MAX_VALUE),
                        aHero().named("Zoz").aged(30))
                .map(hero -> heroes.add(hero.build()))
                .toList();
    }

    private static List<Hero> inOrder(List<Hero> heroes, HeroQuery query) {
        return heroes.stream().filter(query::matches).sorted(query.sort().comparator()).toList();
    }

    private static HeroQuery all(HeroSort sort) {
        return HeroQuery.page(0, HeroQuery.MAX_LIMIT).sortedBy(sort);
    }

    @ParameterizedTest
    @EnumSource(HeroSort.class)
    void givenHeroes_whenFindInAnOrder_thenEveryHeroComesInThatOrderWithTheirNumber(HeroSort sort) {
        List<Hero> added = addMixedHeroes();

        HeroPage page = heroes.find(all(sort));

        assertThat(page.heroes()).containsExactlyElementsOf(inOrder(added, all(sort)));
        assertThat(page.total()).isEqualTo(10);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void givenNamesOutsideAscii_whenFindByName_thenTheyComeByUnicodeCodePointWithTiesByIdAscending() {
        List<Hero> added = addMixedHeroes();
        List<Long> zoes = List.of(added.get(0).id(), added.get(3).id(), added.get(7).id());

        List<Hero> byName = heroes.find(all(HeroSort.NAME)).heroes();
        List<Hero> byNameDescending = heroes.find(all(HeroSort.NAME_DESC)).heroes();

        assertThat(byName).extracting(Hero::name)
                .containsExactly("Zoe", "Zoe", "Zoe", "Zof", "Zoz", "Zoë", "alpha", "Ａ", REPLACEMENT, SPIDER);
        assertThat(byName.subList(0, 3)).extracting(Hero::id).containsExactlyElementsOf(zoes);
        assertThat(byNameDescending).extracting(Hero::name)
                .containsExactly(SPIDER, REPLACEMENT, "Ａ", "alpha", "Zoë", "Zoz", "Zof", "Zoe", "Zoe", "Zoe");
        assertThat(byNameDescending.subList(7, 10)).extracting(Hero::id).containsExactlyElementsOf(zoes);
    }

    @Test
    void givenAgesWithTiesAndHeroesWithoutAge_whenFindByAge_thenTiesGoByIdAndHeroesWithoutAgeComeLastBothWays() {
        List<Hero> added = addMixedHeroes();
        List<Long> ageless = List.of(added.get(1).id(), added.get(5).id(), added.get(7).id());
        List<Long> thirty = List.of(added.get(0).id(), added.get(4).id(), added.get(9).id());

        List<Hero> byAge = heroes.find(all(HeroSort.AGE)).heroes();
        List<Hero> byAgeDescending = heroes.find(all(HeroSort.AGE_DESC)).heroes();

        assertThat(byAge).extracting(Hero::age).containsExactly(0, 12, 12, 30, 30, 30, Integer.MAX_VALUE, null, null, null);
        assertThat(byAge.subList(3, 6)).extracting(Hero::id).containsExactlyElementsOf(thirty);
        assertThat(byAge.subList(7, 10)).extracting(Hero::id).containsExactlyElementsOf(ageless);
        assertThat(byAgeDescending).extracting(Hero::age).containsExactly(Integer.MAX_VALUE, 30, 30, 30, 12, 12, 0, null, null, null);
        assertThat(byAgeDescending.subList(1, 4)).extracting(Hero::id).containsExactlyElementsOf(thirty);
        assertThat(byAgeDescending.subList(7, 10)).extracting(Hero::id).containsExactlyElementsOf(ageless);
    }

    static Stream<Arguments> filters() {
        return Stream.of(
                Arguments.of("Zoe", null, null, 3),
                Arguments.of("zoe", null, null, 0),
                Arguments.of("Zoë", null, null, 1),
                Arguments.of("Zo", null, null, 0),
                Arguments.of(SPIDER, null, null, 1),
                Arguments.of(null, 0, null, 7),
                Arguments.of(null, 12, null, 6),
                Arguments.of(null, 13, null, 4),
                Arguments.of(null, null, 12, 3),
                Arguments.of(null, null, Integer.MAX_VALUE, 7),
                Arguments.of(null, 30, 30, 3),
                Arguments.of(null, 12, 30, 5),
                Arguments.of(null, Integer.MAX_VALUE, null, 1),
                Arguments.of("Zoe", 13, null, 1),
                Arguments.of("Zoe", null, 30, 2),
                Arguments.of("Zoe", 0, Integer.MAX_VALUE, 2),
                Arguments.of("alpha", 0, null, 0));
    }

    @ParameterizedTest(name = "name={0} minAge={1} maxAge={2}")
    @MethodSource("filters")
    void givenFilters_whenFindInEachOrder_thenOnlyMatchingHeroesInOrderAndTheTotalCountsThem(String name, Integer minAge,
                                                                                             Integer maxAge, int matching) {
        List<Hero> added = addMixedHeroes();
        for (HeroSort sort : HeroSort.values()) {
            HeroQuery query = all(sort).filteredBy(name, minAge, maxAge);

            HeroPage page = heroes.find(query);

            assertThat(page.heroes()).as(sort.key()).containsExactlyElementsOf(inOrder(added, query)).hasSize(matching);
            assertThat(page.total()).as(sort.key()).isEqualTo(matching);
        }
    }

    @Test
    void givenHeroesWithoutAge_whenFindWithAnyAgeBound_thenTheyNeverMatch() {
        heroes.add(aHero().named("Ageless").withoutAge().build());
        Hero zero = heroes.add(aHero().named("Newborn").aged(0).build());

        assertThat(heroes.find(HeroQuery.page(0, 10).filteredBy(null, 0, null)).heroes()).containsExactly(zero);
        assertThat(heroes.find(HeroQuery.page(0, 10).filteredBy(null, null, Integer.MAX_VALUE)).heroes()).containsExactly(zero);
        assertThat(heroes.find(HeroQuery.page(0, 10).filteredBy("Ageless", 0, null)).total()).isZero();
    }

    @Test
    void givenHeroes_whenFindASlice_thenTheTotalIsEveryMatchingHeroNotThePage() {
        addMixedHeroes();

        assertThat(heroes.find(HeroQuery.page(2, 3))).satisfies(page -> {
            assertThat(page.heroes()).hasSize(3);
            assertThat(page.total()).isEqualTo(10);
        });
        assertThat(heroes.find(HeroQuery.page(10, 3))).satisfies(page -> {
            assertThat(page.heroes()).isEmpty();
            assertThat(page.total()).isEqualTo(10);
            assertThat(page.next()).isEmpty();
        });
        assertThat(heroes.find(HeroQuery.page(1, 1).filteredBy("Zoe", null, null))).satisfies(page -> {
            assertThat(page.heroes()).hasSize(1);
            assertThat(page.total()).isEqualTo(3);
        });
        assertThat(heroes.find(HeroQuery.page(5, 1).sortedBy(HeroSort.AGE).filteredBy(null, 12, null)).total()).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(HeroSort.class)
    void givenLimitZero_whenFind_thenNoHeroNoNextButTheTotal(HeroSort sort) {
        addMixedHeroes();

        HeroPage page = heroes.find(HeroQuery.page(0, 0).sortedBy(sort));
        HeroPage filtered = heroes.find(HeroQuery.page(4, 0).sortedBy(sort).filteredBy(null, 12, 30));

        assertThat(page.heroes()).isEmpty();
        assertThat(page.next()).isEmpty();
        assertThat(page.total()).isEqualTo(10);
        assertThat(filtered.heroes()).isEmpty();
        assertThat(filtered.total()).isEqualTo(5);
    }

    @ParameterizedTest
    @EnumSource(HeroSort.class)
    void givenHeroes_whenFindPagesByOffsetInAnOrder_thenTheyAreSlicesOfThatOrder(HeroSort sort) {
        List<Hero> expected = inOrder(addMixedHeroes(), all(sort));

        List<Hero> walked = new ArrayList<>();
        for (long offset = 0; offset < 12; offset += 3) {
            HeroPage page = heroes.find(HeroQuery.page(offset, 3).sortedBy(sort));
            assertThat(page.heroes()).containsExactlyElementsOf(expected.subList((int) Math.min(offset, 10), (int) Math.min(offset + 3, 10)));
            walked.addAll(page.heroes());
        }

        assertThat(walked).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(HeroSort.class)
    void givenOffsetsAtOrPastTheEnd_whenFindInAnOrder_thenEmptyWithTheTotal(HeroSort sort) {
        addMixedHeroes();

        for (long offset : new long[] {10, 11, 1_000_000, Long.MAX_VALUE - 1, Long.MAX_VALUE}) {
            HeroPage page = heroes.find(HeroQuery.page(offset, HeroQuery.MAX_LIMIT).sortedBy(sort));
            assertThat(page.heroes()).as("offset %d", offset).isEmpty();
            assertThat(page.total()).isEqualTo(10);
        }
        assertThat(heroes.find(HeroQuery.page(9, HeroQuery.MAX_LIMIT).sortedBy(sort)).heroes()).hasSize(1);
    }

    /** Follows {@code next} from the query's first page to the last; every page is checked against the total. */
    private List<Hero> walk(HeroQuery first, long expectedTotal) {
        List<Hero> seen = new ArrayList<>();
        HeroQuery query = first;
        for (int pages = 0; pages < 1_000; pages++) {
            HeroPage page = heroes.find(query);
            assertThat(page.total()).isEqualTo(expectedTotal);
            assertThat(page.heroes().size()).isLessThanOrEqualTo(first.limit());
            seen.addAll(page.heroes());
            if (page.next().isEmpty()) {
                return seen;
            }
            assertThat(page.heroes()).as("a page with a next page is full").hasSize(first.limit());
            assertThat(page.next()).contains(HeroPosition.after(page.heroes().getLast(), first.sort()));
            query = query.after(page.next().get());
        }
        throw new AssertionError("more than 1000 pages: the walk does not end");
    }

    @ParameterizedTest
    @EnumSource(HeroSort.class)
    void givenHeroes_whenWalkingByNextInAnOrder_thenEveryHeroComesOnceInOrder(HeroSort sort) {
        List<Hero> added = addMixedHeroes();

        for (int limit : new int[] {1, 2, 3, 10}) {
            assertThat(walk(HeroQuery.page(0, limit).sortedBy(sort), 10)).as("limit %d", limit)
                    .containsExactlyElementsOf(inOrder(added, all(sort)));
        }
    }

    @ParameterizedTest
    @EnumSource(HeroSort.class)
    void givenFilters_whenWalkingByNextInAnOrder_thenEveryMatchingHeroComesOnceInOrder(HeroSort sort) {
        List<Hero> added = addMixedHeroes();

        for (HeroQuery filtered : List.of(HeroQuery.page(0, 2).sortedBy(sort).filteredBy("Zoe", null, null),
                HeroQuery.page(0, 2).sortedBy(sort).filteredBy(null, 12, null),
                HeroQuery.page(0, 1).sortedBy(sort).filteredBy(null, null, 30),
                HeroQuery.page(0, 2).sortedBy(sort).filteredBy("Zoe", 0, 100))) {
            List<Hero> expected = inOrder(added, filtered);
            assertThat(walk(filtered, expected.size())).as("%s", filtered).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(HeroSort.class)
    void givenManyHeroesWithTheSameNameAndAge_whenWalkingByNext_thenTiesSplitAcrossPagesByIdWithoutLossOrRepeat(HeroSort sort) {
        List<Hero> added = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            added.add(heroes.add(aHero().named("Same").aged(7).build()));
            if (i % 3 == 0) {
                added.add(heroes.add(aHero().named("Same").withoutAge().build()));
            }
        }

        assertThat(walk(HeroQuery.page(0, 2).sortedBy(sort), 12)).containsExactlyElementsOf(inOrder(added, all(sort)));
    }

    @ParameterizedTest
    @EnumSource(HeroSort.class)
    void givenTheHeroesAroundAPositionAreDeleted_whenFindAfterIt_thenThePageStartsWithTheNextHeroThatIsLeft(HeroSort sort) {
        List<Hero> expected = inOrder(addMixedHeroes(), all(sort));
        HeroPage first = heroes.find(HeroQuery.page(0, 4).sortedBy(sort));
        heroes.delete(expected.get(3).id());
        heroes.delete(expected.get(4).id());

        HeroPage second = heroes.find(HeroQuery.page(0, 4).sortedBy(sort).after(first.next().orElseThrow()));

        assertThat(second.heroes()).containsExactlyElementsOf(expected.subList(5, 9));
        assertThat(second.total()).isEqualTo(8);
    }

    @ParameterizedTest
    @EnumSource(HeroSort.class)
    void givenHeroesCreatedBeforeAndAfterAPosition_whenFindAfterIt_thenOnlyThoseAfterItCome(HeroSort sort) {
        List<Hero> expected = inOrder(addMixedHeroes(), all(sort));
        HeroPosition position = heroes.find(HeroQuery.page(0, 5).sortedBy(sort)).next().orElseThrow();
        List<Hero> created = List.of(heroes.add(aHero().named("Aaron").aged(1).build()), heroes.add(aHero().named("\uD83D\uDE00").withoutAge().build()),
                heroes.add(aHero().named("Zoe").aged(30).build()));

        List<Hero> after = heroes.find(HeroQuery.page(0, HeroQuery.MAX_LIMIT).sortedBy(sort).after(position)).heroes();

        List<Hero> everyone = new ArrayList<>(expected);
        everyone.addAll(created);
        assertThat(after).containsExactlyElementsOf(everyone.stream().filter(position::precedes).sorted(sort.comparator()).toList());
    }

    @Test
    void givenPositionsNoHeroHas_whenFindAfterThem_thenTheHeroesThatComeAfterInTheirOrder() {
        List<Hero> added = addMixedHeroes();
        long beyond = added.getLast().id() + 1000;
        List<HeroPosition> positions = List.of(
                new HeroPosition(HeroSort.ID, beyond, null, null), new HeroPosition(HeroSort.ID, Long.MIN_VALUE, null, null),
                new HeroPosition(HeroSort.ID_DESC, beyond, null, null), new HeroPosition(HeroSort.ID_DESC, Long.MIN_VALUE, null, null),
                new HeroPosition(HeroSort.NAME, 0, "Zoa", null), new HeroPosition(HeroSort.NAME, beyond, "Zoe", null),
                new HeroPosition(HeroSort.NAME_DESC, 0, "b", null), new HeroPosition(HeroSort.NAME_DESC, Long.MIN_VALUE, "Zoe", null),
                new HeroPosition(HeroSort.AGE, 0, null, 13), new HeroPosition(HeroSort.AGE, beyond, null, Integer.MAX_VALUE),
                new HeroPosition(HeroSort.AGE, 0, null, null), new HeroPosition(HeroSort.AGE_DESC, 0, null, 29),
                new HeroPosition(HeroSort.AGE_DESC, Long.MIN_VALUE, null, 0), new HeroPosition(HeroSort.AGE_DESC, added.get(5).id(), null, null));

        for (HeroPosition position : positions) {
            HeroQuery query = HeroQuery.page(0, HeroQuery.MAX_LIMIT).sortedBy(position.sort()).after(position);
            List<Hero> expected = added.stream().filter(position::precedes).sorted(position.sort().comparator()).toList();

            assertThat(heroes.find(query).heroes()).as("%s", position).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(HeroSort.class)
    void givenOthersCreateAndDeleteHeroesMeanwhile_whenWalkingByNext_thenEveryHeroThatStaysComesOnceInOrderAndNoneTwice(HeroSort sort)
            throws Exception {
        Random random = new Random(sort.ordinal());
        List<Hero> before = IntStream.range(0, 30).mapToObj(i -> heroes.add(randomHero(random))).toList();
        List<Hero> everyone = new CopyOnWriteArrayList<>(before);
        Set<Long> deleted = ConcurrentHashMap.newKeySet();
        AtomicLong writes = new AtomicLong();
        int writers = 2;
        int writesEach = 24;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Hero> seen = new ArrayList<>();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Random own = new Random(100L * sort.ordinal() + w);
                running.add(pool.submit(() -> {
                    for (int i = 0; i < writesEach; i++) {
                        if (own.nextBoolean()) {
                            everyone.add(heroes.add(randomHero(own)));
                        } else {
                            Hero doomed = everyone.get(own.nextInt(everyone.size()));
                            deleted.add(doomed.id());
                            heroes.delete(doomed.id());
                        }
                        writes.incrementAndGet();
                    }
                    return null;
                }));
            }
            HeroQuery query = HeroQuery.page(0, 3).sortedBy(sort);
            for (int pages = 0; ; pages++) {
                awaitAWriteSince(writes, writes.get(), running);
                HeroPage page = heroes.find(query);
                seen.addAll(page.heroes());
                if (page.next().isEmpty()) {
                    break;
                }
                assertThat(pages).as("pages").isLessThan(1_000);
                query = query.after(page.next().get());
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        Set<Long> stayed = new HashSet<>();
        before.forEach(hero -> stayed.add(hero.id()));
        stayed.removeAll(deleted);
        Set<Long> existed = new HashSet<>();
        everyone.forEach(hero -> existed.add(hero.id()));
        assertThat(writes.get()).as("writes made").isEqualTo((long) writers * writesEach);
        assertThat(seen).extracting(Hero::id).doesNotHaveDuplicates().containsAll(stayed);
        assertThat(existed).containsAll(seen.stream().map(Hero::id).toList());
        assertThat(seen).isSortedAccordingTo(sort.comparator());
    }

    /** Waits, briefly, until another write was made after {@code since}, so that pages and writes interleave. */
    private static void awaitAWriteSince(AtomicLong writes, long since, List<Future<?>> writers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (writes.get() == since && writers.stream().anyMatch(writer -> !writer.isDone()) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }

    private static final List<String> NAMES = List.of("Zoe", "Zoë", "alpha", "Deadpond", SPIDER, REPLACEMENT, "Rusty-Man");

    private static NewHero randomHero(Random random) {
        HeroBuilder hero = aHero().named(NAMES.get(random.nextInt(NAMES.size())));
        return (random.nextInt(4) == 0 ? hero.withoutAge() : hero.aged(random.nextInt(5) * 10)).build();
    }

    @Test
    void givenHero_whenRename_thenOnlyTheNameChanges() {
        Hero hero = heroes.add(aHero().named("Deadpond").aged(30).withSecretName("Dive Wilson").build());

        Hero updated = heroes.update(hero.id(), renameTo("Deadpool")).orElseThrow();

        assertThat(updated).isEqualTo(new Hero(hero.id(), "Deadpool", 30, "Dive Wilson", 2));
        assertThat(heroes.findById(hero.id())).contains(updated);
    }

    @Test
    void givenHero_whenSetAge_thenOnlyTheAgeChanges() {
        Hero hero = heroes.add(aHero().named("Deadpond").aged(30).withSecretName("Dive Wilson").build());

        Hero updated = heroes.update(hero.id(), setAge(31)).orElseThrow();

        assertThat(updated).isEqualTo(new Hero(hero.id(), "Deadpond", 31, "Dive Wilson", 2));
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

        assertThat(heroes.findById(hero.id())).contains(new Hero(hero.id(), "Deadpond", 30, "Wade", 2));
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
    void givenUpdatesThatChangeSomething_whenEachIsMade_thenTheVersionGoesUpByOneEachTime() {
        Hero hero = heroes.add(aHero().named("Deadpond").aged(30).withSecretName("Dive Wilson").build());

        assertThat(hero.version()).isEqualTo(Hero.FIRST_VERSION);
        assertThat(heroes.update(hero.id(), renameTo("Deadpool")).orElseThrow().version()).isEqualTo(2);
        assertThat(heroes.update(hero.id(), setAge(null)).orElseThrow().version()).isEqualTo(3);
        assertThat(heroes.update(hero.id(), setSecretName("Wade")).orElseThrow().version()).isEqualTo(4);
        assertThat(heroes.findById(hero.id())).get().extracting(Hero::version).isEqualTo(4L);
    }

    @Test
    void givenAnUpdateThatSetsEveryFieldToItsValue_whenMade_thenTheVersionStays() {
        Hero hero = heroes.add(aHero().named("Deadpond").withoutAge().withSecretName("Dive Wilson").build());

        Hero same = heroes.update(hero.id(), setAll("Deadpond", null, "Dive Wilson")).orElseThrow();

        assertThat(same).isEqualTo(hero);
        assertThat(heroes.update(hero.id(), setAge(null)).orElseThrow().version()).isEqualTo(Hero.FIRST_VERSION);
        assertThat(heroes.update(hero.id(), setAll("Deadpond", 0, "Dive Wilson")).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void givenHero_whenUpdateExpectingItsVersion_thenChangedAndVersionUp() {
        Hero hero = heroes.add(aHero().build());

        Hero updated = heroes.update(hero.id(), renameTo("Deadpool"), Precondition.versionIn(Set.of(hero.version()))).orElseThrow();

        assertThat(updated.name()).isEqualTo("Deadpool");
        assertThat(updated.version()).isEqualTo(hero.version() + 1);
    }

    @Test
    void givenHeroChangedMeanwhile_whenUpdateOrDeleteExpectingTheOldVersion_thenEmptyAndNothingChanges() {
        Hero hero = heroes.add(aHero().named("Deadpond").build());
        Hero current = heroes.update(hero.id(), renameTo("Deadpool")).orElseThrow();
        Precondition stale = Precondition.versionIn(Set.of(hero.version()));

        assertThat(heroes.update(hero.id(), renameTo("Lost update"), stale)).isEmpty();
        assertThat(heroes.delete(hero.id(), stale)).isFalse();

        assertThat(heroes.findById(hero.id())).contains(current);
    }

    @Test
    void givenSeveralExpectedVersions_whenOneIsTheHerosVersion_thenTheWriteIsMade() {
        Hero hero = heroes.add(aHero().build());
        heroes.update(hero.id(), renameTo("Second"));

        Precondition either = Precondition.versionIn(Set.of(7L, 2L));

        assertThat(heroes.update(hero.id(), renameTo("Third"), either)).get().extracting(Hero::version).isEqualTo(3L);
        assertThat(heroes.delete(hero.id(), Precondition.versionIn(Set.of(3L, 99L)))).isTrue();
        assertThat(heroes.findById(hero.id())).isEmpty();
    }

    @Test
    void givenNoExpectedVersion_whenUpdateOrDelete_thenNothingChanges() {
        Hero hero = heroes.add(aHero().build());
        Precondition nothing = Precondition.versionIn(Set.of());

        assertThat(heroes.update(hero.id(), renameTo("Never"), nothing)).isEmpty();
        assertThat(heroes.delete(hero.id(), nothing)).isFalse();
        assertThat(heroes.findById(hero.id())).contains(hero);
    }

    @Test
    void givenHero_whenUpdateAndDeleteExpectingAnyVersion_thenBothAreMade() {
        Hero hero = heroes.add(aHero().build());
        heroes.update(hero.id(), renameTo("Second"));

        assertThat(heroes.update(hero.id(), renameTo("Third"), Precondition.exists())).get().extracting(Hero::name).isEqualTo("Third");
        assertThat(heroes.delete(hero.id(), Precondition.exists())).isTrue();
        assertThat(heroes.findById(hero.id())).isEmpty();
    }

    @Test
    void givenUnknownId_whenConditionalUpdateOrDelete_thenEmptyAndNothingIsCreated() {
        assertThat(heroes.update(42, renameTo("Ghost"), Precondition.exists())).isEmpty();
        assertThat(heroes.update(42, renameTo("Ghost"), Precondition.versionIn(Set.of(Hero.FIRST_VERSION)))).isEmpty();
        assertThat(heroes.delete(42, Precondition.exists())).isFalse();
        assertThat(heroes.find(HeroQuery.page(0, 100)).heroes()).isEmpty();
    }

    @Test
    void givenManyWritersExpectingTheSameVersion_whenTheyUpdateAtOnce_thenExactlyOneWins() throws Exception {
        Hero hero = heroes.add(aHero().build());
        Precondition read = Precondition.versionIn(Set.of(hero.version()));
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int w = 0; w < 16; w++) {
            String name = "writer-" + w;
            tasks.add(() -> {
                start.await();
                return heroes.update(hero.id(), renameTo(name), read).isPresent();
            });
        }

        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<Boolean>> results = tasks.stream().map(pool::submit).toList();
            start.countDown();
            long winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(heroes.findById(hero.id())).get().extracting(Hero::version).isEqualTo(hero.version() + 1);
    }

    @Test
    void givenManyDeletersExpectingTheSameVersion_whenTheyDeleteAtOnce_thenExactlyOneDeletes() throws Exception {
        Hero hero = heroes.add(aHero().build());
        Precondition read = Precondition.versionIn(Set.of(hero.version()));
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            tasks.add(() -> heroes.delete(hero.id(), read));
        }

        assertThat(runAll(tasks)).containsOnlyOnce(true);
    }

    // creates under an idempotency key

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private static KeyedCreate keyed(String key, String fingerprint, Instant now) {
        return new KeyedCreate(new IdempotencyKey(key), fingerprint, now, now.plus(DAY));
    }

    @Test
    void givenANewKey_whenAddUnderIt_thenTheHeroIsAdded() {
        KeyedCreate.Outcome outcome = heroes.add(aHero().named("Deadpond").build(), keyed("key-1", "f1", NOW));

        assertThat(outcome).isInstanceOfSatisfying(KeyedCreate.Added.class, added -> {
            assertThat(added.hero().name()).isEqualTo("Deadpond");
            assertThat(added.hero().version()).isEqualTo(Hero.FIRST_VERSION);
            assertThat(heroes.findById(added.hero().id())).contains(added.hero());
        });
    }

    @Test
    void givenAKeyUsedBefore_whenAddUnderItAgain_thenNothingIsAddedAndTheStoredRecordIsTheAnswer() {
        Hero first = ((KeyedCreate.Added) heroes.add(aHero().named("First").build(), keyed("key-1", "f1", NOW))).hero();

        KeyedCreate.Outcome again = heroes.add(aHero().named("Second").build(), keyed("key-1", "f2", NOW.plusSeconds(60)));

        assertThat(again).isEqualTo(new KeyedCreate.Stored("f1", first.id()));
        assertThat(heroes.find(HeroQuery.page(0, 100)).heroes()).containsExactly(first);
    }

    @Test
    void givenAKeyWhoseHeroWasDeleted_whenAddUnderItAgain_thenStillTheStoredRecord() {
        Hero first = ((KeyedCreate.Added) heroes.add(aHero().build(), keyed("key-1", "f1", NOW))).hero();
        heroes.delete(first.id());

        assertThat(heroes.add(aHero().build(), keyed("key-1", "f1", NOW))).isEqualTo(new KeyedCreate.Stored("f1", first.id()));
        assertThat(heroes.find(HeroQuery.page(0, 100)).heroes()).isEmpty();
    }

    @Test
    void givenKeysThatDifferOnlyInCase_whenAddUnderEach_thenEachAddsAHero() {
        heroes.add(aHero().build(), keyed("Key", "f", NOW));
        heroes.add(aHero().build(), keyed("key", "f", NOW));
        heroes.add(aHero().build(), keyed("~".repeat(IdempotencyKey.MAX_LENGTH), "f", NOW));

        assertThat(heroes.find(HeroQuery.page(0, 100)).total()).isEqualTo(3);
    }

    @Test
    void givenAnExpiredKey_whenAddUnderIt_thenANewHeroIsAddedAndTheKeyHoldsItFromThen() {
        Hero first = ((KeyedCreate.Added) heroes.add(aHero().named("First").build(), keyed("key-1", "f1", NOW))).hero();
        Instant later = NOW.plus(DAY);

        KeyedCreate.Outcome again = heroes.add(aHero().named("Second").build(), keyed("key-1", "f2", later));

        assertThat(again).isInstanceOfSatisfying(KeyedCreate.Added.class, added -> assertThat(added.hero().id()).isGreaterThan(first.id()));
        long second = ((KeyedCreate.Added) again).hero().id();
        assertThat(heroes.add(aHero().build(), keyed("key-1", "f3", later.plusSeconds(1)))).isEqualTo(new KeyedCreate.Stored("f2", second));
    }

    @Test
    void givenManyExpiredKeys_whenCreatesGoOn_thenEveryExpiredKeyIsFreeAndNoLiveOneIs() {
        for (int i = 0; i < 40; i++) {
            heroes.add(aHero().build(), keyed("old-" + i, "f", NOW));
        }
        Instant later = NOW.plus(DAY).plusSeconds(1);
        for (int i = 0; i < 10; i++) {
            heroes.add(aHero().build(), keyed("new-" + i, "f", later));
        }

        assertThat(heroes.add(aHero().build(), keyed("old-39", "g", later))).isInstanceOf(KeyedCreate.Added.class);
        assertThat(heroes.add(aHero().build(), keyed("new-0", "g", later))).isInstanceOf(KeyedCreate.Stored.class);
    }

    @Test
    void givenManyCallersWithOneKeyAtOnce_whenTheyAdd_thenExactlyOneHeroIsAddedAndEveryOtherGetsItsRecord() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<KeyedCreate.Outcome>> tasks = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            String fingerprint = "f" + c;
            tasks.add(() -> {
                start.await();
                return heroes.add(aHero().named(fingerprint).build(), keyed("shared", fingerprint, NOW));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        List<KeyedCreate.Outcome> outcomes = new ArrayList<>();
        try {
            List<Future<KeyedCreate.Outcome>> results = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (Future<KeyedCreate.Outcome> result : results) {
                outcomes.add(result.get());
            }
        } finally {
            pool.shutdownNow();
        }

        List<Hero> added = outcomes.stream().filter(KeyedCreate.Added.class::isInstance).map(o -> ((KeyedCreate.Added) o).hero()).toList();
        assertThat(added).hasSize(1);
        assertThat(outcomes).filteredOn(KeyedCreate.Stored.class::isInstance)
                .containsOnly(new KeyedCreate.Stored(added.get(0).name(), added.get(0).id()));
        assertThat(heroes.find(HeroQuery.page(0, 100)).heroes()).containsExactly(added.get(0));
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
