package dev.hero.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hero.persistence.jooq.testing.PostgresTestDatabase;
import dev.hero.web.testing.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 32 client threads for a few seconds, each creating, patching, reading and deleting its own heroes over
 * HTTP against the real server, on a SQLite file and on PostgreSQL. Every acknowledged write must be what
 * the database holds afterwards; no id is handed out twice; no answer is a 5xx.
 */
class ConcurrencyTest {

    static final int THREADS = 32;
    static final long MILLIS = Long.getLong("hero.concurrency.millis", 3_000);

    @TempDir
    Path dir;

    @Test
    void givenThirtyTwoClientsOnSqlite_whenTheyWriteTheirOwnHeroes_thenEveryAcknowledgedWriteHolds() throws Exception {
        run("jdbc:sqlite:" + dir.resolve("concurrency.db"));
    }

    @Test
    void givenThirtyTwoClientsOnPostgres_whenTheyWriteTheirOwnHeroes_thenEveryAcknowledgedWriteHolds() throws Exception {
        String url = PostgresTestDatabase.freshSchemaUrl();
        try {
            run(url);
        } finally {
            PostgresTestDatabase.dropSchema(url);
        }
    }

    private void run(String url) throws Exception {
        Map<Long, Integer> idOwners = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger requests = new AtomicInteger();
        List<Map<Long, String>> expected = new ArrayList<>();
        try (HeroServer server = HeroServer.start(EndToEndTest.settings(Map.of("server.port", "0", "server.host", "127.0.0.1",
                "hero.db.url", url, "hero.db.pool.size", "8")))) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            int port = server.port();
            long end = System.nanoTime() + MILLIS * 1_000_000;
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Map<Long, String> mine = new HashMap<>(); // id -> last acknowledged JSON, or "deleted"
                expected.add(mine);
                int owner = t;
                threads.add(Thread.ofPlatform().start(() -> {
                    Random random = new Random(owner);
                    try {
                        for (int n = 0; System.nanoTime() < end; n++) {
                            List<Long> live = mine.entrySet().stream().filter(e -> !e.getValue().equals("deleted")).map(Map.Entry::getKey).toList();
                            int action = live.isEmpty() ? 0 : random.nextInt(10);
                            Wire.Answer answer;
                            if (action < 3) {
                                answer = Wire.send(client, port, "POST", "/heroes/", "application/json",
                                        ("{\"name\":\"t" + owner + "n" + n + "\",\"secret_name\":\"s\",\"age\":" + n + "}").getBytes(StandardCharsets.UTF_8));
                                if (answer.status() == 200) {
                                    JsonNode hero = Wire.JSON.readTree(answer.body());
                                    Integer before = idOwners.putIfAbsent(hero.get("id").asLong(), owner);
                                    if (before != null) {
                                        failures.add("id " + hero.get("id") + " handed to " + before + " and " + owner);
                                    }
                                    mine.put(hero.get("id").asLong(), hero.toString());
                                }
                            } else {
                                long id = live.get(random.nextInt(live.size()));
                                if (action < 7) {
                                    answer = Wire.send(client, port, "PATCH", "/heroes/" + id, "application/json",
                                            ("{\"name\":\"t" + owner + "p" + n + "\",\"age\":" + (random.nextBoolean() ? "null" : n) + "}").getBytes(StandardCharsets.UTF_8));
                                    if (answer.status() == 200) {
                                        mine.put(id, Wire.JSON.readTree(answer.body()).toString());
                                    }
                                } else if (action < 9) {
                                    answer = Wire.send(client, port, "GET", "/heroes/" + id, null, null);
                                    if (answer.status() != 200 || !Wire.JSON.readTree(answer.body()).toString().equals(mine.get(id))) {
                                        failures.add("read " + id + " gave " + answer.status() + " " + answer.body() + ", expected " + mine.get(id));
                                    }
                                } else {
                                    answer = Wire.send(client, port, "DELETE", "/heroes/" + id, null, null);
                                    if (answer.status() == 200) {
                                        mine.put(id, "deleted");
                                    }
                                }
                            }
                            requests.incrementAndGet();
                            if (answer.status() >= 500 || (answer.status() != 200)) {
                                failures.add("status " + answer.status() + " " + answer.body());
                            }
                        }
                    } catch (Exception e) {
                        failures.add("client " + owner + ": " + e);
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join();
            }
            int heroes = 0;
            for (Map<Long, String> mine : expected) {
                for (Map.Entry<Long, String> hero : mine.entrySet()) {
                    heroes++;
                    Wire.Answer read = Wire.send(client, port, "GET", "/heroes/" + hero.getKey(), null, null);
                    if (hero.getValue().equals("deleted") ? read.status() != 404
                            : read.status() != 200 || !Wire.JSON.readTree(read.body()).toString().equals(hero.getValue())) {
                        failures.add("final " + hero.getKey() + ": " + read.status() + " " + read.body() + ", expected " + hero.getValue());
                    }
                }
            }
            System.out.println("ConcurrencyTest " + url.replaceAll("\\?.*", "") + " threads=" + THREADS + " requests=" + requests
                    + " heroes=" + heroes + " failures=" + failures.size());
        }
        assertThat(failures).hasSizeLessThan(1).isEmpty();
        assertThat(requests.get()).isGreaterThan(THREADS);
    }
}
