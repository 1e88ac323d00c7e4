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

/** GET /heroes/: the heroes in id order, and how offset and limit are read. */
interface ListHeroesSpec extends HeroApiSpec {

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

        Answer page = get("/heroes/", "offset", "1", "limit", "2", "sort", "ignored");

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
}
