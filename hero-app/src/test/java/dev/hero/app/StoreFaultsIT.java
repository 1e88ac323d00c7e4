package dev.hero.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.hero.app.HeroProcess.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The packaged jar on SQLite, under load, when the disk fills and when the database file is deleted, as an operator
 * would meet it: the writes answered 503 with {@code Retry-After} within {@code hero.db.timeout} (never 500),
 * readiness DOWN while writes cannot succeed and UP again by itself, liveness UP, one log line per 503 and no stack
 * trace (the production logging configuration), and every acknowledged create still there after a restart.
 */
class StoreFaultsIT {

    private static final Duration DB_TIMEOUT = Duration.ofMillis(1_000);
    private static final Pattern CREATED_ID = Pattern.compile("\"id\":(\\d+)");

    @TempDir
    Path dir;

    private Path mounted;

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            run("umount", "-l", mounted.toString());
        }
    }

    @Test
    void givenWritersUnderLoad_whenTheDiskFillsAndIsFreedAgain_thenServiceUnavailableNotReadyThenBackWithNothingLost() throws Exception {
        Path disk = Files.createDirectory(dir.resolve("disk"));
        Process mount = run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", disk.toString());
        assumeTrue(mount.exitValue() == 0, "mounting a small tmpfs is not allowed here");
        mounted = disk;
        Path file = disk.resolve("heroes.db");
        Path filler = disk.resolve("filler");
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Duration> slowest = Collections.synchronizedList(new ArrayList<>());
        Timeline timeline = new Timeline(disk);
        String output = "";
        try (HeroProcess hero = start(file)) {
            try {
                String base = hero.awaitBaseUri();
                warmUp(base, acknowledged, statuses);
                try (Writers writers = new Writers(base, 4, acknowledged, statuses, slowest)) {
                    Thread.sleep(500);
                    run("sh", "-c", "dd if=/dev/zero of=" + filler + " bs=64k 2>/dev/null; true");
                    timeline.mark("disk filled");
                    assertThat(eventually(() -> status(base, "/observe/health/ready") == 503, Duration.ofSeconds(20)))
                            .as("readiness DOWN while the disk is full (%s)", timeline).isTrue();
                    timeline.mark("readiness DOWN");
                    assertThat(status(base, "/observe/health/live")).isIn(200, 204);
                    Files.delete(filler);
                    timeline.mark("disk freed");
                    int before = acknowledged.size();
                    assertThat(eventually(() -> status(base, "/observe/health/ready") == 200, Duration.ofSeconds(30)))
                            .as("readiness UP again by itself (%s)", timeline).isTrue();
                    timeline.mark("readiness UP");
                    assertThat(eventually(() -> acknowledged.size() > before, Duration.ofSeconds(30)))
                            .as("writes succeed again (%s)", timeline).isTrue();
                    timeline.mark("a write acknowledged");
                }
                assertThat(hero.stop()).isIn(0, 143);
            } finally {
                output = hero.output();
                Files.writeString(Path.of("target", "StoreFaultsIT-diskfull.log"), timeline + "\n" + output);
            }
        }

        assertThat(statuses).contains(503).doesNotContain(500, 507, -200, -503);
        assertThat(slowest).allSatisfy(took -> assertThat(took).isLessThan(DB_TIMEOUT.plusSeconds(1)));
        assertEveryLineIsOneEventWithoutATrace(output);
        assertThat(lines(output, "answered 503")).isEqualTo(Collections.frequency(statuses, 503));
        assertEveryAcknowledgedCreateIsThere(file, acknowledged);
    }

    @Test
    void givenWritersUnderLoad_whenTheDatabaseFileIsDeleted_thenNoWriteIsAcknowledgedAfterItAndOneErrorNamesThePath() throws Exception {
        Path file = dir.resolve("heroes.db");
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Duration> slowest = Collections.synchronizedList(new ArrayList<>());
        String output;
        int acknowledgedAtDeletion;
        try (HeroProcess hero = start(file)) {
            String base = hero.awaitBaseUri();
            warmUp(base, acknowledged, statuses);
            try (Writers writers = new Writers(base, 4, acknowledged, statuses, slowest)) {
                Thread.sleep(500);
                Files.delete(file);
                // an answer already on its way when the file went may still arrive: allow one commit's worth
                Thread.sleep(200);
                acknowledgedAtDeletion = acknowledged.size();
                Thread.sleep(1_000);
                assertThat(acknowledged).as("nothing acknowledged once the file is gone").hasSize(acknowledgedAtDeletion);
                assertThat(status(base, "/observe/health/ready")).isEqualTo(503);
                assertThat(status(base, "/observe/health/live")).isIn(200, 204);
            }
            assertThat(hero.stop()).isIn(0, 143);
            output = hero.output();
        }
        Files.writeString(Path.of("target", "StoreFaultsIT-deleted.log"), output);

        assertThat(statuses).contains(503).doesNotContain(500, -200, -503);
        assertThat(slowest).allSatisfy(took -> assertThat(took).isLessThan(DB_TIMEOUT.plusSeconds(1)));
        assertEveryLineIsOneEventWithoutATrace(output);
        assertThat(lines(output, "answered 503")).isEqualTo(Collections.frequency(statuses, 503));
        assertThat(output.lines().filter(line -> line.contains(" SEVERE ") && line.contains(file.toString()))).hasSize(1);
    }

    /**
     * The first requests of a new JVM load and compile the whole stack; they say nothing about the database. On a
     * loaded machine the very first write can take longer than the short timeout of this test, and is answered 503
     * like any other; the warm-up goes on until 50 creates are acknowledged.
     */
    private static void warmUp(String base, Set<Long> acknowledged, List<Integer> statuses) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        for (int created = 0; created < 50 && System.nanoTime() < deadline; ) {
            HttpResponse<String> answer = send(base, "POST", "/heroes/", "{\"name\":\"Warm-up\",\"secret_name\":\"W\"}");
            statuses.add(answer.statusCode());
            if (answer.statusCode() == 200) {
                Matcher id = CREATED_ID.matcher(answer.body());
                assertThat(id.find()).isTrue();
                acknowledged.add(Long.parseLong(id.group(1)));
                created++;
            } else {
                assertThat(answer.statusCode()).isEqualTo(503);
            }
            send(base, "GET", "/observe/health/ready", null);
        }
    }

    private static HeroProcess start(Path file) throws IOException {
        return HeroProcess.start(Map.of("HERO_DB_URL", "jdbc:sqlite:" + file, "HERO_DB_TIMEOUT", String.valueOf(DB_TIMEOUT.toMillis())),
                file.getParent());
    }

    private static void assertEveryAcknowledgedCreateIsThere(Path file, Set<Long> acknowledged) throws Exception {
        try (HeroProcess restarted = start(file)) {
            String base = restarted.awaitBaseUri();
            for (long id : acknowledged) {
                assertThat(status(base, "/heroes/" + id)).as("acknowledged hero %d", id).isEqualTo(200);
            }
            restarted.stop();
        }
    }

    /** Writers that create heroes until closed, recording every status, each 200's id and each call's duration. */
    private static final class Writers implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Writers(String base, int count, Set<Long> acknowledged, List<Integer> statuses, List<Duration> durations) {
            for (int w = 0; w < count; w++) {
                int writer = w;
                threads.add(Thread.ofVirtual().start(() -> {
                    String name = "x".repeat(200);
                    for (int i = 0; running.get(); i++) {
                        long started = System.nanoTime();
                        try {
                            HttpResponse<String> answer = send(base, "POST", "/heroes/",
                                    "{\"name\":\"" + name + "\",\"secret_name\":\"Writer " + writer + "-" + i + "\"}");
                            durations.add(Duration.ofNanos(System.nanoTime() - started));
                            statuses.add(answer.statusCode());
                            if (answer.statusCode() == 200) {
                                Matcher id = CREATED_ID.matcher(answer.body());
                                if (id.find()) {
                                    acknowledged.add(Long.parseLong(id.group(1)));
                                } else {
                                    statuses.add(-200); // a 200 without an id: fails the status check after the run
                                }
                            } else if (answer.statusCode() == 503) {
                                if (!answer.headers().firstValue("Retry-After").equals(java.util.Optional.of("1"))) {
                                    statuses.add(-503); // a 503 without Retry-After: fails the status check after the run
                                }
                                Thread.sleep(20);
                            }
                        } catch (IOException | InterruptedException | RuntimeException e) {
                            // a writer keeps writing whatever one answer was: the checks after the run say what went wrong
                            statuses.add(-1);
                        }
                    }
                }));
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

    private static int status(String base, String path) {
        try {
            return send(base, "GET", path, null).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private static long lines(String output, String text) {
        return output.lines().filter(line -> line.contains(text)).count();
    }

    /** The production logging: every line one event (never two spliced, never a trace), the access lines among them. */
    private static void assertEveryLineIsOneEventWithoutATrace(String output) {
        assertThat(output.lines().filter(line -> !line.isBlank()))
                .allSatisfy(line -> assertThat(line).matches(HeroLogHandlerTest.EVENT));
        assertThat(output).contains(" INFO dev.hero.access - POST /heroes/ 503 ");
    }

    /** When each step of a test happened, from its first, and the sizes of the files on the disk then: what a failure message shows. */
    private static final class Timeline {
        private final long started = System.nanoTime();
        private final Path disk;
        private final List<String> marks = Collections.synchronizedList(new ArrayList<>());

        Timeline(Path disk) {
            this.disk = disk;
        }

        void mark(String what) {
            marks.add(what + " at " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms " + sizes());
        }

        private String sizes() {
            try (var files = Files.list(disk)) {
                return files.sorted().map(file -> file.getFileName() + "=" + size(file)).toList().toString();
            } catch (IOException e) {
                return "[" + e.getMessage() + "]";
            }
        }

        private static long size(Path file) {
            try {
                return Files.size(file);
            } catch (IOException gone) {
                return -1;
            }
        }

        @Override
        public String toString() {
            return String.join(", ", marks);
        }
    }

    private static Process run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return process;
    }
}
