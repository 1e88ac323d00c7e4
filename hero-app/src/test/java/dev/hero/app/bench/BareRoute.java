package dev.hero.app.bench;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;

import java.nio.charset.StandardCharsets;

/**
 * The benchmark's upper limit for a read (hero-app/bench/run.sh --limits): a bare Helidon route that answers
 * every {@code GET /heroes/{id}} with one constant hero body, with no database, validation or JSON mapping.
 * It lives in the test sources, so it never ships in the runnable jar. Port from {@code SERVER_PORT}.
 */
public final class BareRoute {

    private static final byte[] BODY = "{\"name\":\"Deadpond\",\"age\":null,\"id\":1}".getBytes(StandardCharsets.UTF_8);

    private BareRoute() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("SERVER_PORT", "8000"));
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .routing(routing -> routing.get("/heroes/{id}", (req, res) -> {
                    res.header(HeaderValues.CONTENT_TYPE_JSON);
                    res.send(BODY);
                }))
                .build()
                .start();
        System.out.println("bare route listening on " + server.port());
    }
}
