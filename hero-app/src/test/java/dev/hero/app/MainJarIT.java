package dev.hero.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@link Main} in a process of its own, started the way the README starts it: in an empty
 * directory, with nothing configured but the port. Its default database is {@code database.db} there.
 */
class MainJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String SECRET = "Dive Wilson 7f3a";

    @TempDir
    Path emptyDirectory;

    @Test
    void givenAnEmptyDirectory_whenMainRunsAndAClientDrivesEveryOperation_thenItAnswersLikeTheTutorialAndKeepsTheDataAcrossRestarts() throws Exception {
        long keptId;
        try (HeroProcess hero = HeroProcess.start(Map.of(), emptyDirectory)) {
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

        try (HeroProcess restarted = HeroProcess.start(Map.of(), emptyDirectory)) {
            String base = restarted.awaitBaseUri();
            assertThat(json(send(base, "GET", "/heroes/" + keptId, null), 200))
                    .isEqualTo(JSON.readTree("{\"id\":" + keptId + ",\"name\":\"Spider-Boy\",\"age\":null}"));
            assertThat(restarted.stop()).isIn(0, 143);
        }
    }

    private static HttpResponse<String> send(String base, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) throws Exception {
        assertThat(response.statusCode()).as("%s %s -> %s", response.request().method(), response.request().uri(), response.body())
                .isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }
}
