package dev.hero.web;

import dev.hero.domain.model.PageRequest;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API contract over a real socket, on a server set up as hero-app sets it up: the body limit is
 * also the server's max payload size, and the server's own errors are answered by
 * {@link HeroWeb#directHandlers()}. The tests here send what only a raw socket can: requests the server
 * rejects before routing.
 */
@ServerTest
class HeroApiServerTest extends AbstractHeroApiTest {

    private final int port;

    HeroApiServerTest(Http1Client client, WebServer server) {
        super(client);
        this.port = server.port();
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.maxPayloadSize(LIMITS.maxBodyBytes())
                .directHandlers(HeroWeb.directHandlers());
    }

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
    void givenARequestTheServerRejectsBeforeRouting_whenSent_thenTheAnswerIsJsonWithDetail(String what, String request, int status) {
        RawHttp.Raw answer = RawHttp.exchange(port, request.translateEscapes());

        assertThat(answer.status()).as(what).isEqualTo(status);
        assertJsonDetail(answer);
    }

    @Test
    void givenHeadersLargerThanTheServerAccepts_whenSent_thenTheAnswerIsJsonWithDetail() {
        // Helidon's default limit for the header section is 16 KiB
        String request = "GET /heroes/ HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n";

        RawHttp.Raw answer = RawHttp.exchange(port, request);

        assertThat(answer.status()).isEqualTo(400);
        assertJsonDetail(answer);
    }

    @Test
    void givenAQueryParameterWithoutEqualsSign_whenList_thenUnprocessableNotAServerError() {
        // found by HostileInputFuzzTest: "?offset" has a name and no value, which once answered 500
        RawHttp.Raw answer = RawHttp.exchange(port, "GET /heroes/?offset&limit HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("detail").findValuesAsText("type")).containsExactly("int_parsing", "int_parsing");
    }

    @Test
    void givenAServerSideBadRequest_whenHead_thenNoContentFollowsTheHeaders() {
        RawHttp.Raw answer = RawHttp.exchange(port, "HEAD /heroes/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEmpty();
    }

    @Test
    void givenAnHttp10RequestLine_whenSent_thenABadRequestThatNamesTheVersionNotAServerError() {
        // Helidon speaks HTTP/1.1 only and would answer 505: a fault of the request, so Hero answers 400
        RawHttp.Raw answer = RawHttp.exchange(port, "GET /heroes/ HTTP/1.0\r\nHost: localhost\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertJsonDetail(answer);
        assertThat(answer.json().get("detail").asText()).isEqualTo("HTTP Version Not Supported: send HTTP/1.1");
    }

    @Test
    void givenAChunkedBodyWithAChunkSizeThatIsNotHexadecimal_whenCreate_thenBadRequestNotAServerError() {
        // once a NumberFormatException from Helidon's chunk reader, answered 500 (found by probing the built jar).
        // Helidon reports the broken chunk only once the client stops sending (or the body deadline passes)
        RawHttp.Raw answer = RawHttp.exchangeThenHalfClose(port, "POST /heroes/ HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\n\r\nzz\r\nabc\r\n0\r\n\r\n");

        assertThat(answer.status()).isEqualTo(400);
        assertJsonDetail(answer);
        assertThat(HEROES.current().list(new PageRequest(0, 100))).as("nothing stored").isEmpty();
    }

    private static void assertJsonDetail(RawHttp.Raw answer) {
        assertThat(answer.hasHeader("content-type: application/json")).as("JSON content type in %s", answer.headers()).isTrue();
        assertThat(answer.json().get("detail").isTextual()).as("detail in %s", answer.body()).isTrue();
    }
}
