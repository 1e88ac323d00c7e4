package dev.hero.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hero.persistence.jooq.testing.PostgresTestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lost update that conditional requests prevent, over real HTTP against the real wiring: clients read the same
 * hero and PATCH it with its ETag at the same moment; exactly one gets 200, every other 412, and the hero is the
 * winner's. On SQLite (the one writer's batches) and on PostgreSQL (row locks); two instances over one PostgreSQL
 * database: ManyInstancesOnPostgresIT.
 */
class LostUpdateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ROUNDS = 25;

    @TempDir
    Path dir;

    @Test
    void givenClientsThatReadOneHeroOnSqlite_whenTheyPatchWithItsTagAtOnce_thenOneWinsAndTheOthersGet412() throws Exception {
        race("jdbc:sqlite:" + dir.resolve("lost-update.db"));
    }

    @Test
    void givenClientsThatReadOneHeroOnPostgres_whenTheyPatchWithItsTagAtOnce_thenOneWinsAndTheOthersGet412() throws Exception {
        String url = PostgresTestDatabase.freshSchemaUrl();
        try {
            race(url);
        } finally {
            PostgresTestDatabase.dropSchema(url);
        }
    }

    private void race(String url) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (HeroServer server = HeroServer.start(EndToEndTest.settings(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "hero.db.url", url, "hero.db.pool.size", "4")));
             ExecutorService pool = Executors.newFixedThreadPool(4)) {
            String base = "http://127.0.0.1:" + server.port();
            for (int round = 0; round < ROUNDS; round++) {
                int clients = round % 2 == 0 ? 2 : 4;
                long id = JSON.readTree(send(client, base, "POST", "/heroes/", "{\"name\":\"Deadpond\",\"secret_name\":\"s\"}")
                        .body()).get("id").asLong();
                String tag = send(client, base, "GET", "/heroes/" + id, null).headers().firstValue("ETag").orElseThrow();

                CyclicBarrier together = new CyclicBarrier(clients);
                List<Future<HttpResponse<String>>> racing = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    String body = "{\"name\":\"client " + c + "\",\"age\":" + c + "}";
                    racing.add(pool.submit(() -> {
                        together.await();
                        return send(client, base, "PATCH", "/heroes/" + id, body, "If-Match", tag);
                    }));
                }
                List<HttpResponse<String>> answers = new ArrayList<>();
                for (Future<HttpResponse<String>> answer : racing) {
                    answers.add(answer.get());
                }

                assertThat(answers).as("round %d", round).extracting(HttpResponse::statusCode)
                        .containsOnlyOnce(200).containsOnly(200, 412);
                HttpResponse<String> won = answers.stream().filter(answer -> answer.statusCode() == 200).findFirst().orElseThrow();
                for (HttpResponse<String> answer : answers) {
                    if (answer.statusCode() == 412) {
                        assertThat(JSON.readTree(answer.body())).isEqualTo(JSON.readTree("{\"detail\":\"Precondition Failed\"}"));
                    }
                }
                HttpResponse<String> after = send(client, base, "GET", "/heroes/" + id, null);
                JsonNode hero = JSON.readTree(after.body());
                assertThat(hero).isEqualTo(JSON.readTree(won.body()));
                assertThat(after.headers().firstValue("ETag")).isEqualTo(won.headers().firstValue("ETag"));
                assertThat(after.headers().firstValue("ETag")).get().isNotEqualTo(tag);
            }
        }
    }

    private static HttpResponse<String> send(HttpClient client, String base, String method, String path, String body,
                                             String... headerNamesAndValues) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
