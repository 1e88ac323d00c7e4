package dev.hero.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Hero instance in a process of its own: the packaged {@code hero-app.jar} (system property
 * {@code hero.jar}, set by failsafe) run with {@code java -jar} on this test's JDK, or the runtime image's launcher
 * {@code bin/hero} (system property {@code hero.image}), configured only through environment variables, exactly as
 * an operator starts one. Learns its port from the start line.
 */
final class HeroProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Hero listening on http://[^ ]+:(\\d+) ");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Integer> port = new CompletableFuture<>();
    private final Thread reader;

    private HeroProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "hero-process-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the jar with {@code SERVER_PORT=0} (a free port) and the given environment on top. */
    static HeroProcess start(Map<String, String> environment, Path workingDirectory) throws IOException {
        return start(List.of(), environment, workingDirectory);
    }

    /**
     * Starts the jar as {@link #start(Map, Path)} does, behind a command prefix (such as {@code setpriv ...} to run it
     * as another user).
     */
    static HeroProcess start(List<String> prefix, Map<String, String> environment, Path workingDirectory) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String jar = System.getProperty("hero.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No packaged jar at hero.jar=" + jar + ": run as an integration test (mvn verify)");
        }
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(java, "-Xmx256m", "-jar", jar));
        return start(new ProcessBuilder(command), environment, workingDirectory);
    }

    /**
     * Starts the runtime image's launcher the way a supervisor does, with a {@code PATH} that holds no {@code java}
     * (only {@code pathDirectory}, which the caller fills), {@code SERVER_PORT=0} and the given environment on top.
     */
    static HeroProcess startImage(Map<String, String> environment, Path workingDirectory, Path pathDirectory) throws IOException {
        return startImage(imageLauncher(), environment, workingDirectory, pathDirectory);
    }

    /** {@link #startImage(Map, Path, Path)} through this launcher, such as a symbolic link to the image's. */
    static HeroProcess startImage(Path launcher, Map<String, String> environment, Path workingDirectory, Path pathDirectory)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString());
        builder.environment().keySet().removeIf(name -> name.equals("JAVA_HOME") || name.startsWith("JDK_JAVA_OPTIONS")
                || name.equals("JAVA_TOOL_OPTIONS"));
        builder.environment().put("PATH", pathDirectory.toString());
        return start(builder, environment, workingDirectory);
    }

    /** The runtime image's launcher, {@code bin/hero} under the system property {@code hero.image}. */
    static Path imageLauncher() {
        String image = System.getProperty("hero.image");
        Path launcher = image == null ? null : Path.of(image, "bin", "hero");
        if (launcher == null || !Files.isExecutable(launcher)) {
            throw new IllegalStateException("No runtime image launcher under hero.image=" + image + ": run as an integration test (mvn verify)");
        }
        return launcher;
    }

    private static HeroProcess start(ProcessBuilder builder, Map<String, String> environment, Path workingDirectory) throws IOException {
        builder.directory(workingDirectory.toFile()).redirectErrorStream(true);
        builder.environment().put("SERVER_PORT", "0");
        builder.environment().put("SERVER_HOST", "127.0.0.1");
        builder.environment().putAll(environment);
        return new HeroProcess(builder.start());
    }

    /** The process id: for the image, the JVM's own, since the launcher replaces itself with it. */
    long pid() {
        return process.pid();
    }

    /** Waits for the start line and returns the base URI, e.g. {@code http://127.0.0.1:41234}. */
    String awaitBaseUri() throws Exception {
        try {
            return "http://127.0.0.1:" + port.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("Hero did not start within " + START_TIMEOUT + "; its output:\n" + output(), e);
        }
    }

    /** What the process wrote so far, standard output and error together; all of it once {@link #stop} or {@link #awaitExit} returned. */
    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** Sends SIGTERM, as an orchestrator does, and returns the exit code of the graceful stop. */
    int stop() throws InterruptedException {
        // through the handle: Process.destroy() would also close the pipes, and the last lines would be lost
        process.toHandle().destroy();
        return awaitExit("SIGTERM");
    }

    /** Waits for the process to end by itself (a failed start) and returns its exit code. */
    int awaitExit() throws InterruptedException {
        return awaitExit("its start");
    }

    private int awaitExit(String since) throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("Hero did not exit within 30 s of " + since + "; its output:\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /** One request to a running instance ({@code base} from {@link #awaitBaseUri()}); a body is sent as JSON. */
    static HttpResponse<String> send(String base, String method, String path, String body) throws IOException, InterruptedException {
        return send(base, method, path, body, new String[0]);
    }

    /** {@link #send(String, String, String, String)} with these header fields too: name, value, name, value... */
    static HttpResponse<String> send(String base, String method, String path, String body, String... headerNamesAndValues)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headerNamesAndValues.length; i += 2) {
            request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readOutput() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.add(line);
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    port.complete(Integer.parseInt(listening.group(1)));
                }
            }
        } catch (IOException e) {
            output.add("(output closed: " + e.getMessage() + ")");
        }
        port.completeExceptionally(new AssertionError("Hero exited before it listened; its output:\n" + output()));
    }
}
