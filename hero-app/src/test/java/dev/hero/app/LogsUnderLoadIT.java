package dev.hero.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.hero.app.HeroProcess.send;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log of the packaged jar (its own logging configuration) under load and faults at once, as an operator reads it:
 * readers and writers over the concurrency limit (load shed with 503), the database locked by another process for a
 * while (writes 503, a warning each), then SIGTERM with the load still running (the drain's 503s). Every answer a
 * client got is an access line, the shed and drained 503s included; every line of the output is one whole event, never
 * two spliced; no stack trace.
 */
class LogsUnderLoadIT {

    private static final Pattern ACCESS = Pattern.compile(" INFO dev\\.hero\\.access - (\\S+) (\\S+) (\\d{3}) \\d+\\.\\d{3} ms$");

    @TempDir
    Path dir;

    @Test
    void givenLoadOverTheLimitAndALockedDatabase_whenStoppedUnderLoad_thenEveryAnswerIsOneAccessLineAndEveryLineOneEvent() throws Exception {
        Path file = dir.resolve("heroes.db");
        Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
        AtomicBoolean stopping = new AtomicBoolean();
        String output;
        try (HeroProcess hero = HeroProcess.start(Map.of("HERO_DB_URL", "jdbc:sqlite:" + file, "HERO_DB_TIMEOUT", "300",
                "HERO_HTTP_CONCURRENT_LIMIT", "3"), dir)) {
            String base = hero.awaitBaseUri();
            warmUp(base);
            CompletableFuture<Integer> exit;
            try (Load load = new Load(base, 12, 4, received, stopping)) {
                Thread.sleep(1_000);
                try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file);
                     Statement lock = other.createStatement()) {
                    // another process holds the write lock: each write waits hero.db.timeout, then 503 and a warning
                    lock.execute("BEGIN EXCLUSIVE");
                    Thread.sleep(3_000);
                    lock.execute("ROLLBACK");
                }
                Thread.sleep(1_000);
                stopping.set(true);
                exit = CompletableFuture.supplyAsync(() -> {
                    try {
                        return hero.stop();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                Thread.sleep(1_500); // the drain turns the load away while the stop waits for what is in flight
            }
            assertThat(exit.get()).isIn(0, 143);
            output = hero.output();
        }
        Files.writeString(Path.of("target", "LogsUnderLoadIT.log"), output);

        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).allSatisfy(line -> assertThat(line).matches(HeroLogHandlerTest.EVENT));
        assertThat(lines.getLast()).endsWith("INFO dev.hero.app.HeroServer - Hero stopped");
        assertThat(output).doesNotContain("\tat ");
        Map<String, Long> logged = lines.stream().map(ACCESS::matcher).filter(Matcher::find)
                .collect(Collectors.groupingBy(access -> access.group(1) + " " + access.group(2) + " " + access.group(3),
                        Collectors.counting()));
        assertThat(received.get("GET /heroes/ 503 running")).as("reads shed over the limit: %s", received).isNotNull();
        assertThat(received.get("GET /heroes/ 503 stopping")).as("reads turned away by the drain: %s", received).isNotNull();
        assertThat(received.get("POST /heroes/ 200 running")).as("writes: %s", received).isNotNull();
        assertThat(lines.stream().filter(line -> line.contains("WARNING dev.hero.web.ErrorMapper - Request POST /heroes/ answered 503")))
                .as("writes 503 while the database is locked").isNotEmpty();
        // every answer a client got is in the access log (an answer written as the stop closed its connection may be
        // logged without its client reading it, so the log may have a few more)
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        received.forEach((key, count) -> answers.merge(key.substring(0, key.lastIndexOf(' ')), count.get(), Integer::sum));
        answers.forEach((answer, count) -> assertThat(logged.getOrDefault(answer, 0L))
                .as("access lines of %s (answers received: %s; access lines: %s)", answer, answers, logged)
                .isGreaterThanOrEqualTo(count.longValue()));
    }

    private static void warmUp(String base) throws Exception {
        for (int i = 0; i < 20; i++) {
            send(base, "POST", "/heroes/", "{\"name\":\"Warm-up\",\"secret_name\":\"W\"}");
            send(base, "GET", "/heroes/?limit=5", null);
        }
    }

    /**
     * Readers and writers until closed, counting every answer received as {@code "GET /heroes/ 503 running"} (before
     * the stop) or {@code "... stopping"} (after it).
     */
    private static final class Load implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Load(String base, int readers, int writers, Map<String, AtomicInteger> received, AtomicBoolean stopping) {
            for (int i = 0; i < readers + writers; i++) {
                boolean reader = i < readers;
                threads.add(Thread.ofVirtual().start(() -> {
                    while (running.get()) {
                        String phase = stopping.get() ? " stopping" : " running";
                        try {
                            HttpResponse<String> answer = reader
                                    ? send(base, "GET", "/heroes/?limit=5", null)
                                    : send(base, "POST", "/heroes/", "{\"name\":\"Loaded\",\"secret_name\":\"L\"}");
                            received.computeIfAbsent((reader ? "GET /heroes/ " : "POST /heroes/ ") + answer.statusCode() + phase,
                                    key -> new AtomicInteger()).incrementAndGet();
                        } catch (IOException e) {
                            // shed with the body unread (reset), or the server gone: no answer received
                            pause();
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }));
            }
        }

        private static void pause() {
            try {
                Thread.sleep(Duration.ofMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }
}
