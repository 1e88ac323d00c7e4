package dev.hero.web;

import dev.hero.domain.model.HeroQuery;
import dev.hero.web.testing.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.stream.Stream;

import static dev.hero.web.HeroBody.aHero;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What only a raw socket can send: requests the server rejects before routing, and others no well-behaved
 * client builds. Over a real socket only ({@link HeroApiServerTest}).
 */
interface RawRequestSpec extends HeroApiSpec {

    /** The port of the server under test. */
    int port();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a request line without a version       | 'GET /heroes/\\r\\nHost: localhost\\r\\n\\r\\n'                                     | 400
            a request line with a space in the path | 'GET /heroes/ 1 HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n'                         | 400
            a header without a colon                | 'GET /heroes/ HTTP/1.1\\r\\nHost: localhost\\r\\nBroken header\\r\\n\\r\\n'        | 400
            a Content-Length that is not a number   | 'POST /heroes/ HTTP/1.1\\r\\nHost: localhost\\r\\nContent-Length: many\\r\\n\\r\\n' | 400
            a bad percent-encoding in the path      | 'GET /heroes/%zz HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n'                         | 400
            a bad percent-encoding in the query     | 'GET /heroes/?limit=%zz HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n'                  | 400
            a body declared over the max payload    | 'POST /heroes/ HTTP/1.1\\r\\nHost: localhost\\r\\nContent-Type: application/json\\r\\nContent-Length: 2097152\\r\\n\\r\\n' | 413
            an unknown HTTP version                 | 'GET /heroes/ HTTP/2.5\\r\\nHost: localhost\\r\\n\\r\\n'                            | 400
            """)
    default void givenARequestTheServerRejectsBeforeRouting_whenSent_thenTheAnswerIsJsonWithDetail(String what, String request, int status) throws IOException {
        Wire.Answer answer = Wire.raw(port(), request.translateEscapes());

        assertThat(answer.status()).as(what).isEqualTo(status);
        assertJsonDetail(answer);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a Content-Length that is not a number  | 'POST /heroes/ HTTP/1.1\\r\\nHost: localhost\\r\\nAccept: application/problem+json\\r\\nContent-Length: many\\r\\n\\r\\n' | 400 | Bad Request
            a body declared over the max payload   | 'POST /heroes/ HTTP/1.1\\r\\nHost: localhost\\r\\nAccept: application/problem+json\\r\\nContent-Type: application/json\\r\\nContent-Length: 2097152\\r\\n\\r\\n' | 413 | Request Entity Too Large
            a GET declaring a body over the limit  | 'GET /heroes/1 HTTP/1.1\\r\\nHost: localhost\\r\\nAccept: application/problem+json\\r\\nContent-Length: 2097152\\r\\n\\r\\n' | 413 | Request Entity Too Large
            """)
    default void givenARequestTheServerRejectsBeforeRoutingAfterItsHeaders_whenProblemDetailsAreAccepted_thenAProblemDocument(
            String what, String request, int status, String detail) throws IOException {
        Wire.Answer answer = Wire.raw(port(), request.translateEscapes());

        assertThat(answer.status()).as(what).isEqualTo(status);
        assertProblem(answer, status, detail);
    }

    @Test
    default void givenAChunkedBodyWithABrokenChunkSize_whenProblemDetailsAreAccepted_thenABadRequestProblem() throws IOException {
        Wire.Answer answer = Wire.rawThenHalfClose(port(), "POST /heroes/ HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Accept: application/problem+json\r\nContent-Type: application/json\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertProblem(answer, 400, "Bad Request");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a bad percent-encoding in the path | 'GET /heroes/%zz HTTP/1.1\\r\\nHost: localhost\\r\\nAccept: application/problem+json\\r\\n\\r\\n' | 400
            an HTTP/1.0 request line           | 'GET /heroes/ HTTP/1.0\\r\\nHost: localhost\\r\\nAccept: application/problem+json\\r\\n\\r\\n' | 400
            a header without a colon           | 'GET /heroes/ HTTP/1.1\\r\\nHost: localhost\\r\\nAccept: application/problem+json\\r\\nBroken header\\r\\n\\r\\n' | 400
            """)
    default void givenARequestRejectedBeforeItsHeadersAreRead_whenProblemDetailsAreAccepted_thenTheDefaultLayoutAsDocumented(
            String what, String request, int status) throws IOException {
        // the server answers these before it has the request's Accept (docs/web.md, "Problem details")
        Wire.Answer answer = Wire.raw(port(), request.translateEscapes());

        assertThat(answer.status()).as(what).isEqualTo(status);
        assertJsonDetail(answer);
    }

    @Test
    default void givenHeadersLargerThanTheServerAccepts_whenSent_thenTheAnswerIsJsonWithDetail() throws IOException {
        // Helidon's default limit for the header section is 16 KiB
        String request = "GET /heroes/ HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n";

        Wire.Answer answer = Wire.raw(port(), request);

        assertThat(answer.status()).isEqualTo(400);
        assertJsonDetail(answer);
    }

    @Test
    default void givenAQueryParameterWithoutEqualsSign_whenList_thenUnprocessableNotAServerError() throws IOException {
        // found by HostileInputFuzzTest: "?offset" has a name and no value, which once answered 500
        Wire.Answer answer = Wire.raw(port(), "GET /heroes/?offset&limit HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("detail").findValuesAsText("type")).containsExactly("int_parsing", "int_parsing");
    }

    @Test
    default void givenAServerSideBadRequest_whenHead_thenNoContentFollowsTheHeaders() throws IOException {
        Wire.Answer answer = Wire.raw(port(), "HEAD /heroes/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    default void givenAnHttp10RequestLine_whenSent_thenABadRequestThatNamesTheVersionNotAServerError() throws IOException {
        // Helidon speaks HTTP/1.1 only and would answer 505: a fault of the request, so Hero answers 400
        Wire.Answer answer = Wire.raw(port(), "GET /heroes/ HTTP/1.0\r\nHost: localhost\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertJsonDetail(answer);
        assertThat(answer.json().get("detail").asText()).isEqualTo("HTTP Version Not Supported: send HTTP/1.1");
    }

    @Test
    default void givenAChunkedBodyWithAChunkSizeThatIsNotHexadecimal_whenCreate_thenBadRequestNotAServerError() throws IOException {
        // once a NumberFormatException from Helidon's chunk reader, answered 500 (found by probing the built jar).
        // Helidon reports the broken chunk only once the client stops sending (or the body deadline passes)
        Wire.Answer answer = Wire.rawThenHalfClose(port(), "POST /heroes/ HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertJsonDetail(answer);
        assertThat(HEROES.current().list(HeroQuery.page(0, 100)).heroes()).as("nothing stored").isEmpty();
    }

    @Test
    default void givenANameThatNeedsEncoding_whenItsLinksAreSentByteForByte_thenEveryHeroOfThatNameOnce() throws IOException {
        String name = "Dr. Strange & Co / 100% \u00fcber \ud83e\uddb8 +?#=";
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(post("/heroes/", aHero().name(name)).id());
        }
        post("/heroes/", aHero().name("Dr. Strange"));
        StringBuilder encoded = new StringBuilder();
        NextLink.percentEncode(encoded, name);

        List<Long> visited = new ArrayList<>();
        String target = "/heroes/?name=" + encoded + "&limit=1";
        while (target != null) {
            Wire.Answer page = Wire.raw(port(), "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(page.status()).as("%s: %s", target, page.body()).isEqualTo(200);
            assertThat(page.header("X-Total-Count")).containsExactly("3");
            page.json().forEach(hero -> visited.add(hero.get("id").asLong()));
            List<String> link = page.header("Link");
            target = link.isEmpty() ? null : link.getFirst().substring(1, link.getFirst().indexOf('>'));
        }

        assertThat(visited).isEqualTo(ids);
    }

    private static void assertProblem(Wire.Answer answer, int status, String detail) {
        assertThat(answer.header("content-type")).as("content type in %s", answer.headers()).containsExactly("application/problem+json");
        assertThat(answer.header("vary")).containsExactly("Accept");
        assertThat(answer.json().get("type").asText()).isEqualTo("about:blank");
        assertThat(answer.json().get("status").asInt()).isEqualTo(status);
        assertThat(answer.json().get("detail").asText()).isEqualTo(detail);
    }

    /**
     * Answers that say {@code Connection: close}, from the routing and from below it. Helidon 4.2 closed only its own
     * answers below routing at once; after a routed one it waited for a next request until the idle timeout (30 s).
     */
    static Stream<Arguments> answersThatCloseTheConnection() {
        // two chunks of the body limit each: the second one crosses it
        String chunkOfTheLimit = Long.toHexString(LIMITS.maxBodyBytes()) + "\r\n" + "a".repeat((int) LIMITS.maxBodyBytes()) + "\r\n";
        return Stream.of(
                Arguments.of("the client asks to close", 200,
                        "GET /heroes/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
                Arguments.of("a chunked body over the body limit (answered by the routing)", 413,
                        "POST /heroes/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n" + chunkOfTheLimit + chunkOfTheLimit + "0\r\n\r\n"),
                Arguments.of("a malformed request line", 400, "GET /heroes/ 1 HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                Arguments.of("a body declared over the body limit", 413,
                        "POST /heroes/ HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + (LIMITS.maxBodyBytes() + 1) + "\r\n\r\n"),
                Arguments.of("a request line over the limit", 414,
                        "GET /heroes/?junk=" + "b".repeat(LIMITS.requestLineBytes()) + " HTTP/1.1\r\nHost: localhost\r\n\r\n"),
                Arguments.of("headers over the limit", 400,
                        "GET /heroes/ HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(LIMITS.headerBytes()) + "\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.hero.web.RawRequestSpec#answersThatCloseTheConnection")
    default void givenAnAnswerThatSaysConnectionClose_whenTheClientReadsToTheEnd_thenTheServerHasClosedAtOnce(
            String what, int status, String request) throws IOException {
        Wire.Ending ending = Wire.rawToTheEnd(port(), request.translateEscapes());

        assertThat(ending.answer().status()).as(what).isEqualTo(status);
        assertThat(ending.answer().header("connection")).as(what).containsExactly("close");
        // not a timing benchmark: the idle timeout (30 s) is what a client waited before
        assertThat(ending.closedAfter()).as("%s: the server closed the connection", what).isPresent();
        assertThat(ending.closedAfter().get()).as(what).isLessThan(Duration.ofSeconds(5));
        assertThat(ending.after()).as("%s: the unread rest of the request is never answered as a request", what).isEmpty();
    }

    private static void assertJsonDetail(Wire.Answer answer) {
        assertThat(answer.header("content-type")).as("JSON content type in %s", answer.headers())
                .anySatisfy(type -> assertThat(type).startsWithIgnoringCase("application/json"));
        assertThat(answer.json().get("detail").isTextual()).as("detail in %s", answer.body()).isTrue();
    }
}
