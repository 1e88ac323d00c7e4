package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroSort;
import io.helidon.http.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static dev.hero.web.Answer.problem;
import static dev.hero.web.HeroBody.aHero;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /heroes/ page after page: {@code Link: <...>; rel="next"} while more heroes follow, holding the same filters,
 * sort and limit and an opaque {@code after} cursor; following it visits every hero once, in order, even while heroes
 * come and go; a cursor that is not one, or belongs to another listing, is a 422 at {@code after}, never a 500.
 */
interface ListPagesByCursorSpec extends HeroApiSpec {

    String NOT_A_CURSOR = "Value error, after is not a valid cursor; use the one in the Link header of the page before";
    String WITH_OFFSET = "Value error, after cannot be combined with offset; a page starts either at an offset or after a cursor";
    String OTHER_FILTERS = "Value error, after belongs to other filters than this request's (name, min_age, max_age);"
            + " keep the filters of the page it came from";

    /** Names with ties and characters that need encoding, ages with ties and gaps. */
    String[] NAMES = {"Beta", "alpha", "Alpha", "Beta", "\u00c9mile", "Zed & Co", "Beta", "a b", "\ud83e\uddb8 Hero", "alpha"};
    Integer[] AGES = {30, null, 20, 20, null, 45, 30, 0, 2147483647, 20, null};

    /** Creates {@code count} heroes from {@link #NAMES} and {@link #AGES}, cycling, and returns them as the store has them. */
    default List<Hero> createMixedHeroes(int count) {
        List<Hero> created = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = NAMES[i % NAMES.length];
            Integer age = AGES[i % AGES.length];
            created.add(new Hero(post("/heroes/", aHero().name(name).age(age)).id(), name, age, "", 1));
        }
        return created;
    }

    /** GETs the path and query of a {@code Link} as the server wrote it. */
    default Answer follow(String target) {
        assertThat(target).startsWith("/heroes/?");
        return OpenApiCheck.checked(Method.GET, target.substring(0, target.indexOf('?')),
                Answer.of(client().get().uri(URI.create(target)).request()));
    }

    /** Every page from the first (this query) on, following next links, until one has none. */
    default List<Answer> walk(String... firstQuery) {
        List<Answer> pages = new ArrayList<>();
        Answer page = get("/heroes/", firstQuery);
        while (true) {
            assertThat(page.status()).as("page %d: %s", pages.size(), page.body()).isEqualTo(200);
            pages.add(page);
            Optional<String> next = page.next();
            if (next.isEmpty()) {
                return pages;
            }
            assertThat(pages).as("pages walked").hasSizeLessThan(1_000);
            assertThat(next.get()).doesNotContain("offset=");
            page = follow(next.get());
        }
    }

    static List<Long> ids(List<Answer> pages) {
        return pages.stream().flatMap(page -> page.json().findValues("id").stream()).map(JsonNode::asLong).toList();
    }

    static Stream<Arguments> sortsAndFilters() {
        List<Arguments> all = new ArrayList<>();
        for (String sort : HeroSort.keys()) {
            all.add(Arguments.of(sort, new String[]{}));
            all.add(Arguments.of(sort, new String[]{"name", "Beta"}));
            all.add(Arguments.of(sort, new String[]{"min_age", "20", "max_age", "45"}));
            all.add(Arguments.of(sort, new String[]{"name", "alpha", "max_age", "20"}));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "sort={0} filters={1}")
    @MethodSource("dev.hero.web.ListPagesByCursorSpec#sortsAndFilters")
    default void givenHeroes_whenFollowingNextFromTheFirstPage_thenEveryMatchingHeroOnceInOrder(String sort, String[] filters) {
        List<Hero> heroes = createMixedHeroes(23);
        List<String> query = new ArrayList<>(List.of(filters));
        query.addAll(List.of("sort", sort, "limit", "3"));
        Answer whole = get("/heroes/", concat(filters, "sort", sort));

        List<Answer> pages = walk(query.toArray(String[]::new));

        List<Long> expected = whole.json().findValues("id").stream().map(JsonNode::asLong).toList();
        assertThat(ids(pages)).isEqualTo(expected);
        assertThat(ids(pages)).isEqualTo(heroes.stream().filter(hero -> matches(hero, filters))
                .sorted(HeroSort.fromKey(sort).orElseThrow().comparator()).map(Hero::id).toList());
        assertThat(pages).allSatisfy(page -> assertThat(page.totalCount()).isEqualTo(expected.size()));
        assertThat(pages).allSatisfy(page -> assertThat(page.json().size()).isLessThanOrEqualTo(3));
        assertThat(pages.getLast().json().size()).as("the last page is not empty unless the first is").isEqualTo(
                expected.isEmpty() ? 0 : (expected.size() - 1) % 3 + 1);
    }

    private static boolean matches(Hero hero, String[] filters) {
        for (int i = 0; i < filters.length; i += 2) {
            String value = filters[i + 1];
            boolean match = switch (filters[i]) {
                case "name" -> hero.name().equals(value);
                case "min_age" -> hero.age() != null && hero.age() >= Integer.parseInt(value);
                case "max_age" -> hero.age() != null && hero.age() <= Integer.parseInt(value);
                default -> throw new IllegalArgumentException(filters[i]);
            };
            if (!match) {
                return false;
            }
        }
        return true;
    }

    private static String[] concat(String[] first, String... more) {
        return Stream.concat(Stream.of(first), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    default void givenHeroesCreatedAndDeletedDuringTheWalk_whenFollowingNext_thenEveryHeroThatStayedIsVisitedOnceAndInOrder() {
        for (String sort : HeroSort.keys()) {
            HEROES.reset();
            List<Hero> stayed = createMixedHeroes(30);
            List<Long> leaving = new ArrayList<>(createMixedHeroes(12).stream().map(Hero::id).toList());
            Comparator<Hero> order = HeroSort.fromKey(sort).orElseThrow().comparator();
            List<Hero> visited = new ArrayList<>();
            Random random = new Random(sort.hashCode());

            Answer page = get("/heroes/", "sort", sort, "limit", "4");
            while (true) {
                assertThat(page.status()).isEqualTo(200);
                page.json().forEach(hero -> visited.add(new Hero(hero.get("id").asLong(), hero.get("name").asText(),
                        hero.get("age").isNull() ? null : hero.get("age").asInt(), "", 1)));
                // between two pages, others create heroes anywhere in the order and delete some of those that leave
                for (Hero arriving : createMixedHeroes(1 + random.nextInt(3))) {
                    leaving.add(arriving.id());
                }
                for (int i = 0; i < 2 && !leaving.isEmpty(); i++) {
                    assertThat(delete("/heroes/" + leaving.remove(random.nextInt(leaving.size()))).status()).isEqualTo(200);
                }
                Optional<String> next = page.next();
                if (next.isEmpty()) {
                    break;
                }
                page = follow(next.get());
            }

            List<Long> visitedIds = visited.stream().map(Hero::id).toList();
            assertThat(new HashSet<>(visitedIds)).as("sort=%s: no hero twice", sort).hasSameSizeAs(visitedIds);
            assertThat(visitedIds).as("sort=%s: every hero that stayed", sort).containsAll(stayed.stream().map(Hero::id).toList());
            assertThat(visited).as("sort=%s: in order", sort).isSortedAccordingTo(order);
        }
    }

    @Test
    default void givenExactlyAPageOfHeroes_whenList_thenNoLink() {
        createHeroes(3);

        assertThat(get("/heroes/", "limit", "3").next()).isEmpty();
        assertThat(get("/heroes/", "limit", "4").next()).isEmpty();
        assertThat(get("/heroes/", "limit", "0").next()).isEmpty();
        assertThat(get("/heroes/", "offset", "1", "limit", "2").next()).isEmpty();
    }

    @Test
    default void givenMoreHeroesThanAPage_whenList_thenALinkToTheNextPageWithTheSameQueryAndNoOffset() {
        createMixedHeroes(12);

        Answer page = get("/heroes/", "name", "Beta", "sort", "-age", "limit", "2", "min_age", "0", "max_age", "99");

        assertThat(page.next()).hasValueSatisfying(next -> assertThat(next)
                .matches("/heroes/\\?name=Beta&min_age=0&max_age=99&sort=-age&limit=2&after=[A-Za-z0-9_-]+"));
    }

    @Test
    default void givenAPageAtAnOffset_whenMoreFollow_thenItsLinkContinuesAfterItsLastHeroWithoutTheOffset() {
        List<Long> ids = createHeroes(6);

        Answer page = get("/heroes/", "offset", "2", "limit", "2");
        Answer next = follow(page.next().orElseThrow());

        assertThat(page.next().orElseThrow()).matches("/heroes/\\?limit=2&after=[A-Za-z0-9_-]+");
        assertThat(next.json().findValues("id").stream().map(JsonNode::asLong).toList()).isEqualTo(ids.subList(4, 6));
        assertThat(next.next()).isEmpty();
    }

    @Test
    default void givenTheDefaultLimit_whenMoreThanAHundredHeroes_thenTheLinkSaysTheLimit() {
        createHeroes(101);

        Answer first = get("/heroes/");
        Answer second = follow(first.next().orElseThrow());

        assertThat(first.next().orElseThrow()).matches("/heroes/\\?limit=100&after=[A-Za-z0-9_-]+");
        assertThat(second.json()).hasSize(1);
        assertThat(second.totalCount()).isEqualTo(101);
    }

    @Test
    default void givenANameWithSpacesAmpersandsPercentsAndUnicode_whenFollowingTheLink_thenTheNameComesBackAsItWas() {
        String name = "Dr. Strange & Co / 100% \u00fcber \ud83e\uddb8 +?#=<>\"";
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(post("/heroes/", aHero().name(name).age(i)).id());
        }
        post("/heroes/", aHero().name("Dr. Strange"));

        List<Answer> pages = walk("name", name, "sort", "name", "limit", "1");

        assertThat(ids(pages)).isEqualTo(ids);
        assertThat(pages.getFirst().header("Link")).doesNotContain(" &").doesNotContain("\u00fc")
                .contains("name=Dr.%20Strange%20%26%20Co%20%2F%20100%25%20%C3%BCber%20%F0%9F%A6%B8%20%2B%3F%23%3D%3C%3E%22&");
    }

    @Test
    default void givenALinkFollowedWithAnotherLimit_whenList_thenThePageAfterTheSamePosition() {
        List<Long> ids = createHeroes(6);
        String next = get("/heroes/", "limit", "2").next().orElseThrow();

        Answer page = follow(next.replace("limit=2", "limit=3"));

        assertThat(page.json().findValues("id").stream().map(JsonNode::asLong).toList()).isEqualTo(ids.subList(2, 5));
    }

    @Test
    default void givenACursor_whenAnOffsetComesWithIt_thenUnprocessableAtAfter() {
        createHeroes(3);
        String next = get("/heroes/", "limit", "1").next().orElseThrow();

        assertUnprocessable(follow(next + "&offset=1"), problem("value_error", WITH_OFFSET, "query", "after"));
        assertUnprocessable(follow(next + "&offset=0"), problem("value_error", WITH_OFFSET, "query", "after"));
    }

    @Test
    default void givenACursorOfOneSort_whenUsedWithAnother_thenUnprocessableNamingBoth() {
        createHeroes(3);
        String next = get("/heroes/", "sort", "name", "limit", "1").next().orElseThrow();

        assertUnprocessable(follow(next.replace("sort=name", "sort=-age")), problem("value_error",
                "Value error, after belongs to sort=name, not sort=-age; keep the sort of the page it came from", "query", "after"));
        assertUnprocessable(follow(next.replace("sort=name&", "")), problem("value_error",
                "Value error, after belongs to sort=name, not sort=id; keep the sort of the page it came from", "query", "after"));
    }

    @Test
    default void givenACursorOfSomeFilters_whenUsedWithOthers_thenUnprocessable() {
        createMixedHeroes(10);
        String next = get("/heroes/", "name", "Beta", "min_age", "20", "limit", "1").next().orElseThrow();

        assertThat(follow(next).status()).isEqualTo(200);
        for (String changed : List.of(next.replace("name=Beta&", ""), next.replace("name=Beta", "name=alpha"),
                next.replace("min_age=20", "min_age=21"), next.replace("min_age=20", "max_age=20"),
                next.replace("min_age=20", "min_age=20&max_age=99"))) {
            assertUnprocessable(follow(changed), problem("value_error", OTHER_FILTERS, "query", "after"));
        }
    }

    @Test
    default void givenACursorWithAnyCharacterChanged_whenFollowed_thenUnprocessableAtAfter() {
        createHeroes(3);
        String next = get("/heroes/", "limit", "1").next().orElseThrow();
        String cursor = next.substring(next.indexOf("after=") + "after=".length());

        for (int i = 0; i < cursor.length(); i++) {
            char replacement = cursor.charAt(i) == 'A' ? 'B' : 'A';
            String tampered = cursor.substring(0, i) + replacement + cursor.substring(i + 1);
            assertUnprocessable(get("/heroes/", "limit", "1", "after", tampered), problem("value_error", NOT_A_CURSOR, "query", "after"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "AAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "====", "AQE=", "AQEBAQEBAQEBAQEBAQEBAQ==",
            "not a cursor", "\u00e9\u00e8", "\ud83e\uddb8", "../../etc/passwd", "null", "0", "-1", "%00", "a+b/c",
            "AQ\u0000AQ", "{\"id\":1}"})
    default void givenTextThatIsNoCursor_whenListAfterIt_thenUnprocessableAtAfter(String after) {
        createHeroes(2);

        assertUnprocessable(get("/heroes/", "after", after), problem("value_error", NOT_A_CURSOR, "query", "after"));
    }

    @Test
    default void givenRandomBytesAsACursor_whenListAfterThem_thenAlwaysUnprocessableNeverAServerError() {
        createHeroes(2);
        Random random = new Random(10);
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(60)];
            random.nextBytes(bytes);
            String after = random.nextBoolean() ? Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
                    : Base64.getEncoder().encodeToString(bytes);

            assertUnprocessable(get("/heroes/", "after", after), problem("value_error", NOT_A_CURSOR, "query", "after"));
        }
    }

    @Test
    default void givenAHugeCursor_whenListAfterIt_thenUnprocessableAtAfter() {
        assertUnprocessable(get("/heroes/", "after", "A".repeat(4_000)), problem("value_error", NOT_A_CURSOR, "query", "after"));
    }

    @Test
    default void givenABadCursorBesideOtherProblems_whenList_thenAllInOneAnswer() {
        assertUnprocessable(get("/heroes/", "after", "garbage", "sort", "x", "min_age", "y"),
                problem("int_parsing", NOT_AN_INT, "query", "min_age"),
                problem("enum", "Input should be " + ListHeroesSpec.ALLOWED_SORTS, "query", "sort"),
                problem("value_error", NOT_A_CURSOR, "query", "after"));
    }

    @Test
    default void givenAValidCursorAndABadFilter_whenList_thenOnlyTheFiltersProblem() {
        createHeroes(3);
        String next = get("/heroes/", "limit", "1").next().orElseThrow();

        assertUnprocessable(follow(next + "&min_age=x"), problem("int_parsing", NOT_AN_INT, "query", "min_age"));
    }

    @Test
    default void givenTheLastHeroOfAPageDeleted_whenFollowingItsLink_thenTheWalkGoesOnAfterIt() {
        List<Long> ids = createHeroes(5);
        Answer first = get("/heroes/", "limit", "2");
        delete("/heroes/" + ids.get(1));
        delete("/heroes/" + ids.get(2));

        Answer second = follow(first.next().orElseThrow());

        assertThat(second.json().findValues("id").stream().map(JsonNode::asLong).toList()).isEqualTo(ids.subList(3, 5));
        assertThat(second.totalCount()).isEqualTo(3);
        assertThat(second.next()).isEmpty();
    }
}
