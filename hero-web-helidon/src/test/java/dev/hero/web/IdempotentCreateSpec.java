package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hero.domain.model.IdempotencyKey;
import dev.hero.domain.model.IdempotencyKeyInFlightException;
import io.helidon.http.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static dev.hero.web.Answer.detail;
import static dev.hero.web.Answer.problem;
import static dev.hero.web.HeroBody.aHero;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /heroes/ with {@code Idempotency-Key}: the first create answers as always; a repeat with the same key and the
 * same body (as JSON: the same command) gets the same answer with {@code Idempotent-Replayed: true} and creates
 * nothing; the same key with another body is a 422 at the header; a key that is no key is a 422 too.
 */
interface IdempotentCreateSpec extends HeroApiSpec {

    private Answer postWithKey(String json, String key) {
        return exchange(Method.POST, "/heroes/", JSON, json.getBytes(StandardCharsets.UTF_8), "Idempotency-Key", key);
    }

    @Test
    default void givenAKey_whenTheSameCreateIsSentTwice_thenOneHeroAndTheSameAnswerReplayed() {
        Answer first = postWithKey(aHero().json(), "order-42");
        Answer again = postWithKey(aHero().json(), "order-42");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(get("/heroes/").json()).hasSize(1);
    }

    @Test
    default void givenAKey_whenTheRepeatHasTheSameFieldsInAnotherOrderAndSpelling_thenItIsTheSameCreate() {
        Answer first = postWithKey("{\"name\":\"Deadpond\",\"secret_name\":\"Dive Wilson\",\"age\":30}", "k");
        Answer again = postWithKey("{ \"age\": 30.0, \"secret_name\": \"Dive Wilson\", \"name\": \"Deadpond\", \"unknown\": 1 }", "k");

        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json()).isEqualTo(first.json());
    }

    @Test
    default void givenAKey_whenTheHeroChangedOrWentSince_thenTheReplayIsStillTheFirstAnswer() {
        Answer first = postWithKey(aHero().json(), "k");
        long id = first.id();
        patch("/heroes/" + id, HeroBody.anEmptyBody().name("Deadpool"));
        delete("/heroes/" + id);

        Answer again = postWithKey(aHero().json(), "k");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(get("/heroes/").json()).isEmpty();
    }

    @Test
    default void givenAKey_whenAnotherBodyComesWithIt_thenUnprocessableAtTheHeaderAndNothingCreated() {
        postWithKey(aHero().json(), "k");

        Answer other = postWithKey(aHero().secretName("Another secret").json(), "k");

        assertUnprocessable(other, problem("value_error",
                "Value error, this Idempotency-Key was used with another request body; use a new key for another hero",
                "header", "Idempotency-Key"));
        assertThat(other.body()).doesNotContain("Another secret");
        assertThat(get("/heroes/").json()).hasSize(1);
    }

    @Test
    default void givenTwoKeys_whenTheSameBodyComesWithEach_thenTwoHeroes() {
        long first = postWithKey(aHero().json(), "a").id();
        long second = postWithKey(aHero().json(), "b").id();

        assertThat(second).isNotEqualTo(first);
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "tab\there", "a,b c"})
    default void givenAKeyWithCharactersOtherThanVisibleAscii_whenCreate_thenUnprocessableAtTheHeader(String key) {
        Answer answer = postWithKey(aHero().json(), key);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.problems()).singleElement().satisfies(entry -> {
            assertThat(entry.get("loc")).isEqualTo(Answer.JSON.createArrayNode().add("header").add("Idempotency-Key"));
            assertThat(entry.get("type").asText()).isEqualTo("string_pattern_mismatch");
        });
        assertThat(get("/heroes/").json()).isEmpty();
    }

    @Test
    default void givenKeysOfTheBoundaryLengths_whenCreate_thenOneTo255AreKeysAnd256IsNot() {
        assertThat(postWithKey(aHero().json(), "!").status()).isEqualTo(200);
        assertThat(postWithKey(aHero().json(), "~".repeat(IdempotencyKey.MAX_LENGTH)).status()).isEqualTo(200);
        assertUnprocessable(postWithKey(aHero().json(), "x".repeat(IdempotencyKey.MAX_LENGTH + 1)),
                problem("string_too_long", "String should have at most 255 characters", "header", "Idempotency-Key"));
    }

    @Test
    default void givenABadBodyAndAKey_whenCreate_thenTheBodyIsReportedAndTheKeyStaysFree() {
        assertThat(postWithKey("{\"name\":\"Deadpond\"}", "k").status()).isEqualTo(422);

        Answer created = postWithKey(aHero().json(), "k");

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.header("Idempotent-Replayed")).isNull();
    }

    @Test
    default void givenACreateUnderTheKeyStillRunning_whenTheSameKeyComes_thenConflictWithRetryAfter() {
        HEROES.use(new StoreFaultSpec.FailingHeroes(() -> new IdempotencyKeyInFlightException(new IdempotencyKey("k"))));

        Answer answer = postWithKey(aHero().json(), "k");

        assertError(answer, 409, detail("Conflict: a request with this Idempotency-Key is still in progress; "
                + "repeat it once that one is answered"));
        assertThat(answer.retryAfter()).isEqualTo("1");
    }

    @Test
    default void givenAKeyUsedWithAnotherBody_whenProblemDetailsAreAsked_thenTheirErrorsNameTheHeader() {
        postWithKey(aHero().json(), "k");

        Answer answer = exchange(Method.POST, "/heroes/", JSON, aHero().age(31).json().getBytes(StandardCharsets.UTF_8),
                "Idempotency-Key", "k", "Accept", PROBLEM_JSON);

        assertThat(answer.status()).isEqualTo(422);
        JsonNode errors = answer.json().get("errors");
        assertThat(errors.get(0).get("loc")).isEqualTo(Answer.JSON.createArrayNode().add("header").add("Idempotency-Key"));
    }
}
