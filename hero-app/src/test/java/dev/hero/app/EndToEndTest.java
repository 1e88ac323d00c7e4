package dev.hero.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real wiring of {@link Main} (configuration, SQLite file, migrations, HTTP server) on a free port,
 * driven over HTTP the way a client of the tutorial app drives it.
 */
class EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static HeroServer server;
    private static Path database;

    @BeforeAll
    static void start() {
        database = dir.resolve("e2e.db");
        server = HeroServer.start(settings(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "hero.db.url", "jdbc:sqlite:" + database)));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static AppSettings settings(Map<String, String> overrides) {
        return AppSettings.from(Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(ConfigSources.create(overrides), ConfigSources.create(AppSettings.DEFAULTS))
                .build());
    }

    @Test
    void givenARunningService_whenAClientCreatesListsReadsPatchesAndDeletes_thenEveryStepAnswersLikeTheTutorial() throws Exception {
        HttpResponse<String> created = send("POST", "/heroes/", "{\"name\":\"Deadpond\",\"secret_name\":\"Dive Wilson\",\"age\":30}");
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode hero = JSON.readTree(created.body());
        long id = hero.get("id").asLong();
        assertThat(hero).isEqualTo(JSON.readTree("{\"id\":" + id + ",\"name\":\"Deadpond\",\"age\":30}"));
        assertThat(created.body()).doesNotContain("Dive Wilson");

        HttpResponse<String> list = send("GET", "/heroes/?offset=0&limit=100", null);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(list.body())).contains(hero);

        HttpResponse<String> read = send("GET", "/heroes/" + id, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(read.body())).isEqualTo(hero);

        HttpResponse<String> patched = send("PATCH", "/heroes/" + id, "{\"age\":null,\"secret_name\":\"Wade\"}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(patched.body())).isEqualTo(JSON.readTree("{\"id\":" + id + ",\"name\":\"Deadpond\",\"age\":null}"));

        HttpResponse<String> deleted = send("DELETE", "/heroes/" + id, null);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(deleted.body())).isEqualTo(JSON.readTree("{\"ok\":true}"));

        HttpResponse<String> gone = send("GET", "/heroes/" + id, null);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(gone.body())).isEqualTo(JSON.readTree("{\"detail\":\"Hero not found\"}"));
    }

    @Test
    void givenHeroesOfOneName_whenAClientFollowsNextLinksSortedByAge_thenEachOnceOldestFirstWithTheCountOnEveryPage() throws Exception {
        String name = "End-to-end & Co / 100% \u00fcber";
        String encodedName = URLEncoder.encode(name, StandardCharsets.UTF_8);
        for (Integer age : new Integer[]{30, null, 45, 30, 12}) {
            send("POST", "/heroes/", JSON.createObjectNode().put("name", name).put("secret_name", "Dive Wilson").put("age", age).toString());
        }
        send("POST", "/heroes/", "{\"name\":\"End-to-end\",\"secret_name\":\"Dive Wilson\",\"age\":50}");
        List<JsonNode> all = new ArrayList<>();
        JSON.readTree(send("GET", "/heroes/?sort=-age&name=" + encodedName, null).body()).forEach(all::add);

        List<JsonNode> walked = new ArrayList<>();
        String target = "/heroes/?sort=-age&limit=2&name=" + encodedName;
        int pages = 0;
        while (target != null) {
            HttpResponse<String> page = send("GET", target, null);
            assertThat(page.statusCode()).as(target).isEqualTo(200);
            assertThat(page.headers().firstValue("X-Total-Count")).hasValue("5");
            JSON.readTree(page.body()).forEach(walked::add);
            pages++;
            target = page.headers().firstValue("Link").map(link -> link.substring(1, link.indexOf('>'))).orElse(null);
        }

        assertThat(pages).isEqualTo(3);
        assertThat(walked).isEqualTo(all);
        assertThat(walked.stream().map(hero -> hero.get("age").isNull() ? null : hero.get("age").asInt()).toList())
                .containsExactly(45, 30, 30, 12, null);
        assertThat(walked).allSatisfy(hero -> assertThat(hero.get("name").asText()).isEqualTo(name));
    }

    @Test
    void givenABadFilterOrCursor_whenList_thenUnprocessableAtThatParameter() throws Exception {
        HttpResponse<String> reversed = send("GET", "/heroes/?min_age=5&max_age=4", null);
        HttpResponse<String> tampered = send("GET", "/heroes/?after=AQACAAAAAAAAAAAAAAAA", null);

        assertThat(reversed.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(reversed.body()).at("/detail/0/loc").toString()).isEqualTo("[\"query\",\"min_age\"]");
        assertThat(tampered.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(tampered.body()).at("/detail/0/loc").toString()).isEqualTo("[\"query\",\"after\"]");
    }

    @Test
    void givenTheDefaultSqliteUrl_whenTheServiceStarts_thenTheDatabaseFileIsCreatedAndMigrated() throws Exception {
        send("POST", "/heroes", "{\"name\":\"Rusty-Man\",\"secret_name\":\"Tommy Sharp\",\"age\":48}");

        assertThat(Files.size(database)).isPositive();
    }

    @Test
    void givenAHeroWritten_whenTheServiceRestartsOnTheSameFile_thenTheHeroIsStillThere() throws Exception {
        Path file = dir.resolve("restart.db");
        Map<String, String> config = Map.of("server.port", "0", "server.host", "127.0.0.1", "hero.db.url", "jdbc:sqlite:" + file);
        long id;
        try (HeroServer first = HeroServer.start(settings(config))) {
            HttpResponse<String> created = send(first, "POST", "/heroes/", "{\"name\":\"Spider-Boy\",\"secret_name\":\"Pedro Parqueador\"}");
            id = JSON.readTree(created.body()).get("id").asLong();
        }
        try (HeroServer second = HeroServer.start(settings(config))) {
            HttpResponse<String> read = send(second, "GET", "/heroes/" + id, null);
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(read.body()).get("name").asText()).isEqualTo("Spider-Boy");
        }
    }

    private static HttpResponse<String> send(String method, String path, String json) throws Exception {
        return send(server, method, path, json);
    }

    static HttpResponse<String> send(HeroServer target, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + target.port() + path));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
