package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import org.junit.jupiter.api.BeforeEach;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static dev.hero.web.HeroBody.aHero;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Hero API contract (shared/API.md) over HTTP, one spec per operation ({@link CreateHeroSpec},
 * {@link ListHeroesSpec}, ...) and per concern that cuts across them; {@link HeroApiContract} gathers them.
 * This interface holds what they share: the client, the store behind the routes, the request helpers and the
 * assertions. Every answer the helpers see is also held to the OpenAPI document ({@link OpenApiCheck}).
 * <p>
 * Interfaces with default test methods rather than abstract classes: a test class can run any number of
 * interfaces but extend only one class, and each spec must run twice, in-process ({@link HeroApiRoutingTest})
 * and over a real socket ({@link HeroApiServerTest}), both set up through {@link HeroWeb}, the entry point
 * hero-app installs. So the helpers are default methods, which the specs call like their own.
 */
interface HeroApiSpec {

    String JSON = "application/json";
    String PROBLEM_JSON = "application/problem+json";
    WebLimits LIMITS = WebLimits.defaults();
    SwitchableHeroes HEROES = new SwitchableHeroes();

    String MAX_LONG = "9223372036854775807";
    String MAX_LONG_PLUS_ONE = "9223372036854775808";
    String NOT_AN_INT = "Input should be a valid integer, unable to parse string as an integer";

    /** The client Helidon hands the test class: a {@code DirectClient} in-process, an {@code Http1Client} on a socket. */
    Http1Client client();

    @BeforeEach
    default void startWithNoHeroes() {
        HEROES.reset();
    }

    /** Every error answer is JSON with a {@code detail}; this one is exactly {@code expected}. */
    default void assertError(Answer answer, int status, JsonNode expected) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(status);
        assertThat(answer.contentType()).as("content type of %s", answer).isEqualTo(JSON);
        assertThat(answer.json()).as("body").isEqualTo(expected);
    }

    default void assertUnprocessable(Answer answer, JsonNode... problems) {
        assertThat(answer.status()).as("status of %s", answer).isEqualTo(422);
        assertThat(answer.contentType()).isEqualTo(JSON);
        assertThat(answer.problems()).containsExactly(problems);
    }

    default List<Long> createHeroes(int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(post("/heroes/", aHero().name("Hero " + i)).id());
        }
        return ids;
    }

    default Answer get(String path, String... queryNamesAndValues) {
        Http1ClientRequest request = client().get(path);
        for (int i = 0; i < queryNamesAndValues.length; i += 2) {
            request.queryParam(queryNamesAndValues[i], queryNamesAndValues[i + 1]);
        }
        return OpenApiCheck.checked(Method.GET, path, Answer.of(request.request()));
    }

    default Answer post(String path, HeroBody body) {
        return post(path, body.json());
    }

    default Answer post(String path, String json) {
        return send(Method.POST, path, JSON, json);
    }

    default Answer patch(String path, HeroBody body) {
        return patch(path, body.json());
    }

    default Answer patch(String path, String json) {
        return send(Method.PATCH, path, JSON, json);
    }

    default Answer delete(String path) {
        return sendBytes(Method.DELETE, path, null, null);
    }

    default Answer send(Method method, String path, String contentType, String body) {
        return sendBytes(method, path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends the body as is; none at all when {@code null}. */
    default Answer sendBytes(Method method, String path, String contentType, byte[] body) {
        return exchange(method, path, contentType, body);
    }

    /**
     * Sends the body as is (none at all when {@code null}), with these header fields too: name, value, name, value...
     * The path may have a query ({@code /heroes/?limit=5}).
     */
    default Answer exchange(Method method, String pathAndQuery, String contentType, byte[] body, String... headerNamesAndValues) {
        int query = pathAndQuery.indexOf('?');
        String path = query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
        Http1ClientRequest request = client().method(method).path(path);
        if (query >= 0) {
            for (String parameter : pathAndQuery.substring(query + 1).split("&")) {
                int equals = parameter.indexOf('=');
                request.queryParam(parameter.substring(0, equals), parameter.substring(equals + 1));
            }
        }
        if (contentType != null) {
            request.header(HeaderNames.CONTENT_TYPE, contentType);
        }
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.header(HeaderNames.create(headerNamesAndValues[i]), headerNamesAndValues[i + 1]);
        }
        return OpenApiCheck.checked(method, path, Answer.of(body == null ? request.request() : request.submit(body)));
    }

    /** Runs the action with the error mapper's log records going to {@code records} instead of the console. */
    default Answer whileCapturingLog(List<LogRecord> records, Supplier<Answer> action) {
        Logger logger = Logger.getLogger(ErrorMapper.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        logger.setUseParentHandlers(false);
        try {
            return action.get();
        } finally {
            logger.removeHandler(capture);
            logger.setUseParentHandlers(true);
        }
    }
}
