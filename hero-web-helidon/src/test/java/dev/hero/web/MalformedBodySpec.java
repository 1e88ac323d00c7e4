package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hero.web.Answer.problem;
import static dev.hero.web.HeroBody.aHero;
import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies that are no JSON object: malformed text, bytes that are not UTF-8, other JSON values, no body. */
interface MalformedBodySpec extends HeroApiSpec {

    @Test
    default void givenMalformedJson_whenCreate_thenJsonInvalidAtTheOffendingPosition() {
        Answer rejected = post("/heroes/", "{\"name\": Dive Wilson}");

        assertUnprocessable(rejected, problem("json_invalid", "JSON decode error", "body", 9));
        assertThat(rejected.ctx()).hasValueSatisfying(ctx -> assertThat(ctx.get("error").asText()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"Deadpond\"", "{\"name\":", "{", "[", "{\"name\": \"Dead", "{} {}", "{\"age\": NaN}",
            "{'name': 'Deadpond'}", "   ", "{\"age\": 1e99999999999}"})
    default void givenTextThatIsNotOneJsonValue_whenCreate_thenJsonInvalid(String body) {
        Answer rejected = post("/heroes/", body);

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.get("type").asText()).isEqualTo("json_invalid");
            assertThat(problem.get("msg").asText()).isEqualTo("JSON decode error");
            assertThat(problem.get("loc").get(0).asText()).isEqualTo("body");
            assertThat(problem.get("loc").get(1).isInt()).isTrue();
        });
    }

    @Test
    default void givenTenThousandNestedArrays_whenCreate_thenJsonInvalidNotACrash() {
        Answer rejected = post("/heroes/", "[".repeat(10_000) + "]".repeat(10_000));

        assertThat(rejected.status()).isEqualTo(422);
        assertThat(rejected.problems()).singleElement().satisfies(p -> assertThat(p.get("type").asText()).isEqualTo("json_invalid"));
    }

    @Test
    default void givenBytesThatAreNotUtf8_whenCreate_thenJsonInvalid() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        Answer rejected = sendBytes(Method.POST, "/heroes/", JSON, body);

        assertUnprocessable(rejected, problem("json_invalid", "JSON decode error", "body", 9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"x\"", "12", "true", "[{\"name\": \"Deadpond\", \"secret_name\": \"Dive Wilson\"}]"})
    default void givenAJsonValueThatIsNotAnObject_whenCreateOrPatch_thenModelAttributesType(String body) {
        long id = post("/heroes/", aHero()).id();
        JsonNode notAnObject = problem("model_attributes_type", "Input should be a valid dictionary or object to extract fields from", "body");

        assertUnprocessable(post("/heroes/", body), notAnObject);
        assertUnprocessable(patch("/heroes/" + id, body), notAnObject);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null"})
    default void givenNoBodyOrANullBody_whenCreateOrPatch_thenTheBodyIsMissing(String body) {
        long id = post("/heroes/", aHero()).id();
        JsonNode missing = problem("missing", "Field required", "body");

        assertUnprocessable(post("/heroes/", body), missing);
        assertUnprocessable(patch("/heroes/" + id, body), missing);
        assertUnprocessable(sendBytes(Method.POST, "/heroes/", JSON, null), missing);
    }
}
