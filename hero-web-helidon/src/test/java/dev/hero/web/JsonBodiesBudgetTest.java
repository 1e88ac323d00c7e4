package dev.hero.web;

import io.helidon.http.HttpException;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Bodies in memory at once are bounded in bytes: past the budget a body is refused unread with 503, never buffered. */
class JsonBodiesBudgetTest {

    private static final String BODY = "{\"name\":\"" + "x".repeat(590) + "\"}";

    private WebServer server;

    @BeforeEach
    void startServerWithRoomForOneBody() {
        // a budget of 1000 bytes: one body of 600 bytes fits, two do not
        JsonBodies bodies = new JsonBodies(WebLimits.defaults(), 1000);
        server = WebServer.builder().port(0).host("127.0.0.1")
                .routing(routing -> routing
                        .post("/", (request, response) -> response.send("read " + bodies.readObject(request).size()))
                        .error(HttpException.class, (request, response, e) -> {
                            e.headers().forEach(response::header);
                            response.status(e.status()).send(e.status().codeText());
                        }))
                .build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void givenABodyBeingReadThatHoldsMostOfTheBudget_whenASecondArrives_thenItGets503AtOnceAndLaterBodiesAreRead() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", server.port())) {
            OutputStream out = slow.getOutputStream();
            out.write((head(BODY.length()) + BODY.substring(0, 300)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(1000); // half the body is in: the handler is reading it and holds 601 bytes of the budget

            String refused = exchange(head(BODY.length()) + BODY);
            assertThat(refused).startsWith("HTTP/1.1 503").containsIgnoringCase("retry-after: 1");

            out.write(BODY.substring(300).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            slow.setSoTimeout(10_000);
            assertThat(head(slow)).startsWith("HTTP/1.1 200");
        }
        assertThat(exchange(head(BODY.length()) + BODY)).as("the budget is whole again").startsWith("HTTP/1.1 200");
    }

    private static String head(int length) {
        return "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + length + "\r\n\r\n";
    }

    /** The status line and headers of the answer. */
    private static String head(Socket client) throws IOException {
        StringBuilder head = new StringBuilder();
        var in = client.getInputStream();
        for (int b = in.read(); b >= 0 && head.indexOf("\r\n\r\n") < 0; b = in.read()) {
            head.append((char) b);
        }
        return head.toString();
    }

    private String exchange(String request) throws IOException {
        try (Socket client = new Socket("127.0.0.1", server.port())) {
            client.setSoTimeout(10_000);
            client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            return head(client);
        }
    }
}
