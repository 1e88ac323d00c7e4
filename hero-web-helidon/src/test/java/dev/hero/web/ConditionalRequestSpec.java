package dev.hero.web;

import io.helidon.http.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static dev.hero.web.Answer.detail;
import static dev.hero.web.Answer.publicHero;
import static dev.hero.web.HeroBody.aHero;
import static dev.hero.web.HeroBody.anEmptyBody;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Versions and conditional requests (RFC 9110): every answer with one hero carries its strong {@code ETag};
 * {@code If-None-Match} on GET gives a 304 when the client's copy is current; {@code If-Match} on PATCH and DELETE
 * writes only over the version the client saw, else 412 and nothing changes.
 */
interface ConditionalRequestSpec extends HeroApiSpec {

    private Answer withHeader(Method method, String path, HeroBody body, String name, String value) {
        byte[] bytes = body == null ? null : body.json().getBytes(StandardCharsets.UTF_8);
        return exchange(method, path, body == null ? null : JSON, bytes, name, value);
    }

    @Test
    default void givenAHero_whenCreatedReadAndUpdated_thenEachAnswerCarriesItsTagAndAChangeMakesANewOne() {
        Answer created = post("/heroes/", aHero());
        long id = created.id();

        assertThat(created.header("ETag")).isEqualTo("\"" + id + "-1\"");
        assertThat(get("/heroes/" + id).header("ETag")).isEqualTo("\"" + id + "-1\"");
        assertThat(patch("/heroes/" + id, anEmptyBody().name("Deadpool")).header("ETag")).isEqualTo("\"" + id + "-2\"");
        assertThat(patch("/heroes/" + id, anEmptyBody().secretName("Wade")).header("ETag")).isEqualTo("\"" + id + "-3\"");
        assertThat(get("/heroes/" + id).header("ETag")).isEqualTo("\"" + id + "-3\"");
    }

    @Test
    default void givenAHero_whenPatchSetsTheValuesItHasOrNothing_thenTheTagStays() {
        long id = post("/heroes/", aHero().name("Deadpond").age(30)).id();

        assertThat(patch("/heroes/" + id, anEmptyBody().name("Deadpond").age(30)).header("ETag")).isEqualTo("\"" + id + "-1\"");
        assertThat(patch("/heroes/" + id, anEmptyBody()).header("ETag")).isEqualTo("\"" + id + "-1\"");
    }

    @Test
    default void givenAHero_whenListed_thenTheListCarriesNoTag() {
        post("/heroes/", aHero());

        assertThat(get("/heroes/").header("ETag")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"%d-1\"", "W/\"%d-1\"", "\"other\", \"%d-1\"", "*", "\"1-9\",W/\"%d-1\"", " \"%d-1\" "})
    default void givenTheTagOfTheCurrentHero_whenGetIfNoneMatch_thenNotModifiedWithTheTagAndNoBody(String field) {
        long id = post("/heroes/", aHero()).id();

        Answer answer = withHeader(Method.GET, "/heroes/" + id, null, "If-None-Match", field.formatted(id));

        assertThat(answer.status()).isEqualTo(304);
        assertThat(answer.header("ETag")).isEqualTo("\"" + id + "-1\"");
        assertThat(answer.body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"%d-2\"", "\"%d\"", "\"1\"", "%d-1", "\"%d-1", "garbage", ""})
    default void givenAnotherTagOrNone_whenGetIfNoneMatch_thenTheHeroInFull(String field) {
        long id = post("/heroes/", aHero()).id();

        Answer answer = withHeader(Method.GET, "/heroes/" + id, null, "If-None-Match", field.formatted(id));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEqualTo(publicHero(id, "Deadpond", 30));
        assertThat(answer.header("ETag")).isEqualTo("\"" + id + "-1\"");
    }

    @Test
    default void givenNoHero_whenGetIfNoneMatchAny_thenNotFound() {
        assertError(withHeader(Method.GET, "/heroes/42", null, "If-None-Match", "*"), 404, detail("Hero not found"));
    }

    @Test
    default void givenTheCurrentTag_whenPatchIfMatch_thenChangedWithTheNewTag() {
        long id = post("/heroes/", aHero()).id();

        Answer patched = withHeader(Method.PATCH, "/heroes/" + id, anEmptyBody().name("Deadpool"), "If-Match", "\"" + id + "-1\"");

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json()).isEqualTo(publicHero(id, "Deadpool", 30));
        assertThat(patched.header("ETag")).isEqualTo("\"" + id + "-2\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"%d-1\"", "W/\"%d-2\"", "\"%d-3\", \"%d-4\"", "\"9999-2\"", "\"2\"", "%d-2", "\"%d-02\"", ""})
    default void givenAStaleWeakOtherOrMalformedTag_whenPatchOrDeleteIfMatch_thenPreconditionFailedAndNothingChanges(String field) {
        long id = post("/heroes/", aHero()).id();
        patch("/heroes/" + id, anEmptyBody().age(31));
        String value = field.replace("%d", String.valueOf(id));

        assertError(withHeader(Method.PATCH, "/heroes/" + id, anEmptyBody().name("Lost"), "If-Match", value), 412,
                detail("Precondition Failed"));
        assertError(withHeader(Method.PATCH, "/heroes/" + id, anEmptyBody(), "If-Match", value), 412, detail("Precondition Failed"));
        assertError(withHeader(Method.DELETE, "/heroes/" + id, null, "If-Match", value), 412, detail("Precondition Failed"));

        Answer after = get("/heroes/" + id);
        assertThat(after.json()).isEqualTo(publicHero(id, "Deadpond", 31));
        assertThat(after.header("ETag")).isEqualTo("\"" + id + "-2\"");
    }

    @Test
    default void givenAnyTag_whenPatchAndDeleteIfMatchAny_thenBothAreMade() {
        long id = post("/heroes/", aHero()).id();
        patch("/heroes/" + id, anEmptyBody().age(31));

        assertThat(withHeader(Method.PATCH, "/heroes/" + id, anEmptyBody().age(32), "If-Match", "*").status()).isEqualTo(200);
        assertThat(withHeader(Method.DELETE, "/heroes/" + id, null, "If-Match", "*").status()).isEqualTo(200);
        assertError(get("/heroes/" + id), 404, detail("Hero not found"));
    }

    @Test
    default void givenOneOfSeveralTagsIsCurrent_whenDeleteIfMatch_thenDeleted() {
        long id = post("/heroes/", aHero()).id();

        Answer deleted = withHeader(Method.DELETE, "/heroes/" + id, null, "If-Match", "\"" + id + "-7\", \"" + id + "-1\"");

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.header("ETag")).isNull();
        assertError(get("/heroes/" + id), 404, detail("Hero not found"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "\"42-1\""})
    default void givenNoHero_whenPatchOrDeleteIfMatch_thenPreconditionFailedNotNotFound(String field) {
        assertError(withHeader(Method.PATCH, "/heroes/42", anEmptyBody().name("Ghost"), "If-Match", field), 412,
                detail("Precondition Failed"));
        assertError(withHeader(Method.DELETE, "/heroes/42", null, "If-Match", field), 412, detail("Precondition Failed"));
        assertThat(get("/heroes/").json()).isEmpty();
    }

    @Test
    default void givenAStaleTag_whenPatchAsksForProblemDetails_thenA412ProblemDocument() {
        long id = post("/heroes/", aHero()).id();
        patch("/heroes/" + id, anEmptyBody().age(31));

        Answer answer = exchange(Method.PATCH, "/heroes/" + id, JSON, anEmptyBody().age(40).json().getBytes(StandardCharsets.UTF_8),
                "If-Match", "\"" + id + "-1\"", "Accept", PROBLEM_JSON);

        assertThat(answer.status()).isEqualTo(412);
        assertThat(answer.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(answer.json().get("title").asText()).isEqualTo("Precondition Failed");
        assertThat(answer.json().get("status").asInt()).isEqualTo(412);
    }

    @Test
    default void givenAStaleTagAndABadBody_whenPatchIfMatch_thenTheBodyIsReportedFirst() {
        long id = post("/heroes/", aHero()).id();

        Answer answer = withHeader(Method.PATCH, "/heroes/" + id, anEmptyBody().raw("name", "null"), "If-Match", "\"" + id + "-9\"");

        assertThat(answer.status()).isEqualTo(422);
    }
}
