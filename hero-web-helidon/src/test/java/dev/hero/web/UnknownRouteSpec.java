package dev.hero.web;

import io.helidon.http.Method;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hero.web.Answer.detail;
import static dev.hero.web.HeroBody.aHero;
import static org.assertj.core.api.Assertions.assertThat;

/** Unknown paths (404) and the methods a known path does not have (405 with Allow), answered as JSON. */
interface UnknownRouteSpec extends HeroApiSpec {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/hero", "/heroesx", "/heroes/1/powers", "/heroes/1/2", "/docs/x"})
    default void givenAnUnknownPath_whenGet_thenNotFoundAsJson(String path) {
        assertError(get(path), 404, detail("Not Found"));
    }

    @Test
    default void givenAnUnknownPath_whenPost_thenNotFoundAsJson() {
        assertError(post("/villains/", aHero()), 404, detail("Not Found"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PUT     | /heroes/    | GET, POST
            DELETE  | /heroes     | GET, POST
            PATCH   | /heroes/    | GET, POST
            OPTIONS | /heroes/    | GET, POST
            POST    | /heroes/1   | GET, PATCH, DELETE
            PUT     | /heroes/1/  | GET, PATCH, DELETE
            PUT     | /heroes/abc | GET, PATCH, DELETE
            TRACE   | /heroes/1   | GET, PATCH, DELETE
            """)
    default void givenAKnownPath_whenAnotherMethod_thenMethodNotAllowedWithAllow(String method, String path, String allow) {
        Answer rejected = send(Method.create(method), path, JSON, aHero().json());

        assertError(rejected, 405, detail("Method Not Allowed"));
        assertThat(rejected.allow()).isEqualTo(allow);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /heroes/   | GET, POST
            /heroes/1  | GET, PATCH, DELETE
            """)
    default void givenAKnownPath_whenHead_thenMethodNotAllowedWithoutContent(String path, String allow) {
        Answer rejected = sendBytes(Method.HEAD, path, null, null);

        assertThat(rejected.status()).isEqualTo(405);
        assertThat(rejected.allow()).isEqualTo(allow);
        assertThat(rejected.body()).isEmpty();
    }
}
