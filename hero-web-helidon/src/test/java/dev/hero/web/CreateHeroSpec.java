package dev.hero.web;

import dev.hero.domain.model.HeroQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.hero.web.Answer.problem;
import static dev.hero.web.Answer.publicHero;
import static dev.hero.web.HeroBody.SECRET;
import static dev.hero.web.HeroBody.aHero;
import static dev.hero.web.HeroBody.anEmptyBody;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /heroes/: what a valid hero becomes, and how each field of the body is judged. */
interface CreateHeroSpec extends HeroApiSpec {

    @ParameterizedTest
    @ValueSource(strings = {"/heroes/", "/heroes"})
    default void givenAValidHero_whenCreate_thenOkWithThePublicHeroAndItsLocation(String path) {
        Answer created = post(path, aHero());

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.contentType()).isEqualTo(JSON);
        assertThat(created.json()).isEqualTo(publicHero(created.id(), "Deadpond", 30));
        assertThat(created.location()).isEqualTo("/heroes/" + created.id());
        assertThat(HEROES.current().get(created.id()).secretName()).isEqualTo(SECRET);
    }

    @Test
    default void givenNoAge_whenCreate_thenAgeIsPresentAsNull() {
        Answer created = post("/heroes/", aHero().without("age"));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("\"age\":null");
        assertThat(created.json()).isEqualTo(publicHero(created.id(), "Deadpond", null));
    }

    @Test
    default void givenAnIdAndUnknownFieldsInTheBody_whenCreate_thenTheyAreIgnored() {
        long existing = post("/heroes/", aHero().name("Rusty-Man")).id();

        Answer created = post("/heroes/", aHero().raw("id", String.valueOf(existing)).raw("power", "\"water\""));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.id()).isNotEqualTo(existing);
        assertThat(get("/heroes/" + existing).json().get("name").asText()).isEqualTo("Rusty-Man");
        assertThat(created.body()).doesNotContain("power");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            12.0  | 12
            1e3   | 1000
            0     | 0
            2147483647 | 2147483647
            -0.0  | 0
            """)
    default void givenAnIntegralNumberForAge_whenCreate_thenItIsTakenAsAnInteger(String age, int expected) {
        Answer created = post("/heroes/", aHero().raw("age", age));

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("age").asInt()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "12"          | int_type           | Input should be a valid integer
            true          | int_type           | Input should be a valid integer
            {}            | int_type           | Input should be a valid integer
            []            | int_type           | Input should be a valid integer
            12.5          | int_from_float     | Input should be a valid integer, got a number with a fractional part
            1e-400        | int_from_float     | Input should be a valid integer, got a number with a fractional part
            2147483648    | less_than_equal    | Input should be less than or equal to 2147483647
            1e400         | less_than_equal    | Input should be less than or equal to 2147483647
            123456789012345678901234567890 | less_than_equal | Input should be less than or equal to 2147483647
            -1            | greater_than_equal | Input should be greater than or equal to 0
            -123456789012345678901234567890 | greater_than_equal | Input should be greater than or equal to 0
            """)
    default void givenAnAgeThatIsNotAnIntegerInRange_whenCreate_thenUnprocessable(String age, String type, String msg) {
        Answer rejected = post("/heroes/", aHero().raw("age", age));

        assertUnprocessable(rejected, problem(type, msg, "body", "age"));
        assertThat(HEROES.current().list(HeroQuery.page(0, 100)).heroes()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "{}", "[]", "null", "[\"Deadpond\"]"})
    default void givenANameThatIsNotAString_whenCreate_thenStringType(String name) {
        Answer rejected = post("/heroes/", aHero().raw("name", name));

        assertUnprocessable(rejected, problem("string_type", "Input should be a valid string", "body", "name"));
    }

    @Test
    default void givenNoNameAndNoSecretName_whenCreate_thenBothAreMissing() {
        Answer rejected = post("/heroes/", anEmptyBody().age(30));

        assertUnprocessable(rejected,
                problem("missing", "Field required", "body", "name"),
                problem("missing", "Field required", "body", "secret_name"));
    }

    @Test
    default void givenSeveralBadFields_whenCreate_thenOneAnswerListsThemAllInFieldOrder() {
        Answer rejected = post("/heroes/", anEmptyBody().secretName("").raw("age", "\"x\"").raw("name", "5"));

        assertUnprocessable(rejected,
                problem("string_type", "Input should be a valid string", "body", "name"),
                problem("int_type", "Input should be a valid integer", "body", "age"),
                problem("string_too_short", "String should have at least 1 character", "body", "secret_name"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            name        | ''      | string_too_short
            name        | '   '   | string_pattern_mismatch
            secret_name | '\t'    | string_pattern_mismatch
            """)
    default void givenTextBreakingTheDomainRules_whenCreate_thenTheRuleIsReportedUnderItsWireName(String field, String value, String type) {
        Answer rejected = post("/heroes/", aHero().raw(field, Answer.JSON.valueToTree(value).toString()));

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problems()).singleElement()
                .satisfies(p -> assertThat(p.get("type").asText()).isEqualTo(type))
                .satisfies(p -> assertThat(p.get("loc")).isEqualTo(Answer.JSON.valueToTree(List.of("body", field))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "secret_name"})
    default void givenTextWithALoneSurrogateEscape_whenCreate_thenNotUnicodeAndNothingStored(String field) {
        // JSON allows "\ud800", which is no Unicode text: the drivers would have stored "?" in its place
        Answer rejected = post("/heroes/", aHero().raw(field, "\"Dead\\ud800pond\""));

        assertUnprocessable(rejected, problem("string_unicode",
                "Input should be a valid string, unable to parse raw data as a unicode string", "body", field));
        assertThat(HEROES.current().list(HeroQuery.page(0, 100)).heroes()).isEmpty();
    }

    @Test
    default void givenASecretNameTooLongOrWithNul_whenCreate_thenTheAnswerNeverEchoesIt() {
        String longSecret = "Wade Winston Wilson ".repeat(13);
        String nulSecret = "Wade\u0000Wilson";

        Answer tooLong = post("/heroes/", aHero().secretName(longSecret));
        Answer withNul = post("/heroes/", aHero().secretName(nulSecret));

        assertUnprocessable(tooLong, problem("string_too_long", "String should have at most 255 characters", "body", "secret_name"));
        assertThat(tooLong.body()).doesNotContain("Wade");
        assertThat(withNul.status()).isEqualTo(422);
        assertThat(withNul.body()).doesNotContain("Wade").doesNotContain("Wilson");
    }
}
