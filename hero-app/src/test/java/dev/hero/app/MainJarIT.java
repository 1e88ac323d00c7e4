package dev.hero.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@link Main} in a process of its own, started as {@code java -jar}: in an empty directory, with nothing
 * configured but the port. Its default database is {@code database.db} there. {@link RuntimeImageIT} runs the same
 * tests on the runtime image's launcher.
 */
class MainJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "Dive Wilson 7f3a";
    private static final String SWAGGER_UI_VERSION = "5.34.1";

    @TempDir
    Path emptyDirectory;

    @Test
    void givenAnEmptyDirectory_whenMainRunsAndAClientDrivesEveryOperation_thenItAnswersLikeTheTutorialAndKeepsTheDataAcrossRestarts() throws Exception {
        long keptId;
        try (HeroProcess hero = start(emptyDirectory)) {
            String base = hero.awaitBaseUri();

            JsonNode created = json(send(base, "POST", "/heroes/", "{\"name\":\"Deadpond\",\"secret_name\":\"" + SECRET + "\",\"age\":30}"), 200);
            long id = created.get("id").asLong();
            assertThat(created).isEqualTo(JSON.readTree("{\"id\":" + id + ",\"name\":\"Deadpond\",\"age\":30}"));
            assertThat(json(send(base, "GET", "/heroes/?offset=0&limit=100", null), 200)).containsExactly(created);
            assertThat(json(send(base, "GET", "/heroes/" + id, null), 200)).isEqualTo(created);
            assertThat(json(send(base, "PATCH", "/heroes/" + id, "{\"age\":null}"), 200))
                    .isEqualTo(JSON.readTree("{\"id\":" + id + ",\"name\":\"Deadpond\",\"age\":null}"));
            assertThat(json(send(base, "DELETE", "/heroes/" + id, null), 200)).isEqualTo(JSON.readTree("{\"ok\":true}"));
            assertThat(json(send(base, "GET", "/heroes/" + id, null), 404)).isEqualTo(JSON.readTree("{\"detail\":\"Hero not found\"}"));

            keptId = json(send(base, "POST", "/heroes", "{\"name\":\"Spider-Boy\",\"secret_name\":\"" + SECRET + "\"}"), 200)
                    .get("id").asLong();

            assertThat(hero.stop()).as("exit code after SIGTERM").isIn(0, 143);
            String log = hero.output();
            assertThat(log.lines().filter(line -> line.contains("Hero listening on"))).singleElement()
                    .asString().contains("database.db").contains(base.substring(base.lastIndexOf(':') + 1));
            assertThat(log).doesNotContain(SECRET).doesNotContainIgnoringCase("jooq").doesNotContain("Exception");
        }
        assertThat(emptyDirectory.resolve("database.db")).exists();
        assertThat(Files.size(emptyDirectory.resolve("database.db"))).isPositive();

        try (HeroProcess restarted = start(emptyDirectory)) {
            String base = restarted.awaitBaseUri();
            assertThat(json(send(base, "GET", "/heroes/" + keptId, null), 200))
                    .isEqualTo(JSON.readTree("{\"id\":" + keptId + ",\"name\":\"Spider-Boy\",\"age\":null}"));
            assertThat(restarted.stop()).isIn(0, 143);
        }
    }

    /**
     * The configuration a user writes without rebuilding: application.yaml in the working directory, or the file that
     * HERO_CONFIG names instead of it; the environment still wins over both (HeroProcess sets SERVER_PORT).
     */
    @Test
    void givenApplicationYamlInTheWorkingDirectoryOrAFileNamedByHeroConfig_whenStarted_thenItsSettingsApply() throws Exception {
        Files.writeString(emptyDirectory.resolve("application.yaml"), "hero:\n  db:\n    url: jdbc:sqlite:from-working-directory.db\n");
        Path named = Files.writeString(emptyDirectory.resolve("elsewhere.yaml"), "hero:\n  db:\n    url: jdbc:sqlite:from-hero-config.db\n");

        for (Map<String, String> environment : List.of(Map.<String, String>of(), Map.of("HERO_CONFIG", named.toString()))) {
            try (HeroProcess hero = HeroProcess.start(environment, emptyDirectory)) {
                hero.awaitBaseUri();
                assertThat(hero.stop()).isIn(0, 143);
                assertThat(hero.output()).as("started with %s", environment).contains("with database SQLite jdbc:sqlite:"
                        + (environment.isEmpty() ? "from-working-directory.db" : "from-hero-config.db"));
            }
        }
    }

    /**
     * An orchestrator stops Hero while a client is still sending a create: the request is answered and the hero
     * kept, because the stop lets requests in flight finish (hero.http.shutdown.grace) before closing the database.
     * The log shows both answers given meanwhile and ends with "Hero stopped".
     */
    @Test
    void givenACreateInFlight_whenSigterm_thenItIsAnsweredAndKeptAndTheProcessExitsCleanly() throws Exception {
        String body = "{\"name\":\"Last Call\",\"secret_name\":\"" + SECRET + "\"}";
        byte[] head = ("POST /heroes/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII);
        String answer;
        try (HeroProcess hero = start(emptyDirectory)) {
            String base = hero.awaitBaseUri();
            int port = URI.create(base).getPort();
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.getOutputStream().write(head);
                client.getOutputStream().flush();
                Thread.sleep(300); // the server is now reading this request's body

                CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
                    try {
                        return hero.stop();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(500); // SIGTERM delivered, the stop has begun
                assertThat(exit).as("the stop waits for the request in flight").isNotDone();
                HttpResponse<String> turnedAway = send(base, "GET", "/observe/health/ready", null);
                assertThat(turnedAway.statusCode()).as("a new request while stopping").isEqualTo(503);
                assertThat(turnedAway.headers().firstValue("retry-after")).contains("1");

                client.getOutputStream().write(body.substring(10).getBytes(StandardCharsets.US_ASCII));
                client.getOutputStream().flush();
                client.setSoTimeout(10_000);
                answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(exit.get(30, TimeUnit.SECONDS)).as("exit code after SIGTERM").isIn(0, 143);
            }
            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"name\":\"Last Call\"");
            assertStoppedAfterLogging(hero.output(), "GET /observe/health 503", "POST /heroes/ 200");
        }
        try (HeroProcess restarted = start(emptyDirectory)) {
            String base = restarted.awaitBaseUri();
            assertThat(json(send(base, "GET", "/heroes/", null), 200).toString()).contains("\"name\":\"Last Call\"");
            assertThat(restarted.stop()).isIn(0, 143);
        }
    }

    /**
     * A request still running when the shutdown grace is over (its body never finishes arriving) is cut off: its client
     * gets a 503 rather than a closed connection, a warning names it, and its access line is written before "Hero stopped".
     */
    @Test
    void givenARequestStillRunningAfterTheGrace_whenSigterm_thenItIsAnswered503AndLoggedAsCutOff() throws Exception {
        String body = "{\"name\":\"Too Late\",\"secret_name\":\"" + SECRET + "\"}";
        byte[] head = ("POST /heroes/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                + body.length() + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.US_ASCII);
        try (HeroProcess hero = HeroProcess.start(Map.of("HERO_HTTP_SHUTDOWN_GRACE", "1000"), emptyDirectory)) {
            int port = URI.create(hero.awaitBaseUri()).getPort();
            String answer;
            try (Socket client = new Socket("127.0.0.1", port)) {
                client.getOutputStream().write(head);
                client.getOutputStream().flush();
                Thread.sleep(300); // the server is now reading this request's body, which never completes

                assertThat(hero.stop()).as("exit code after SIGTERM").isIn(0, 143);
                client.setSoTimeout(10_000);
                answer = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }

            assertThat(answer).startsWith("HTTP/1.1 503").containsIgnoringCase("retry-after: 1")
                    .contains("{\"detail\":\"Service Unavailable\"}");
            String log = hero.output();
            assertThat(log).contains("WARNING dev.hero.web.HeroWeb - Shutdown grace of 1000 ms over; cutting off 1 request(s) "
                    + "still in flight: POST /heroes/ (answered 503)");
            assertStoppedAfterLogging(log, "POST /heroes/ 503");
        }
        try (HeroProcess restarted = HeroProcess.start(Map.of(), emptyDirectory)) {
            assertThat(json(send(restarted.awaitBaseUri(), "GET", "/heroes/", null), 200)).as("nothing stored").isEmpty();
            assertThat(restarted.stop()).isIn(0, 143);
        }
    }

    /** Each access line is in the log, before the last line, which is "Hero stopped"; no stack trace anywhere. */
    private static void assertStoppedAfterLogging(String log, String... accessLines) {
        List<String> lines = log.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines.getLast()).as("the last line of:%n%s", log).endsWith("INFO dev.hero.app.HeroServer - Hero stopped");
        for (String access : accessLines) {
            assertThat(lines).as("the access log of:%n%s", log)
                    .anySatisfy(line -> assertThat(line).contains("INFO dev.hero.access - " + access + " "));
        }
        assertThat(log).doesNotContain("\tat ").doesNotContain(SECRET);
    }

    /**
     * What a user of the built jar sees of the self-description: the document, a /docs page that loads only
     * from this server, its files whole even when a browser asks for them all at once on a fresh process
     * (Helidon once cut such answers short), health and metrics.
     */
    @Test
    void givenAFreshProcess_whenTheSelfDescriptionAndOperationsEndpointsAreRead_thenEachAnswersInFull() throws Exception {
        try (HeroProcess hero = start(emptyDirectory)) {
            String base = hero.awaitBaseUri();
            HttpClient http11 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            List<String> files = List.of("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css");
            List<CompletableFuture<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                for (String file : files) {
                    answers.add(http11.sendAsync(HttpRequest.newBuilder(URI.create(base + "/docs/" + file)).build(),
                            HttpResponse.BodyHandlers.ofByteArray()));
                }
            }
            for (int i = 0; i < answers.size(); i++) {
                String file = files.get(i % files.size());
                HttpResponse<byte[]> answer = answers.get(i).get(30, TimeUnit.SECONDS);
                assertThat(answer.statusCode()).as(file).isEqualTo(200);
                assertThat(answer.body().length).as(file + " whole").isEqualTo(webjarSize(file));
            }

            HttpResponse<String> page = send(base, "GET", "/docs", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("content-type")).get().asString().startsWith("text/html");
            assertThat(page.body()).doesNotContain("http://").doesNotContain("https://");
            JsonNode document = json(send(base, "GET", "/openapi.json", null), 200);
            assertThat(document.at("/paths/~1heroes~1").has("get")).isTrue();
            assertThat(document.at("/paths/~1heroes~1").has("post")).isTrue();
            assertThat(document.at("/paths/~1heroes~1{hero_id}").has("patch")).isTrue();
            assertThat(send(base, "GET", "/observe/health/ready", null).statusCode()).isEqualTo(200);
            assertThat(send(base, "GET", "/observe/metrics", null).body()).contains("hero_http_requests");
            assertThat(hero.stop()).isIn(0, 143);
        }
    }

    /** Starts Hero as this class runs it: the packaged jar; {@link RuntimeImageIT} runs the same tests on the image. */
    HeroProcess start(Path workingDirectory) throws Exception {
        return HeroProcess.start(Map.of(), workingDirectory);
    }

    private static int webjarSize(String file) throws Exception {
        try (var in = MainJarIT.class.getClassLoader().getResourceAsStream(
                "META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI_VERSION + "/" + file)) {
            assertThat(in).as(file + " in the swagger-ui webjar").isNotNull();
            return in.readAllBytes().length;
        }
    }

    static HttpResponse<String> send(String base, String method, String path, String body) throws Exception {
        return HeroProcess.send(base, method, path, body);
    }

    static JsonNode json(HttpResponse<String> response, int expectedStatus) throws Exception {
        assertThat(response.statusCode()).as("%s %s -> %s", response.request().method(), response.request().uri(), response.body())
                .isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }
}
