package dev.hero.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hero.persistence.jooq.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out as an operator runs it: two separate Hero processes on different ports over one PostgreSQL
 * database (a fresh schema), started at the same moment so that both race to migrate it. Whatever one
 * instance answers, the other agrees with at once.
 */
class ManyInstancesOnPostgresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TORN_CHECK = Pattern.compile("writer-(\\d+)-(\\d+)");

    @TempDir
    static Path dir;

    private static String databaseUrl;
    private static HeroProcess first;
    private static HeroProcess second;
    private static String a;
    private static String b;

    @BeforeAll
    static void startTwoInstancesOverOneDatabase() throws Exception {
        databaseUrl = PostgresTestDatabase.freshSchemaUrl();
        Map<String, String> environment = Map.of("HERO_DB_URL", databaseUrl, "HERO_DB_POOL_SIZE", "8");
        first = HeroProcess.start(environment, dir);
        second = HeroProcess.start(environment, dir);
        a = first.awaitBaseUri();
        b = second.awaitBaseUri();
    }

    @AfterAll
    static void stopAndDrop() throws Exception {
        try {
            for (HeroProcess instance : new HeroProcess[] {first, second}) {
                if (instance != null) {
                    assertThat(instance.stop()).as("exit code after SIGTERM").isIn(0, 143);
                    assertThat(instance.output()).as("instance log").doesNotContain("Exception");
                }
            }
        } finally {
            PostgresTestDatabase.dropSchema(databaseUrl);
        }
    }

    @Test
    void givenTwoInstances_whenOneWrites_thenTheOtherReadsItAtOnce() throws Exception {
        JsonNode created = json(send(a, "POST", "/heroes/", "{\"name\":\"Deadpond\",\"secret_name\":\"Dive Wilson\",\"age\":30}"), 200);
        long id = created.get("id").asLong();

        assertThat(json(send(b, "GET", "/heroes/" + id, null), 200)).isEqualTo(created);
        assertThat(json(send(b, "GET", "/heroes/?offset=0&limit=100", null), 200)).contains(created);

        JsonNode patched = json(send(b, "PATCH", "/heroes/" + id, "{\"age\":31}"), 200);
        assertThat(patched.get("age").asInt()).isEqualTo(31);
        assertThat(json(send(a, "GET", "/heroes/" + id, null), 200)).isEqualTo(patched);

        assertThat(json(send(a, "DELETE", "/heroes/" + id, null), 200)).isEqualTo(JSON.readTree("{\"ok\":true}"));
        assertThat(json(send(b, "GET", "/heroes/" + id, null), 404)).isEqualTo(JSON.readTree("{\"detail\":\"Hero not found\"}"));
        json(send(b, "DELETE", "/heroes/" + id, null), 404);
    }

    @Test
    void givenTwoInstances_whenClientsCreateOnBothAtOnce_thenEveryHeroGetsItsOwnIdAndNoneIsLost() throws Exception {
        int writersPerInstance = 8;
        int createsPerWriter = 40;
        List<Long> ids = new CopyOnWriteArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2 * writersPerInstance)) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2 * writersPerInstance; w++) {
                String base = w % 2 == 0 ? a : b;
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < createsPerWriter; i++) {
                        String body = "{\"name\":\"creator-" + writer + "-" + i + "\",\"secret_name\":\"s\",\"age\":" + i + "}";
                        ids.add(json(send(base, "POST", "/heroes", body), 200).get("id").asLong());
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        }

        assertThat(ids).hasSize(2 * writersPerInstance * createsPerWriter).doesNotHaveDuplicates();
        Set<Long> listedOnA = listAll(a);
        Set<Long> listedOnB = listAll(b);
        assertThat(listedOnA).containsAll(ids);
        assertThat(listedOnB).isEqualTo(listedOnA);
    }

    @Test
    void givenTwoInstances_whenBothPatchOneHeroConcurrently_thenNoReaderEverSeesATornRow() throws Exception {
        long id = json(send(a, "POST", "/heroes/", "{\"name\":\"writer-0-0\",\"secret_name\":\"s\",\"age\":0}"), 200)
                .get("id").asLong();
        int writers = 8;
        int patchesPerWriter = 30;
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> torn = new ConcurrentLinkedQueue<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(writers + 2)) {
            List<Future<?>> readers = new ArrayList<>();
            for (String base : new String[] {a, b}) {
                readers.add(pool.submit(() -> {
                    while (writing.get()) {
                        checkNotTorn(json(send(base, "GET", "/heroes/" + id, null), 200), torn);
                    }
                    return null;
                }));
            }
            List<Future<?>> patchers = new ArrayList<>();
            for (int w = 1; w <= writers; w++) {
                String base = w % 2 == 0 ? a : b;
                int writer = w;
                patchers.add(pool.submit(() -> {
                    for (int i = 1; i <= patchesPerWriter; i++) {
                        // name and age always change together: a row whose two disagree is torn
                        String name = "writer-" + writer + "-" + i;
                        JsonNode answer = json(send(base, "PATCH", "/heroes/" + id,
                                "{\"name\":\"" + name + "\",\"age\":" + (writer * 1000 + i) + "}"), 200);
                        checkNotTorn(answer, torn);
                        acknowledged.add(name);
                    }
                    return null;
                }));
            }
            for (Future<?> patcher : patchers) {
                patcher.get();
            }
            writing.set(false);
            for (Future<?> reader : readers) {
                reader.get();
            }
        }

        assertThat(torn).as("rows whose name and age came from different PATCHes").isEmpty();
        JsonNode onA = json(send(a, "GET", "/heroes/" + id, null), 200);
        assertThat(json(send(b, "GET", "/heroes/" + id, null), 200)).isEqualTo(onA);
        assertThat(acknowledged).hasSize(writers * patchesPerWriter).contains(onA.get("name").asText());
        checkNotTorn(onA, torn);
        assertThat(torn).isEmpty();
    }

    @Test
    void givenTwoClientsThatReadOneHero_whenBothPatchWithItsTagAtOnceThroughEachInstance_thenOneWinsAndTheOtherGets412() throws Exception {
        for (int round = 0; round < 20; round++) {
            long id = json(send(a, "POST", "/heroes/", "{\"name\":\"Deadpond\",\"secret_name\":\"s\",\"age\":30}"), 200)
                    .get("id").asLong();
            String tagOnA = send(a, "GET", "/heroes/" + id, null).headers().firstValue("ETag").orElseThrow();
            String tagOnB = send(b, "GET", "/heroes/" + id, null).headers().firstValue("ETag").orElseThrow();
            assertThat(tagOnB).isEqualTo(tagOnA);

            List<HttpResponse<String>> answers = onBothAtOnce(
                    base -> send(base, "PATCH", "/heroes/" + id, "{\"name\":\"from " + base + "\"}", "If-Match", tagOnA));

            assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 412);
            HttpResponse<String> won = answers.stream().filter(answer -> answer.statusCode() == 200).findFirst().orElseThrow();
            HttpResponse<String> lost = answers.stream().filter(answer -> answer.statusCode() == 412).findFirst().orElseThrow();
            assertThat(JSON.readTree(lost.body())).isEqualTo(JSON.readTree("{\"detail\":\"Precondition Failed\"}"));
            HttpResponse<String> after = send(b, "GET", "/heroes/" + id, null);
            assertThat(JSON.readTree(after.body())).isEqualTo(JSON.readTree(won.body()));
            assertThat(after.headers().firstValue("ETag")).isEqualTo(won.headers().firstValue("ETag")).isNotEqualTo(Optional.of(tagOnA));
        }
    }

    @Test
    void givenACreateWithAKeyOnOneInstance_whenRepeatedOnTheOther_thenReplayedThereAndAnotherBodyIs422() throws Exception {
        String body = "{\"name\":\"Keyed\",\"secret_name\":\"s\",\"age\":7}";
        HttpResponse<String> first = send(a, "POST", "/heroes/", body, "Idempotency-Key", "across-instances-1");
        HttpResponse<String> again = send(b, "POST", "/heroes/", body, "Idempotency-Key", "across-instances-1");
        HttpResponse<String> other = send(b, "POST", "/heroes/", body.replace("7", "8"), "Idempotency-Key", "across-instances-1");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(JSON.readTree(again.body())).isEqualTo(JSON.readTree(first.body()));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("Idempotency-Key");
    }

    @Test
    void givenOneKey_whenBothInstancesCreateWithItAtOnce_thenOneHeroAndBothAnswerIt() throws Exception {
        for (int round = 0; round < 10; round++) {
            String key = "racing-" + round;
            String body = "{\"name\":\"" + key + "\",\"secret_name\":\"s\"}";
            List<HttpResponse<String>> answers = onBothAtOnce(base -> send(base, "POST", "/heroes/", body, "Idempotency-Key", key));

            assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
            assertThat(JSON.readTree(answers.get(0).body())).isEqualTo(JSON.readTree(answers.get(1).body()));
            JsonNode named = json(send(a, "GET", "/heroes/?name=" + key, null), 200);
            assertThat(named).hasSize(1);
        }
    }

    private static void checkNotTorn(JsonNode hero, ConcurrentLinkedQueue<String> torn) {
        Matcher name = TORN_CHECK.matcher(hero.get("name").asText());
        if (!name.matches()) {
            torn.add(hero.toString());
            return;
        }
        long expectedAge = Long.parseLong(name.group(1)) * 1000 + Long.parseLong(name.group(2));
        if (hero.get("age").asLong() != expectedAge) {
            torn.add(hero.toString());
        }
    }

    private static Set<Long> listAll(String base) throws Exception {
        Set<Long> ids = new HashSet<>();
        for (int offset = 0; ; offset += 100) {
            JsonNode page = json(send(base, "GET", "/heroes/?offset=" + offset + "&limit=100", null), 200);
            page.forEach(hero -> ids.add(hero.get("id").asLong()));
            if (page.size() < 100) {
                return ids;
            }
        }
    }

    static HttpResponse<String> send(String base, String method, String path, String body, String... headerNamesAndValues)
            throws Exception {
        return HeroProcess.send(base, method, path, body, headerNamesAndValues);
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) throws Exception {
        assertThat(response.statusCode()).as("%s %s -> %s", response.request().method(), response.request().uri(), response.body())
                .isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    /** The same request sent to both instances at once (a barrier releases the two together): their answers. */
    private List<HttpResponse<String>> onBothAtOnce(Request request) throws Exception {
        List<HttpResponse<String>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            List<Future<HttpResponse<String>>> racing = new ArrayList<>();
            for (String base : new String[] {a, b}) {
                racing.add(pool.submit(() -> {
                    together.await();
                    return request.to(base);
                }));
            }
            for (Future<HttpResponse<String>> answer : racing) {
                answers.add(answer.get());
            }
        }
        return answers;
    }

    @FunctionalInterface
    private interface Request {
        HttpResponse<String> to(String base) throws Exception;
    }
}
