package dev.hero.app;

import dev.hero.web.testing.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping Hero (what SIGTERM does, see {@link Main}) while a client is half-way through a create: the create is
 * answered and stored, new requests meanwhile are turned away with 503, and the stop ends once it is done.
 */
class GracefulStopTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void givenACreateInFlight_whenTheServerStops_thenTheCreateIsAnsweredAndNewRequestsAreTurnedAway() throws Exception {
        String body = "{\"name\":\"Last Call\",\"secret_name\":\"Closing Time\"}";
        HeroServer server = HeroServer.start(EndToEndTest.settings(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "hero.db.url", "jdbc:sqlite:" + dir.resolve("stop.db"))));
        CompletableFuture<Void> stopped;
        String answer;
        try (AccessLines access = new AccessLines();
             Socket client = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = client.getOutputStream();
            out.write(("POST /heroes/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                    + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300); // the server is reading this body now

            stopped = CompletableFuture.runAsync(server::close);
            Thread.sleep(300);
            assertThat(stopped).as("the stop waits for the create in flight").isNotDone();
            Wire.Answer turnedAway = Wire.send(CLIENT, server.port(), "GET", "/heroes/", null, null);
            assertThat(turnedAway.status()).isEqualTo(503);
            assertThat(turnedAway.isJsonWithDetail()).isTrue();
            assertThat(turnedAway.header("retry-after")).containsExactly("1");
            // closed at once, while the stop still waits for the create (before, it stayed open until the server stopped)
            Wire.Ending turnedAwayRaw = Wire.rawToTheEnd(server.port(), "GET /heroes/7 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(turnedAwayRaw.answer().status()).isEqualTo(503);
            assertThat(turnedAwayRaw.closedAfter()).as("closed by the server").isPresent();
            assertThat(turnedAwayRaw.closedAfter().get()).isLessThan(Duration.ofSeconds(5));
            assertThat(stopped).as("the stop still waits for the create in flight").isNotDone();
            assertThat(access.has("GET /heroes/ 503")).as("access lines %s", access.lines()).isTrue();
            assertThat(access.has("GET /heroes/7 503")).as("access lines %s", access.lines()).isTrue();

            out.write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            client.setSoTimeout(10_000);
            InputStream in = client.getInputStream();
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        stopped.get(15, TimeUnit.SECONDS);

        assertThat(answer).startsWith("HTTP/1.1 200").contains("\"name\":\"Last Call\"");
        try (HeroServer restarted = HeroServer.start(EndToEndTest.settings(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "hero.db.url", "jdbc:sqlite:" + dir.resolve("stop.db"))))) {
            assertThat(Wire.send(CLIENT, restarted.port(), "GET", "/heroes/", null, null).body()).contains("\"name\":\"Last Call\"");
        }
    }
}
