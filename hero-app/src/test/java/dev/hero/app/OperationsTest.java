package dev.hero.app;

import dev.hero.persistence.jooq.DatabaseSettings;
import dev.hero.persistence.jooq.HeroDatabase;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, metrics and the access log on the real server, as an operator sees them. */
class OperationsTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    private static HeroServer server;

    @BeforeAll
    static void start() {
        server = HeroServer.start(EndToEndTest.settings(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "hero.db.url", "jdbc:sqlite:" + dir.resolve("ops.db"))));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void givenARunningService_whenHealthIsAsked_thenLiveAndReadyWithTheDatabaseUp() throws Exception {
        HttpResponse<String> live = send(server.port(), "GET", "/observe/health/live", null);
        HttpResponse<String> ready = send(server.port(), "GET", "/observe/health/ready", null);

        assertThat(live.statusCode()).isIn(200, 204);
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("database").contains("UP");
    }

    @Test
    void givenAnUnreachableDatabase_whenReadinessIsAsked_thenServiceUnavailable() throws Exception {
        HeroDatabase database = HeroDatabase.open(new DatabaseSettings("jdbc:sqlite:" + dir.resolve("gone.db"), "", "", 2));
        database.close();
        WebServer web = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .addFeature(Operations.observe(() -> database)).build().start();
        try {
            HttpResponse<String> ready = send(web.port(), "GET", "/observe/health/ready", null);
            HttpResponse<String> live = send(web.port(), "GET", "/observe/health/live", null);

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("database").contains("DOWN");
            assertThat(live.statusCode()).isIn(200, 204);
        } finally {
            web.stop();
        }
    }

    @Test
    void givenHeroRequests_whenMetricsAreAsked_thenPrometheusTextPerRouteTemplateAndStatusAndDatabaseTimings() throws Exception {
        HttpResponse<String> created = send(server.port(), "POST", "/heroes/", "{\"name\":\"Deadpond\",\"secret_name\":\"Dive Wilson\"}");
        String id = created.body().replaceAll(".*\"id\":(\\d+).*", "$1");
        send(server.port(), "GET", "/heroes/" + id, null);
        send(server.port(), "GET", "/heroes/999999", null);

        HttpResponse<String> metrics = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/observe/metrics"))
                .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body())
                .containsPattern("hero_http_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*route=\"/heroes/\\{hero_id}\"[^}]*status=\"200\"")
                .containsPattern("hero_http_requests_seconds_count\\{[^}]*route=\"/heroes/\\{hero_id}\"[^}]*status=\"404\"")
                .containsPattern("hero_http_requests_seconds_count\\{[^}]*method=\"POST\"[^}]*route=\"/heroes/\"")
                .containsPattern("hero_db_calls_seconds_count\\{[^}]*operation=\"add\"")
                .doesNotContain("route=\"/heroes/" + id + "\"")
                .doesNotContain("Dive Wilson");
    }

    @Test
    void givenTheObserveEndpoints_whenHeroRoutesFail_thenTheirErrorsStayJson() throws Exception {
        HttpResponse<String> unknown = send(server.port(), "GET", "/villains", null);
        HttpResponse<String> wrongMethod = send(server.port(), "PUT", "/heroes/", "{}");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"detail\":\"Not Found\"}");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
    }

    @Test
    void givenARequest_whenAnswered_thenOneAccessLogLineWithMethodPathStatusAndDurationButNoBodyQueryOrClientText() throws Exception {
        List<String> lines;
        try (AccessLines access = new AccessLines()) {
            send(server.port(), "POST", "/heroes/", "{\"name\":\"Rusty-Man\",\"secret_name\":\"Tommy Sharp\"}");
            send(server.port(), "GET", "/heroes/?limit=1", null);
            send(server.port(), "GET", "/heroes/123456", null);
            send(server.port(), "GET", "/heroes/Tommy-Sharp", null);
            send(server.port(), "GET", "/Tommy-Sharp", null);
            // a line is written once its answer is sent: has() gives the server a moment for each
            for (String start : List.of("POST /heroes/ 200", "GET /heroes/ 200", "GET /heroes/123456 404", "GET /heroes/{hero_id} 422",
                    "GET other 404")) {
                assertThat(access.has(start)).as(start).isTrue();
            }
            lines = access.lines();
        }

        assertThat(lines).anySatisfy(line -> assertThat(line).matches("POST /heroes/ 200 [0-9]+\\.[0-9]{3} ms"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("GET /heroes/ 200 [0-9]+\\.[0-9]{3} ms"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("GET /heroes/123456 404 [0-9]+\\.[0-9]{3} ms"));
        // a path is client text: shown only as a numeric hero id, else as its route template
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("GET /heroes/\\{hero_id} 422 [0-9]+\\.[0-9]{3} ms"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("GET other 404 [0-9]+\\.[0-9]{3} ms"));
        assertThat(String.join("\n", lines)).doesNotContain("Tommy").doesNotContain("Rusty").doesNotContain("limit");
    }

    static HttpResponse<String> send(int port, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
