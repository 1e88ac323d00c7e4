package dev.hero.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hero.web.testing.Wire;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of generated hostile requests against the real server on a SQLite file, over real sockets.
 * Reproduce a run with {@code -Dhero.fuzz.seed=N} (the seed is printed); {@code -Dhero.fuzz.requests=N}
 * changes the count.
 */
class HostileInputFuzzTest {

    private static final String[] METHODS = {"GET", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS", "TRACE", "FOO"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json; charset=utf-8", "text/plain",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "", "*/*", null};

    @TempDir
    static Path dir;

    private static HeroServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = HeroServer.start(EndToEndTest.settings(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "hero.db.url", "jdbc:sqlite:" + dir.resolve("fuzz.db"))));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenThousandsOfHostileRequests_whenSentOverASocket_thenNoneIsA5xxEveryErrorIsJsonAndNoControlHeroChanges() throws Exception {
        long seed = Long.getLong("hero.fuzz.seed", System.nanoTime());
        int count = Integer.getInteger("hero.fuzz.requests", 3000);
        System.out.println("HostileInputFuzzTest seed=" + seed + " requests=" + count + " (rerun with -Dhero.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        int port = server.port();

        // padding first: the fuzz also sends valid requests to small ids (DELETE /heroes/1), the control set sits above them
        for (int i = 0; i < 100; i++) {
            Wire.send(CLIENT, port, "POST", "/heroes/", "application/json", "{\"name\":\"p\",\"secret_name\":\"p\"}".getBytes(StandardCharsets.UTF_8));
        }
        List<String> control = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Wire.Answer created = Wire.send(CLIENT, port, "POST", "/heroes/", "application/json",
                    ("{\"name\":\"Control " + i + "\",\"secret_name\":\"c" + i + "\",\"age\":" + (20 + i) + "}").getBytes(StandardCharsets.UTF_8));
            assertThat(created.status()).isEqualTo(200);
            control.add(created.body());
        }

        List<String> failures = new ArrayList<>();
        int[] statusCounts = new int[7];
        for (int i = 0; i < count; i++) {
            Attempt attempt = generate(random);
            Wire.Answer answer;
            try {
                answer = attempt.raw() != null ? Wire.raw(port, attempt.raw())
                        : Wire.send(CLIENT, port, attempt.method(), attempt.path(), attempt.contentType(), attempt.body());
            } catch (IllegalArgumentException notAUriJavaAccepts) {
                answer = Wire.raw(port, rawOf(attempt));
            } catch (IOException e) {
                answer = new Wire.Answer(-1, Map.of(), String.valueOf(e));
            }
            statusCounts[Math.max(0, answer.status() / 100)]++;
            if (answer.status() >= 500) {
                failures.add(attempt.describe() + " -> " + answer.status() + " " + answer.body());
            } else if (answer.status() >= 400 && !"HEAD".equals(attempt.method()) && !answer.isJsonWithDetail()) {
                failures.add(attempt.describe() + " -> " + answer.status() + " without JSON detail: " + answer.body());
            } else if (answer.status() < 0 && !attempt.mayBeCut()) {
                failures.add(attempt.describe() + " -> no answer: " + answer.body());
            }
            if (failures.size() > 20) {
                break;
            }
        }
        System.out.println("HostileInputFuzzTest status classes [none,1xx,2xx,3xx,4xx,5xx]: "
                + java.util.Arrays.toString(java.util.Arrays.copyOf(statusCounts, 6)));

        assertThat(failures).as("seed " + seed).isEmpty();
        Wire.Answer after = Wire.send(CLIENT, port, "GET", "/heroes/?offset=0&limit=100", null, null);
        assertThat(after.status()).isEqualTo(200);
        for (String body : control) {
            JsonNode hero = Wire.JSON.readTree(body);
            Wire.Answer read = Wire.send(CLIENT, port, "GET", "/heroes/" + hero.get("id").asLong(), null, null);
            assertThat(Wire.JSON.readTree(read.body())).as("seed " + seed).isEqualTo(hero);
        }
    }

    /** One request: either a polite one (method, path, type, body) or raw bytes. */
    record Attempt(String method, String path, String contentType, byte[] body, byte[] raw, boolean mayBeCut, String kind) {

        String describe() {
            if (raw != null) {
                String text = new String(raw, StandardCharsets.ISO_8859_1);
                return kind + " " + text.substring(0, Math.min(160, text.length())).replace("\r\n", "\\r\\n");
            }
            return kind + " " + method + " " + (path == null ? "" : path.substring(0, Math.min(200, path.length())))
                    + " type=" + contentType + " body=" + (body == null ? "none" : body.length + "B:"
                    + new String(body, 0, Math.min(80, body.length), StandardCharsets.ISO_8859_1));
        }
    }

    /** The same request as raw bytes, for paths java.net.URI refuses to build. */
    private static byte[] rawOf(Attempt attempt) {
        byte[] body = attempt.body() == null ? new byte[0] : attempt.body();
        String head = attempt.method() + " " + attempt.path() + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + (attempt.contentType() == null ? "" : "Content-Type: " + attempt.contentType() + "\r\n")
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = java.util.Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private static Attempt generate(Random random) {
        int kind = random.nextInt(100);
        if (kind < 8) {
            return rawAttempt(random);
        }
        String method = pick(random, METHODS);
        boolean hasBody = method.equals("POST") || method.equals("PATCH") || method.equals("PUT") || random.nextInt(10) == 0;
        String path = path(random);
        byte[] body = hasBody ? body(random) : null;
        boolean big = body != null && body.length > 1_048_576;
        // Helidon answers a request line over its prologue limit with 414 and closes without reading the body:
        // a client still sending a body may get a reset instead of the 414 (documented in docs/reliability.md)
        boolean longLineWithBody = body != null && path.length() > 2_000;
        return new Attempt(method, path, pick(random, CONTENT_TYPES), body, null, big || longLineWithBody,
                big ? "big-body" : longLineWithBody ? "long-line-with-body" : "http");
    }

    private static Attempt rawAttempt(Random random) {
        String text;
        boolean mayBeCut = false;
        switch (random.nextInt(6)) {
            case 0 -> text = "GET /heroes/\u00ff\u00fe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
            case 1 -> text = pick(random, new String[]{"GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET /heroes/ HTTP/9.9\r\nHost: x\r\n\r\n", "GET /heroes/ HTTP/1.0\r\n\r\n",
                    "GET  /heroes/  HTTP/1.1\r\nHost: x\r\n\r\n", "\u0000\u0001\u0002\r\n\r\n", "GET /heroes/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"});
            case 2 -> {
                text = "GET /heroes/ HTTP/1.1\r\nHost: x\r\nX-Junk: " + "a".repeat(16 * 1024) + "\r\nConnection: close\r\n\r\n";
                mayBeCut = false;
            }
            case 3 -> {
                byte[] junk = new byte[1 + random.nextInt(200)];
                random.nextBytes(junk);
                String head = "POST /heroes/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                        + (junk.length + 2) + "\r\n\r\n{\"";
                byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
                byte[] all = new byte[h.length + junk.length];
                System.arraycopy(h, 0, all, 0, h.length);
                System.arraycopy(junk, 0, all, h.length, junk.length);
                return new Attempt("POST", "/heroes/", "application/json", junk, all, false, "raw-invalid-utf8");
            }
            case 4 -> text = "PATCH /heroes/1 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: 17\r\n\r\n{\"name\":\"a\u0000b\"}   ";
            default -> text = "GET /heroes/?" + "q=" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        }
        return new Attempt("RAW", null, null, null, text.getBytes(StandardCharsets.ISO_8859_1), mayBeCut, "raw");
    }

    private static String path(Random random) {
        String base = switch (random.nextInt(4)) {
            case 0 -> "/heroes/";
            case 1 -> "/heroes";
            case 2 -> "/heroes/" + id(random);
            default -> pick(random, new String[]{"/", "/hero", "/heroes/1/2", "/heroes//", "/%2e%2e/heroes", "/heroes/%00",
                    "/heroes/" + "9".repeat(5000), "/docs", "/heroes/1/"});
        };
        if (random.nextInt(3) == 0) {
            base += "?" + query(random);
        }
        return base;
    }

    private static String id(Random random) {
        return pick(random, new String[]{"1", "0", "-1", "-9223372036854775808", "9223372036854775807", "9223372036854775808",
                "99999999999999999999999999", "abc", "1.5", "1e3", "%31", "%2F", "%00", "%C3%A9", "%FF", "x".repeat(3000),
                "%201", "+1", "0x10", "NaN", String.valueOf(random.nextLong()), String.valueOf(random.nextInt(100))});
    }

    private static String query(Random random) {
        return pick(random, new String[]{"offset=-1", "limit=0", "limit=101", "limit=-5", "offset=abc", "limit=1e9",
                "offset=99999999999999999999", "limit=", "offset", "=", "&&&", "limit=1&limit=2", "foo=bar", "%zz",
                "offset=%00", "limit=" + "9".repeat(400), "offset=0&limit=100", "x=" + "y".repeat(2000),
                "sort=-age", "sort=%00", "sort=" + "-".repeat(300), "min_age=5&max_age=1", "max_age=-1", "min_age=1e400",
                "name=%00", "name=%FF%FE", "name=%ED%A0%80", "name=" + "n".repeat(3000), "name=+", "after=", "after=%00",
                "after=AAAA", "after=" + "A".repeat(3000), "after=AQ==&offset=1", "after=%F0%9F%A6%B8", "after=../..",
                "sort=name&after=" + Long.toHexString(random.nextLong())});
    }

    private static byte[] body(Random random) {
        String text = switch (random.nextInt(22)) {
            case 0 -> "";
            case 1 -> "{\"name\":\"Deadpond\",\"secret_name\":\"D";
            case 2 -> "[".repeat(10_000) + "]".repeat(10_000);
            case 3 -> "{\"name\":" + "[".repeat(10_000);
            case 4 -> "{\"name\":\"a\",\"secret_name\":\"b\",\"age\":" + "9".repeat(400) + "}";
            case 5 -> "{\"name\":\"a\",\"secret_name\":\"b\",\"age\":1e400}";
            case 6 -> "{\"name\":\"a\",\"secret_name\":\"b\",\"age\":-1.5}";
            case 7 -> "{\"name\":1,\"secret_name\":true,\"age\":\"x\"}";
            case 8 -> "{\"name\":null}";
            case 9 -> "{\"name\":\"a\u0000b\",\"secret_name\":\"\u0000\"}";
            case 10 -> "null";
            case 11 -> "[]";
            case 12 -> "\"string\"";
            case 13 -> "{\"name\":\"" + "n".repeat(random.nextInt(300_000)) + "\",\"secret_name\":\"s\"}";
            case 14 -> "{\"name\":{},\"secret_name\":[],\"age\":{}}";
            case 15 -> "{\"id\":5,\"name\":\"a\",\"secret_name\":\"b\",\"extra\":1}";
            case 16 -> "{\"name\":\"a\",\"name\":\"b\",\"secret_name\":\"c\"}";
            case 17 -> "{\"name\":\"\\ud800\",\"secret_name\":\"x\"}";
            case 18 -> "{'name':'a'}";
            case 19 -> "{\"age\":9223372036854775808,\"name\":\"a\",\"secret_name\":\"b\"}";
            case 20 -> "{\"name\":\"a\",\"secret_name\":\"b\"}  trailing";
            default -> null;
        };
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        byte[] big = new byte[5 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        big[0] = '{';
        return big;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
