import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's training run for the runtime image's ahead-of-time cache (docs/performance.md, "The runtime image"):
 * starts the image's launcher on a scratch SQLite file and a free port with the JVM told to record
 * ({@code -XX:AOTCacheOutput}, JDK 25+; {@code -XX:ArchiveClassesAtExit} on an older JDK), drives every route
 * the way clients do, including the error answers, then stops it with SIGTERM like a supervisor; the JVM
 * writes the cache as it exits, and the launcher uses it from then on.
 * <p>Run by hero-app's build (maven-antrun, package phase) as a single source file:
 * {@code java AotTraining.java <image dir> <scratch dir>}.
 */
public final class AotTraining {

    private static final Pattern LISTENING = Pattern.compile("Hero listening on http://[^ ]+:(\\d+) ");
    private static final int ROUNDS = 60;

    public static void main(String[] args) throws Exception {
        Path image = Path.of(args[0]).toAbsolutePath();
        Path scratch = Path.of(args[1]).toAbsolutePath();
        Files.createDirectories(scratch);
        boolean aot = Runtime.version().feature() >= 25;
        Path cache = image.resolve("app").resolve(aot ? "hero.aot" : "hero.jsa");
        Files.deleteIfExists(image.resolve("app/hero.aot"));
        Files.deleteIfExists(image.resolve("app/hero.jsa"));
        Files.deleteIfExists(scratch.resolve("training.db"));

        ProcessBuilder builder = new ProcessBuilder(image.resolve("bin/hero").toString())
                .directory(scratch.toFile())
                .redirectErrorStream(true)
                // a file, not a pipe: the JVM assembles the cache in a child process that writes here after the
                // training JVM's own exit, when a pipe's reader would be gone
                .redirectOutput(scratch.resolve("training.log").toFile());
        builder.environment().put("SERVER_PORT", "0");
        builder.environment().put("SERVER_HOST", "127.0.0.1");
        builder.environment().put("HERO_DB_URL", "jdbc:sqlite:" + scratch.resolve("training.db"));
        builder.environment().put("JDK_JAVA_OPTIONS",
                (aot ? "-XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + cache);
        long started = System.nanoTime();
        Process hero = builder.start();
        Path log = scratch.resolve("training.log");
        try {
            String base = "http://127.0.0.1:" + awaitPort(hero, log);
            drive(base);
        } catch (Exception | AssertionError e) {
            hero.destroyForcibly();
            throw new IllegalStateException("training run failed: " + e.getMessage() + "\n" + Files.readString(log), e);
        }
        hero.destroy();
        if (!hero.waitFor(300, TimeUnit.SECONDS)) {
            hero.destroyForcibly();
            throw new IllegalStateException("training run did not stop; its output:\n" + Files.readString(log));
        }
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("training run wrote no " + cache + "; its output:\n" + Files.readString(log));
        }
        System.out.printf("AOT training: %d rounds of every route, %s written (%d KiB) in %d ms%n", ROUNDS, cache,
                Files.size(cache) / 1024, (System.nanoTime() - started) / 1_000_000);
    }

    /** Every route, each answer checked for its status, {@value #ROUNDS} times. */
    private static void drive(String base) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        Pattern idField = Pattern.compile("\"id\":(\\d+)");
        for (int round = 0; round < ROUNDS; round++) {
            String created = send(client, base, "POST", "/heroes/",
                    "{\"name\":\"Hero " + round + "\",\"secret_name\":\"Secret\",\"age\":" + (round % 90) + "}", 200);
            Matcher id = idField.matcher(created);
            if (!id.find()) {
                throw new AssertionError("no id in " + created);
            }
            String item = "/heroes/" + id.group(1);
            send(client, base, "GET", item, null, 200);
            send(client, base, "GET", "/heroes/?offset=0&limit=100", null, 200);
            send(client, base, "GET", "/heroes", null, 200);
            send(client, base, "PATCH", item, "{\"age\":null}", 200);
            send(client, base, "PATCH", item + "/", "{\"name\":\"Renamed " + round + "\",\"age\":7}", 200);
            send(client, base, "POST", "/heroes", "{\"name\":\"\"}", 422);
            send(client, base, "POST", "/heroes/", "{\"name\":", 422);
            send(client, base, "GET", "/heroes/?limit=101", null, 422);
            send(client, base, "GET", "/heroes/x", null, 422);
            if (round % 2 == 0) {
                send(client, base, "DELETE", item, null, 200);
                send(client, base, "GET", item, null, 404);
            }
            if (round % 20 == 0) {
                send(client, base, "GET", "/openapi.json", null, 200);
                send(client, base, "GET", "/docs", null, 200);
                send(client, base, "GET", "/nowhere", null, 404);
                send(client, base, "GET", "/observe/health/live", null, 200);
                send(client, base, "GET", "/observe/health/ready", null, 200);
                send(client, base, "GET", "/observe/metrics", null, 200);
            }
        }
    }

    private static String send(HttpClient client, String base, String method, String path, String body, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ", not " + expected
                    + ": " + response.body());
        }
        return response.body();
    }

    /** The port of the start line, read from the log as it grows. */
    private static int awaitPort(Process hero, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            if (!hero.isAlive()) {
                throw new AssertionError("Hero exited with " + hero.exitValue() + " before it listened");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Hero did not listen within 120 s");
    }
}
