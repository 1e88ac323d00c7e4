package dev.hero.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hero.web.testing.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill -9 mid-load: Hero runs as a separate JVM ({@link Main}, same JDK, the test class path) on a SQLite
 * file; several writers create heroes and record every acknowledged create; the process is killed with
 * SIGKILL while they write, restarted on the same file, and every acknowledged hero must be there, intact.
 */
class CrashSafetyTest {

    static final int ROUNDS = Integer.getInteger("hero.crash.rounds", 5);
    static final int WRITERS = 8;

    @TempDir
    Path dir;

    @Test
    void givenWritersUnderLoad_whenTheProcessIsKilledWithSigkill_thenEveryAcknowledgedHeroSurvivesIntact() throws Exception {
        Path database = dir.resolve("crash.db");
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        int total = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            HeroProcess hero = HeroProcess.start(dir, database, Map.of(), "round" + round);
            try {
                assertAllPresent(client, hero.port(), acknowledged, round);
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    int r = round;
                    writers.add(Thread.ofPlatform().start(() -> {
                        for (int n = 0; !stop.get(); n++) {
                            String body = "{\"name\":\"r" + r + "w" + writer + "n" + n + "\",\"secret_name\":\"s\",\"age\":" + (n % 1000) + "}";
                            try {
                                Wire.Answer answer = Wire.send(client, hero.port(), "POST", "/heroes/", "application/json", body.getBytes(StandardCharsets.UTF_8));
                                if (answer.status() == 200) {
                                    JsonNode created = Wire.JSON.readTree(answer.body());
                                    acknowledged.put(created.get("id").asLong(), created.toString());
                                }
                            } catch (IOException | InterruptedException killed) {
                                // the process died: this create was never acknowledged
                            }
                        }
                    }));
                }
                Thread.sleep(1_500);
                hero.kill();
                stop.set(true);
                for (Thread writer : writers) {
                    writer.join();
                }
            } finally {
                hero.kill();
            }
            total = acknowledged.size();
        }
        HeroProcess last = HeroProcess.start(dir, database, Map.of(), "final");
        try {
            assertAllPresent(client, last.port(), acknowledged, ROUNDS + 1);
        } finally {
            last.kill();
        }
        System.out.println("CrashSafetyTest rounds=" + ROUNDS + " writers=" + WRITERS + " acknowledged creates=" + total + " lost=0");
        assertThat(total).isGreaterThan(ROUNDS);
    }

    private static void assertAllPresent(HttpClient client, int port, Map<Long, String> acknowledged, int round) throws Exception {
        List<String> lost = new ArrayList<>();
        for (Map.Entry<Long, String> hero : acknowledged.entrySet()) {
            Wire.Answer read = Wire.send(client, port, "GET", "/heroes/" + hero.getKey(), null, null);
            if (read.status() != 200 || !Wire.JSON.readTree(read.body()).equals(Wire.JSON.readTree(hero.getValue()))) {
                lost.add(hero.getValue() + " -> " + read.status() + " " + read.body());
            }
        }
        assertThat(lost).as("acknowledged heroes lost or torn before round %d", round).isEmpty();
    }

    /** Hero as a child JVM: same java binary, this test's class path, configured through environment variables. */
    record HeroProcess(Process process, int port, Path log) {

        static HeroProcess start(Path dir, Path database, Map<String, String> env, String name) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            Path log = dir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), Main.class.getName())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            builder.environment().put("SERVER_HOST", "127.0.0.1");
            builder.environment().put("HERO_DB_URL", "jdbc:sqlite:" + database);
            builder.environment().putAll(env);
            Process process = builder.start();
            HttpClient client = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("Hero exited: " + Files.readString(log));
                }
                try {
                    if (Wire.send(client, port, "GET", "/heroes/?limit=1", null, null).status() == 200) {
                        return new HeroProcess(process, port, log);
                    }
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            process.destroyForcibly();
            throw new AssertionError("Hero did not answer within 60 s: " + Files.readString(log));
        }

        /** SIGKILL on Linux: no shutdown hook, no flush, no goodbye. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }
    }
}
