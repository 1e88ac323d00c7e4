package dev.hero.app;

import dev.hero.web.testing.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's own limits, each set through configuration as an operator would, on a real socket:
 * load shedding with 503 and Retry-After, header and request-line sizes, and a deadline for stalled clients.
 */
class ServerLimitsTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private HeroServer start(Map<String, String> limits) {
        Map<String, String> config = new HashMap<>(limits);
        config.put("server.port", "0");
        config.put("server.host", "127.0.0.1");
        config.put("hero.db.url", "jdbc:sqlite:" + dir.resolve("limits.db"));
        return HeroServer.start(EndToEndTest.settings(config));
    }

    @Test
    void givenAllRequestSlotsBusy_whenAnotherRequestArrives_thenItIsShedAtOnceWith503AndRetryAfterClosedAndLogged() throws Exception {
        try (AccessLines access = new AccessLines();
             HeroServer server = start(Map.of("hero.http.concurrent.limit", "1"));
             Socket slow = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            // holds the only slot: its handler waits for a body that arrives late
            OutputStream out = slow.getOutputStream();
            out.write(("POST /heroes/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 41\r\n\r\n{\"name\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(300);

            Wire.Answer shed = Wire.send(CLIENT, server.port(), "GET", "/heroes/", null, null);

            assertThat(shed.status()).isEqualTo(503);
            assertThat(shed.isJsonWithDetail()).as(shed.body()).isTrue();
            assertThat(shed.header("retry-after")).containsExactly("1");
            // shed below routing, where no filter runs: still one access line, and the connection closed at once
            Wire.Ending shedRaw = Wire.rawToTheEnd(server.port(), "DELETE /heroes/7 HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(shedRaw.answer().status()).isEqualTo(503);
            assertClosedAtOnce(shedRaw);
            assertThat(access.has("GET /heroes/ 503")).as("access lines %s", access.lines()).isTrue();
            assertThat(access.has("DELETE /heroes/7 503")).as("access lines %s", access.lines()).isTrue();

            out.write("\"Late\",\"secret_name\":\"Slow Poke\"}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String answer = readAnswer(slow);
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"name\":\"Late\"");
            assertThat(getOnceASlotIsFree(server).status()).as("a slot is free again").isEqualTo(200);
        }
    }

    @Test
    void givenHeadersOverTheLimit_whenSent_thenAJsonClientErrorLoggedAndNothingChanges() throws Exception {
        try (AccessLines access = new AccessLines();
             HeroServer server = start(Map.of("hero.http.header.limit", "4096"))) {
            String request = "GET /heroes/ HTTP/1.1\r\nHost: x\r\nX-Junk: " + "a".repeat(8000) + "\r\n\r\n";

            Wire.Ending rejected = Wire.rawToTheEnd(server.port(), request);

            assertThat(rejected.answer().status()).isBetween(400, 431);
            assertThat(rejected.answer().isJsonWithDetail()).as(rejected.answer().body()).isTrue();
            assertClosedAtOnce(rejected);
            assertThat(access.has("GET /heroes/ " + rejected.answer().status())).as("access lines %s", access.lines()).isTrue();
            String fits = "GET /heroes/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Junk: " + "a".repeat(2000) + "\r\n\r\n";
            assertThat(Wire.raw(server.port(), fits.getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(200);
        }
    }

    @Test
    void givenARequestLineOverTheLimit_whenSent_then414AsJsonLoggedWithNothingOfTheLine() throws Exception {
        try (AccessLines access = new AccessLines();
             HeroServer server = start(Map.of("hero.http.line.limit", "1024"))) {
            String request = "GET /heroes/?offset=0&junk=" + "b".repeat(2000) + " HTTP/1.1\r\nHost: x\r\n\r\n";

            Wire.Ending rejected = Wire.rawToTheEnd(server.port(), request);

            assertThat(rejected.answer().status()).isEqualTo(414);
            assertThat(rejected.answer().isJsonWithDetail()).as(rejected.answer().body()).isTrue();
            assertClosedAtOnce(rejected);
            // the request line was never read: neither its method nor its path is known
            assertThat(access.has("other other 414")).as("access lines %s", access.lines()).isTrue();
        }
    }

    @Test
    void givenAClientThatStallsInItsRequestLine_whenTheReadTimeoutPasses_thenTheServerDisconnectsIt() throws Exception {
        try (HeroServer server = start(Map.of("hero.http.read.timeout", "500"));
             Socket stalled = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            stalled.getOutputStream().write("GET /heroes/?off".getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();

            assertClosedWithin(stalled, Duration.ofSeconds(5));
            assertThat(Wire.send(CLIENT, server.port(), "GET", "/heroes/", null, null).status())
                    .as("others are served").isEqualTo(200);
        }
    }

    @Test
    void givenAClientThatStallsMidBody_whenTheReadTimeoutPasses_thenItIsDisconnectedItsSlotFreedAndNothingStored() throws Exception {
        try (HeroServer server = start(Map.of("hero.http.read.timeout", "500", "hero.http.concurrent.limit", "1"));
             Socket stalled = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            stalled.getOutputStream().write(("POST /heroes/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 47\r\n\r\n{\"name\":").getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();

            assertClosedWithin(stalled, Duration.ofSeconds(5));
            Wire.Answer list = getOnceASlotIsFree(server);
            assertThat(list.status()).as("the only request slot is free again").isEqualTo(200);
            assertThat(list.body()).isEqualTo("[]");
        }
    }

    /**
     * Clients that leave half-way (inside their headers, inside their body, before reading their answers) are their own
     * business: one access line each as a client error, and no warning (Helidon 4.2 answered the first with a 500 and a
     * warning, and each answer it could not write with another warning).
     */
    @Test
    void givenClientsThatLeaveHalfWay_whenTheServerNotices_thenOneAccessLineEachAsAClientErrorAndNoWarning() throws Exception {
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler warningCapture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(warningCapture);
        try (AccessLines access = new AccessLines(); HeroServer server = start(Map.of())) {
            leave(server.port(), "GET /heroes/ HTTP/1.1\r\nHost: x\r\nX-Half: ");
            leave(server.port(), "POST /heroes/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"na");
            leave(server.port(), "GET /heroes/ HTTP/1.1\r\nHost: x\r\n\r\n".repeat(200));

            assertThat(access.has("GET /heroes/ 400")).as("access lines %s", access.lines()).isTrue();
            assertThat(access.has("POST /heroes/ 400")).as("access lines %s", access.lines()).isTrue();
            assertThat(getOnceASlotIsFree(server).status()).as("the server goes on").isEqualTo(200);
        } finally {
            root.removeHandler(warningCapture);
        }
        assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
    }

    /** Sends the text and closes the connection without reading anything. */
    private static void leave(int port, String request) throws Exception {
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            Thread.sleep(200); // the server has read what there is and waits for more
        }
    }

    /**
     * GET /heroes/, retried on 503 for up to 2 s: a slot is given back just after its answer is written (or its
     * dead connection dropped), so a client that reads the answer may still see the slot taken for a moment.
     */
    private static Wire.Answer getOnceASlotIsFree(HeroServer server) throws Exception {
        Wire.Answer answer = Wire.send(CLIENT, server.port(), "GET", "/heroes/", null, null);
        for (int i = 0; i < 20 && answer.status() == 503; i++) {
            Thread.sleep(100);
            answer = Wire.send(CLIENT, server.port(), "GET", "/heroes/", null, null);
        }
        return answer;
    }

    /** Not a timing benchmark: the idle timeout (30 s) is what a client waited before. */
    private static void assertClosedAtOnce(Wire.Ending ending) {
        assertThat(ending.answer().header("connection")).containsExactly("close");
        assertThat(ending.closedAfter()).as("the server closed the connection after its answer").isPresent();
        assertThat(ending.closedAfter().get()).isLessThan(Duration.ofSeconds(5));
    }

    private static void assertClosedWithin(Socket socket, Duration limit) throws Exception {
        socket.setSoTimeout((int) limit.multipliedBy(2).toMillis());
        long started = System.nanoTime();
        boolean closedByServer;
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // whatever the server says before closing (an error answer, or nothing)
            }
            closedByServer = true;
        } catch (SocketTimeoutException e) {
            closedByServer = false;
        } catch (java.net.SocketException e) {
            closedByServer = true; // reset
        }
        assertThat(closedByServer).as("the server closed the stalled connection").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(limit);
    }

    private static String readAnswer(Socket socket) throws Exception {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        StringBuilder answer = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (!answer.toString().contains("}")) {
            int read = in.read(buffer);
            if (read < 0) {
                break;
            }
            answer.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
        }
        return answer.toString();
    }
}
