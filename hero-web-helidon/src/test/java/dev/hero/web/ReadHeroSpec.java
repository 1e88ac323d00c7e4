package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hero.web.Answer.detail;
import static dev.hero.web.Answer.problem;
import static dev.hero.web.Answer.publicHero;
import static dev.hero.web.HeroBody.aHero;
import static dev.hero.web.HeroBody.anEmptyBody;
import static org.assertj.core.api.Assertions.assertThat;

/** GET /heroes/{hero_id}, and how the id in the path is read (by read, update and delete alike). */
interface ReadHeroSpec extends HeroApiSpec {

    @ParameterizedTest
    @ValueSource(strings = {"", "/"})
    default void givenAHero_whenRead_thenThePublicHero(String trailingSlash) {
        long id = post("/heroes/", aHero()).id();

        Answer read = get("/heroes/" + id + trailingSlash);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).isEqualTo(JSON);
        assertThat(read.json()).isEqualTo(publicHero(id, "Deadpond", 30));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "2", MAX_LONG, "-9223372036854775808"})
    default void givenNoHeroWithThatId_whenReadUpdateOrDelete_thenHeroNotFound(String id) {
        post("/heroes/", aHero());
        String path = "/heroes/" + id;

        assertError(get(path), 404, detail("Hero not found"));
        assertError(patch(path, anEmptyBody().name("Nobody")), 404, detail("Hero not found"));
        assertError(delete(path), 404, detail("Hero not found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {MAX_LONG_PLUS_ONE, "-9223372036854775809", "abc", "1.5", "1e3", "0x10", "1__0", "_1", "1_"})
    default void givenAnIdThatIsNotA64BitInteger_whenReadUpdateOrDelete_thenUnprocessablePath(String id) {
        JsonNode badId = problem("int_parsing", NOT_AN_INT, "path", "hero_id");

        assertUnprocessable(get("/heroes/" + id), badId);
        assertUnprocessable(patch("/heroes/" + id, anEmptyBody()), badId);
        assertUnprocessable(delete("/heroes/" + id), badId);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "01", "+1", "1."})
    default void givenAnIdPydanticWouldAccept_whenRead_thenItIsReadTheSameWay(String id) {
        long created = post("/heroes/", aHero()).id();

        assertThat(get("/heroes/" + id).json()).isEqualTo(publicHero(created, "Deadpond", 30));
    }
}
