package dev.hero.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.hero.web.Answer.problem;
import static dev.hero.web.Answer.publicHero;
import static dev.hero.web.HeroBody.aHero;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /heroes/: the heroes in id order, how offset and limit are read, the filters ({@code name}, {@code min_age},
 * {@code max_age}), the orders ({@code sort}) and the count ({@code X-Total-Count}). Pages by cursor:
 * {@link ListPagesByCursorSpec}.
 */
interface ListHeroesSpec extends HeroApiSpec {

    String ALLOWED_SORTS = "'id', '-id', 'name', '-name', 'age' or '-age'";

    @ParameterizedTest
    @ValueSource(strings = {"/heroes/", "/heroes"})
    default void givenHeroes_whenList_thenAllOfThemInIdOrder(String path) {
        long first = post("/heroes/", aHero().name("Deadpond")).id();
        long second = post("/heroes/", aHero().name("Spider-Boy").without("age")).id();

        Answer list = get(path);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.contentType()).isEqualTo(JSON);
        assertThat(list.json()).containsExactly(publicHero(first, "Deadpond", 30), publicHero(second, "Spider-Boy", null));
    }

    @Test
    default void givenFiveHeroes_whenListWithOffsetAndLimit_thenThatSlice() {
        List<Long> ids = createHeroes(5);

        Answer page = get("/heroes/", "offset", "1", "limit", "2", "unknown", "ignored");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().findValuesAsText("id")).containsExactly(String.valueOf(ids.get(1)), String.valueOf(ids.get(2)));
    }

    @Test
    default void givenLimitZero_whenList_thenEmptyArray() {
        createHeroes(2);

        assertThat(get("/heroes/", "limit", "0").body()).isEqualTo("[]");
    }

    @Test
    default void givenAnOffsetPastTheEnd_whenList_thenEmptyArray() {
        createHeroes(2);

        assertThat(get("/heroes/", "offset", "2").body()).isEqualTo("[]");
        assertThat(get("/heroes/", "offset", MAX_LONG).body()).isEqualTo("[]");
    }

    @Test
    default void givenNoHeroes_whenList_thenEmptyArray() {
        assertThat(get("/heroes").body()).isEqualTo("[]");
    }

    @Test
    default void givenMoreThanAHundredHeroes_whenListWithoutLimit_thenTheFirstHundred() {
        createHeroes(101);

        assertThat(get("/heroes/").json()).hasSize(100);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            101                  | less_than_equal    | Input should be less than or equal to 100
            9223372036854775808  | less_than_equal    | Input should be less than or equal to 100
            1000000000000000000000000 | less_than_equal | Input should be less than or equal to 100
            -1                   | greater_than_equal | Input should be greater than or equal to 0
            -9223372036854775809 | greater_than_equal | Input should be greater than or equal to 0
            abc                  | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            1.5                  | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            1e1                  | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            0x10                 | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            1__0                 | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            ''                   | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            """)
    default void givenABadLimit_whenList_thenUnprocessableQuery(String limit, String type, String msg) {
        assertUnprocessable(get("/heroes/", "limit", limit), problem(type, msg, "query", "limit"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            2     | 2
            ' 2 ' | 2
            +2    | 2
            02    | 2
            2.0   | 2
            1_0   | 10
            """)
    default void givenALimitPydanticWouldAccept_whenList_thenItIsReadTheSameWay(String limit, int expected) {
        createHeroes(12);

        Answer page = get("/heroes/", "limit", limit);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json()).hasSize(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            -1                  | greater_than_equal | Input should be greater than or equal to 0
            abc                 | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            9223372036854775808 | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            -9223372036854775809 | int_parsing       | Input should be a valid integer, unable to parse string as an integer
            """)
    default void givenABadOffset_whenList_thenUnprocessableQuery(String offset, String type, String msg) {
        assertUnprocessable(get("/heroes/", "offset", offset), problem(type, msg, "query", "offset"));
    }

    @Test
    default void givenABadOffsetAndABadLimit_whenList_thenBothInOneAnswer() {
        assertUnprocessable(get("/heroes/", "offset", "x", "limit", "101"),
                problem("int_parsing", NOT_AN_INT, "query", "offset"),
                problem("less_than_equal", "Input should be less than or equal to 100", "query", "limit"));
    }

    @Test
    default void givenHeroes_whenList_thenTheTotalCountIsEveryHeroNotThePageSize() {
        createHeroes(7);

        assertThat(get("/heroes/", "limit", "3").totalCount()).isEqualTo(7);
        assertThat(get("/heroes/", "offset", "5").totalCount()).isEqualTo(7);
        assertThat(get("/heroes/", "offset", "50").totalCount()).isEqualTo(7);
        assertThat(get("/heroes/", "limit", "0").totalCount()).isEqualTo(7);
        assertThat(get("/heroes/").totalCount()).isEqualTo(7);
    }

    @Test
    default void givenNoHeroes_whenList_thenTheTotalCountIsZero() {
        assertThat(get("/heroes/").totalCount()).isZero();
    }

    @Test
    default void givenHeroesOfSeveralNames_whenListByName_thenExactlyThatNameCaseAndAll() {
        long first = post("/heroes/", aHero().name("Deadpond")).id();
        post("/heroes/", aHero().name("deadpond"));
        post("/heroes/", aHero().name("Deadpond "));
        post("/heroes/", aHero().name("Spider-Boy"));
        long second = post("/heroes/", aHero().name("Deadpond").age(null)).id();

        Answer list = get("/heroes/", "name", "Deadpond");

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).containsExactly(publicHero(first, "Deadpond", 30), publicHero(second, "Deadpond", null));
        assertThat(list.totalCount()).isEqualTo(2);
    }

    @Test
    default void givenANameWithSpacesAmpersandsAndUnicode_whenListByIt_thenItMatches() {
        String name = "Dr. Strange & Co / 100% \u00fcber \ud83e\uddb8 +?#=";
        long id = post("/heroes/", aHero().name(name)).id();
        post("/heroes/", aHero().name("Dr. Strange"));

        Answer list = get("/heroes/", "name", name);

        assertThat(list.json()).containsExactly(publicHero(id, name, 30));
        assertThat(list.totalCount()).isEqualTo(1);
    }

    @Test
    default void givenNoHeroOfThatName_whenListByIt_thenEmptyAndZero() {
        createHeroes(3);

        Answer list = get("/heroes/", "name", "Nobody");

        assertThat(list.body()).isEqualTo("[]");
        assertThat(list.totalCount()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            min_age | 30 | 30, 40, 2147483647
            max_age | 30 | 0, 29, 30
            min_age | 0  | 0, 29, 30, 40, 2147483647
            """)
    default void givenHeroesOfSeveralAges_whenListByOneBound_thenTheBoundIsInclusiveAndNoAgeNeverMatches(
            String bound, String value, String expectedAges) {
        for (Integer age : new Integer[]{40, null, 0, 30, 2147483647, 29}) {
            post("/heroes/", aHero().age(age));
        }

        Answer list = get("/heroes/", bound, value);

        assertThat(list.json().findValuesAsText("age")).containsExactlyInAnyOrder(expectedAges.split(", "));
        assertThat(list.totalCount()).isEqualTo(expectedAges.split(", ").length);
    }

    @Test
    default void givenHeroesOfSeveralAges_whenListByBothBoundsAndName_thenOnlyThoseMatchingEveryFilter() {
        for (Integer age : new Integer[]{19, 20, null, 25, 30, 31}) {
            post("/heroes/", aHero().name("Rusty-Man").age(age));
        }
        post("/heroes/", aHero().name("Tarantula").age(25));

        Answer list = get("/heroes/", "min_age", "20", "max_age", "30", "name", "Rusty-Man");

        assertThat(list.json().findValuesAsText("age")).containsExactly("20", "25", "30");
        assertThat(list.totalCount()).isEqualTo(3);
        assertThat(get("/heroes/", "min_age", "25", "max_age", "25").json().findValuesAsText("name"))
                .containsExactlyInAnyOrder("Rusty-Man", "Tarantula");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            min_age | abc         | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            max_age | 1.5         | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            min_age | ''          | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            max_age | 1e3         | int_parsing        | Input should be a valid integer, unable to parse string as an integer
            min_age | -1          | greater_than_equal | Input should be greater than or equal to 0
            max_age | -99999999999999999999 | greater_than_equal | Input should be greater than or equal to 0
            min_age | 2147483648  | less_than_equal    | Input should be less than or equal to 2147483647
            max_age | 99999999999999999999 | less_than_equal | Input should be less than or equal to 2147483647
            """)
    default void givenABadAgeBound_whenList_thenUnprocessableAtThatParameter(String bound, String value, String type, String msg) {
        assertUnprocessable(get("/heroes/", bound, value), problem(type, msg, "query", bound));
    }

    @Test
    default void givenAMinAgeAboveTheMaxAge_whenList_thenUnprocessableAtMinAgeNamingMaxAge() {
        assertUnprocessable(get("/heroes/", "min_age", "31", "max_age", "30"),
                problem("value_error", "Value error, min_age must be less than or equal to max_age (30)", "query", "min_age"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            ''    | string_too_short        | String should have at least 1 character
            '   ' | string_pattern_mismatch | String should have at least one non-whitespace character
            """)
    default void givenANameTheTextRulesReject_whenListByIt_thenUnprocessableAtName(String name, String type, String msg) {
        assertUnprocessable(get("/heroes/", "name", name), problem(type, msg, "query", "name"));
    }

    @Test
    default void givenANameLongerThanANameCanBe_whenListByIt_thenUnprocessableAtName() {
        assertUnprocessable(get("/heroes/", "name", "x".repeat(256)),
                problem("string_too_long", "String should have at most 255 characters", "query", "name"));
    }

    @Test
    default void givenHeroesWithTiesAndNoAges_whenListInEachOrder_thenTiesByIdAndNoAgeLast() {
        long a = post("/heroes/", aHero().name("Beta").age(30)).id();
        long b = post("/heroes/", aHero().name("alpha").age(null)).id();
        long c = post("/heroes/", aHero().name("Alpha").age(20)).id();
        long d = post("/heroes/", aHero().name("Beta").age(20)).id();
        long e = post("/heroes/", aHero().name("\u00c9mile").age(null)).id();

        assertThat(idsSortedBy("id")).containsExactly(a, b, c, d, e);
        assertThat(idsSortedBy("-id")).containsExactly(e, d, c, b, a);
        // by code point: upper case before lower case, accented letters after both
        assertThat(idsSortedBy("name")).containsExactly(c, a, d, b, e);
        assertThat(idsSortedBy("-name")).containsExactly(e, b, a, d, c);
        assertThat(idsSortedBy("age")).containsExactly(c, d, a, b, e);
        assertThat(idsSortedBy("-age")).containsExactly(a, c, d, b, e);
    }

    private List<Long> idsSortedBy(String sort) {
        Answer list = get("/heroes/", "sort", sort);
        assertThat(list.status()).as("sort=%s", sort).isEqualTo(200);
        return list.json().findValues("id").stream().map(id -> id.asLong()).toList();
    }

    @Test
    default void givenASortAndAnOffset_whenList_thenTheSliceOfThatOrder() {
        for (int age : new int[]{50, 10, 40, 20, 30}) {
            post("/heroes/", aHero().age(age));
        }

        Answer page = get("/heroes/", "sort", "-age", "offset", "1", "limit", "3");

        assertThat(page.json().findValuesAsText("age")).containsExactly("40", "30", "20");
        assertThat(page.totalCount()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ID", "", "names", "+id", " id", "id ", "--id", "secret_name", "\u00edd"})
    default void givenASortThatIsNoneOfTheAllowed_whenList_thenUnprocessableNamingThemAll(String sort) {
        Answer answer = get("/heroes/", "sort", sort);

        assertUnprocessable(answer, problem("enum", "Input should be " + ALLOWED_SORTS, "query", "sort"));
        assertThat(answer.ctx()).hasValueSatisfying(ctx -> assertThat(ctx.get("expected").asText()).isEqualTo(ALLOWED_SORTS));
    }

    @Test
    default void givenARepeatedSortOrFilter_whenList_thenTheLastOneCounts() {
        post("/heroes/", aHero().name("A").age(1));
        post("/heroes/", aHero().name("B").age(2));

        assertThat(get("/heroes/", "sort", "bad", "sort", "-name").json().findValuesAsText("name")).containsExactly("B", "A");
        assertThat(get("/heroes/", "name", "B", "name", "A").json().findValuesAsText("name")).containsExactly("A");
    }

    @Test
    default void givenSeveralBadParameters_whenList_thenEveryProblemInOneAnswerInTheOrderOfTheTable() {
        assertUnprocessable(get("/heroes/", "sort", "up", "limit", "101", "max_age", "x", "name", "", "min_age", "-1"),
                problem("string_too_short", "String should have at least 1 character", "query", "name"),
                problem("greater_than_equal", "Input should be greater than or equal to 0", "query", "min_age"),
                problem("int_parsing", NOT_AN_INT, "query", "max_age"),
                problem("enum", "Input should be " + ALLOWED_SORTS, "query", "sort"),
                problem("less_than_equal", "Input should be less than or equal to 100", "query", "limit"));
    }
}
