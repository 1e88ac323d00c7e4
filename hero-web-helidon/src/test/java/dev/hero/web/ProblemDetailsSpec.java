package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hero.domain.port.out.HeroesUnavailableException;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.logging.LogRecord;

import static dev.hero.web.HeroBody.aHero;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 9457 problem details on request: with {@code Accept: application/problem+json} every error the routing answers
 * is a problem document ({@code application/problem+json}) that says what the default layout says; without it, or
 * when the request prefers {@code application/json}, the default layout, as every other spec checks. Errors answered
 * below routing: {@link RawRequestSpec}.
 */
interface ProblemDetailsSpec extends HeroApiSpec {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a missing hero                  | 404 | Not Found
            an unknown path                 | 404 | Not Found
            a method the path does not have | 405 | Method Not Allowed
            a body that is not JSON         | 415 | Unsupported Media Type
            a body over the limit           | 413 | Content Too Large
            a query with two problems       | 422 | Unprocessable Content
            a body with three problems      | 422 | Unprocessable Content
            malformed JSON                  | 422 | Unprocessable Content
            a store that is unavailable     | 503 | Service Unavailable
            a commit cut off                | 503 | Service Unavailable
            a fault in the store            | 500 | Internal Server Error
            """)
    default void givenAnError_whenProblemDetailsAreAccepted_thenAProblemDocumentSaysWhatTheDefaultLayoutSays(
            String error, int status, String title) {
        Answer plain = provoke(error, null);
        Answer problem = provoke(error, PROBLEM_JSON);

        assertThat(plain.status()).isEqualTo(status);
        assertThat(plain.contentType()).isEqualTo(JSON);
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(List.of(plain.vary(), problem.vary())).as("Vary").containsOnly("Accept");
        assertThat(problem.allow()).isEqualTo(plain.allow());
        assertThat(problem.retryAfter()).isEqualTo(plain.retryAfter());
        assertThat(problem.connection()).isEqualTo(plain.connection());
        JsonNode document = problem.json();
        assertThat(document.get("type").asText()).isEqualTo("about:blank");
        assertThat(document.get("title").asText()).isEqualTo(title);
        assertThat(document.get("status").asInt()).isEqualTo(status);
        JsonNode detail = plain.json().get("detail");
        if (detail.isArray()) {
            assertThat(detail).as("the default layout's entries").isNotEmpty();
            assertThat(document.get("errors")).isEqualTo(detail);
            assertThat(document.get("detail").asText()).contains(detail.findValuesAsText("msg"));
        } else {
            assertThat(document.get("detail")).isEqualTo(detail);
            assertThat(document.has("errors")).isFalse();
        }
    }

    @Test
    default void givenProblemDetailsAccepted_whenAQueryHasTwoProblems_thenTheDetailNamesEachWhereAndWhat() {
        Answer problem = exchange(Method.GET, "/heroes/?offset=-1&limit=abc", null, null, "Accept", PROBLEM_JSON);

        assertThat(problem.json().get("detail").asText()).isEqualTo("query.offset: Input should be greater than or equal to 0; "
                + "query.limit: Input should be a valid integer, unable to parse string as an integer");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            application/problem+json                                   | application/problem+json
            application/json, application/problem+json                 | application/problem+json
            application/problem+json, application/json                 | application/problem+json
            application/json;q=0.5, application/problem+json;q=0.8     | application/problem+json
            text/html, application/problem+json;q=0.1                  | application/problem+json
            application/problem+json;q=0.5, */*;q=0.5                  | application/problem+json
            APPLICATION/Problem+JSON; charset=utf-8                    | application/problem+json
            application/problem+json;q=0.9, application/json           | application/json
            application/problem+json;q=0.5, */*                        | application/json
            application/problem+json;q=0                               | application/json
            application/problem+json;q=high                            | application/json
            */*                                                        | application/json
            application/*                                              | application/json
            application/json                                           | application/json
            text/html                                                  | application/json
            """)
    default void givenAnAcceptHeader_whenAnErrorIsAnswered_thenProblemDetailsOnlyWhenListedAndNotLessWantedThanJson(
            String accept, String layout) {
        Answer answer = exchange(Method.GET, "/heroes/12345", null, null, "Accept", accept);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).isEqualTo(layout);
    }

    @Test
    default void givenProblemDetailsAccepted_whenTheRequestSucceeds_thenTheAnswerIsTheJsonItAlwaysIs() {
        byte[] body = aHero().json().getBytes(StandardCharsets.UTF_8);

        Answer created = exchange(Method.POST, "/heroes/", JSON, body, "Accept", PROBLEM_JSON);

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.contentType()).isEqualTo(JSON);
        assertThat(created.json().get("name").asText()).isEqualTo("Deadpond");
    }

    @Test
    default void givenProblemDetailsAccepted_whenHeadIsNotAllowed_thenTheProblemMediaTypeWithoutContent() {
        Answer rejected = exchange(Method.HEAD, "/heroes/", null, null, "Accept", PROBLEM_JSON);

        assertThat(rejected.status()).isEqualTo(405);
        assertThat(rejected.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(rejected.body()).isEmpty();
    }

    /** Sends a request that fails in the named way, with this {@code Accept} (none when {@code null}). */
    private Answer provoke(String error, String accept) {
        String[] headers = accept == null ? new String[0] : new String[] {"Accept", accept};
        return switch (error) {
            case "a missing hero" -> exchange(Method.GET, "/heroes/12345", null, null, headers);
            case "an unknown path" -> exchange(Method.GET, "/villains/", null, null, headers);
            case "a method the path does not have" -> exchange(Method.PUT, "/heroes/1", JSON, bytes(aHero().json()), headers);
            case "a body that is not JSON" -> exchange(Method.POST, "/heroes/", "text/plain", bytes(aHero().json()), headers);
            case "a body over the limit" -> chunkedOverTheLimit(headers);
            case "a query with two problems" -> exchange(Method.GET, "/heroes/?offset=-1&limit=abc", null, null, headers);
            case "a body with three problems" -> exchange(Method.POST, "/heroes/", JSON, bytes("{\"name\": \"\", \"age\": \"x\"}"), headers);
            case "malformed JSON" -> exchange(Method.POST, "/heroes/", JSON, bytes("{\"name\": Dive}"), headers);
            case "a store that is unavailable" -> failingStore(new HeroesUnavailableException("down", null), headers);
            case "a commit cut off" -> failingStore(HeroesUnavailableException.outcomeUnknown("cut off", null), headers);
            case "a fault in the store" -> failingStore(new IllegalStateException("broken"), headers);
            default -> throw new IllegalArgumentException(error);
        };
    }

    private Answer failingStore(RuntimeException failure, String... headers) {
        HEROES.use(new StoreFaultSpec.FailingHeroes(() -> failure));
        List<LogRecord> logged = new ArrayList<>();
        try {
            return whileCapturingLog(logged, () -> exchange(Method.GET, "/heroes/1", null, null, headers));
        } finally {
            HEROES.reset();
        }
    }

    /** A chunked body one byte over the limit: the adapter counts it while reading. */
    private Answer chunkedOverTheLimit(String... headers) {
        byte[] padding = new byte[(int) LIMITS.maxBodyBytes() + 1];
        Arrays.fill(padding, (byte) ' ');
        var request = client().post("/heroes/").header(HeaderNames.CONTENT_TYPE, JSON);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(HeaderNames.create(headers[i]), headers[i + 1]);
        }
        return OpenApiCheck.checked(Method.POST, "/heroes/", Answer.of(request.outputStream(out -> {
            out.write(padding);
            out.close();
        })));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
