package dev.hero.bench;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;

import java.nio.charset.StandardCharsets;

/**
 * The benchmark's upper limit for a read (hero-app/bench/run.sh --limits): a bare Helidon route that answers
 * every {@code GET /heroes/{id}} with one constant hero body, and {@code GET /heroes/} with a constant page of 100,
 * with no database, validation or JSON mapping. With {@code -Dhero.bench.pageWorkMicros=N} the page route first
 * spins N microseconds, to see how the HTTP stack alone schedules requests that cost CPU (docs/performance.md).
 * It lives in the bench sources, compiled only with {@code -Pbench}, so it never ships in the runnable jar.
 * Port from {@code SERVER_PORT}.
 */
public final class BareRoute {

    private static final byte[] BODY = "{\"name\":\"Deadpond\",\"age\":null,\"id\":1}".getBytes(StandardCharsets.UTF_8);

    private static final byte[] PAGE = page();
    private static final long PAGE_WORK_NANOS = Long.getLong("hero.bench.pageWorkMicros", 0) * 1_000;

    private BareRoute() {
    }

    private static byte[] page() {
        StringBuilder page = new StringBuilder("[");
        for (int id = 501; id <= 600; id++) {
            page.append(id == 501 ? "" : ",").append("{\"name\":\"Hero ").append(id).append("\",\"age\":").append(id % 100)
                    .append(",\"id\":").append(id).append('}');
        }
        return page.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(System.getenv().getOrDefault("SERVER_PORT", "8000"));
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(port)
                .routing(routing -> routing.get("/heroes/{id}", (req, res) -> {
                    res.header(HeaderValues.CONTENT_TYPE_JSON);
                    res.send(BODY);
                }).get("/heroes/", (req, res) -> {
                    long end = System.nanoTime() + PAGE_WORK_NANOS;
                    while (System.nanoTime() < end) {
                        Thread.onSpinWait();
                    }
                    res.header(HeaderValues.CONTENT_TYPE_JSON);
                    res.send(PAGE);
                }))
                .build()
                .start();
        System.out.println("bare route listening on " + server.port());
    }
}
