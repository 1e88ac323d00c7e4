package dev.hero.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe retries of create, as a client lives them: clients send creates with an {@code Idempotency-Key}; the packaged
 * jar, on one SQLite file, is killed with SIGKILL at random moments (mid-request, mid-commit, between requests) and
 * started again; each client repeats its create with the same key, at whichever instance is up, until it gets an
 * answer. Every time, exactly one hero exists for each key, and it is the one the answer names; and a repeat after a
 * restart is answered from the database, with {@code Idempotent-Replayed: true}.
 */
class IdempotentCreateCrashIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KILLS = Integer.getInteger("hero.crash.kills", 6);
    private static final int CLIENTS = 6;

    @TempDir
    Path dir;

    @Test
    void givenClientsRetryingCreatesWithKeys_whenTheServerIsKilledAtRandomAndRestarted_thenExactlyOneHeroPerKey() throws Exception {
        Map<String, String> environment = Map.of("HERO_DB_URL", "jdbc:sqlite:" + dir.resolve("heroes.db"));
        AtomicReference<String> base = new AtomicReference<>();
        Map<String, JsonNode> answered = new ConcurrentHashMap<>();
        AtomicInteger attempts = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        HeroProcess hero = HeroProcess.start(environment, dir);
        base.set(hero.awaitBaseUri());
        AtomicInteger round = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            clients.add(Thread.ofPlatform().start(() -> {
                for (int n = 0; round.get() <= KILLS; n++) {
                    String key = "client-" + client + "-create-" + n;
                    String body = "{\"name\":\"" + key + "\",\"secret_name\":\"s\",\"age\":" + n + "}";
                    while (true) {
                        attempts.incrementAndGet();
                        try {
                            HttpResponse<String> answer = HeroProcess.send(base.get(), "POST", "/heroes/", body, "Idempotency-Key", key);
                            if (answer.statusCode() == 200) {
                                answered.put(key, JSON.readTree(answer.body()));
                                break;
                            }
                            if (answer.statusCode() != 503 && answer.statusCode() != 409) {
                                failures.add(key + ": " + answer.statusCode() + " " + answer.body());
                                break;
                            }
                        } catch (IOException | RuntimeException down) {
                            // killed mid-request, or not up yet: the same key again in a moment
                        } catch (InterruptedException e) {
                            return;
                        }
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }));
        }
        Random random = new Random(11);
        try {
            for (int kill = 1; kill <= KILLS; kill++) {
                Thread.sleep(200 + random.nextInt(1_300));
                hero.close(); // SIGKILL
                round.incrementAndGet();
                hero = HeroProcess.start(environment, dir);
                base.set(hero.awaitBaseUri());
            }
            round.incrementAndGet();
            for (Thread client : clients) {
                client.join(120_000);
            }

            assertThat(failures).isEmpty();
            Map<String, List<Long>> heroesByName = new HashMap<>();
            for (int offset = 0; ; offset += 100) {
                JsonNode page = JSON.readTree(HeroProcess.send(base.get(), "GET", "/heroes/?offset=" + offset + "&limit=100", null).body());
                page.forEach(h -> heroesByName.computeIfAbsent(h.get("name").asText(), name -> new ArrayList<>()).add(h.get("id").asLong()));
                if (page.size() < 100) {
                    break;
                }
            }
            assertThat(answered).isNotEmpty();
            for (Map.Entry<String, JsonNode> answer : answered.entrySet()) {
                assertThat(heroesByName.get(answer.getKey())).as("heroes of key %s", answer.getKey())
                        .containsExactly(answer.getValue().get("id").asLong());
            }
            assertThat(heroesByName.keySet()).as("every hero came from an answered key").isSubsetOf(answered.keySet());

            // after a restart, a repeat is answered from the database
            String anyKey = answered.keySet().iterator().next();
            JsonNode first = answered.get(anyKey);
            hero.close();
            hero = HeroProcess.start(environment, dir);
            base.set(hero.awaitBaseUri());
            HttpResponse<String> replay = HeroProcess.send(base.get(), "POST", "/heroes/",
                    "{\"name\":\"" + anyKey + "\",\"secret_name\":\"s\",\"age\":" + first.get("age").asInt() + "}", "Idempotency-Key", anyKey);
            assertThat(replay.statusCode()).isEqualTo(200);
            assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            assertThat(JSON.readTree(replay.body())).isEqualTo(first);
            System.out.println("IdempotentCreateCrashIT kills=" + KILLS + " keys answered=" + answered.size() + " attempts=" + attempts);
        } finally {
            round.set(Integer.MAX_VALUE);
            for (Thread client : clients) {
                client.interrupt();
            }
            hero.close();
        }
    }
}
