package dev.hero.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The process's one log handler: one line per record, never two spliced, an exception's trace only where it is wanted. */
class HeroLogHandlerTest {

    /** What every line of the log is: a timestamp, a level, a logger, a message. */
    static final Pattern EVENT = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (SEVERE|WARNING|INFO|CONFIG|FINE|FINER|FINEST) [\\w.$]+ - .*");

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final HeroLogHandler handler = new HeroLogHandler(new PrintStream(written, true, StandardCharsets.UTF_8));

    @Test
    void givenAccessLinesAndWarningsFromManyThreadsAtOnce_whenWritten_thenEachIsOneWholeLine() throws Exception {
        int threads = 8;
        int perThread = 5_000;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            boolean access = t % 2 == 0;
            int writer = t;
            writers.add(Thread.ofPlatform().start(() -> {
                await(start);
                for (int i = 0; i < perThread; i++) {
                    if (access) {
                        handler.publish(record(HeroLogHandler.ACCESS_LOGGER, Level.INFO, "GET /heroes/" + i + " 200 0.123 ms", null));
                    } else {
                        handler.publish(record("dev.hero.web.ErrorMapper", Level.WARNING,
                                "Request POST /heroes/ answered 503: writer " + writer + " request " + i, null));
                    }
                }
            }));
        }
        start.countDown();
        for (Thread writer : writers) {
            writer.join();
        }
        handler.close();

        List<String> lines = lines();
        assertThat(lines).hasSize(threads * perThread);
        assertThat(lines).allSatisfy(line -> assertThat(line).matches(EVENT));
        assertThat(lines.stream().filter(line -> line.contains(" INFO dev.hero.access - GET /heroes/"))).hasSize(threads / 2 * perThread);
    }

    @Test
    void givenAnAccessLineThenAWarning_whenWritten_thenTheWarningIsOutAtOnceAfterTheAccessLine() {
        handler.publish(record(HeroLogHandler.ACCESS_LOGGER, Level.INFO, "GET /heroes/ 200 0.100 ms", null));

        handler.publish(record("dev.hero.web.ErrorMapper", Level.WARNING, "Request GET /heroes/ answered 503: busy", null));

        assertThat(lines()).hasSize(2);
        assertThat(lines().get(0)).endsWith("INFO dev.hero.access - GET /heroes/ 200 0.100 ms");
        assertThat(lines().get(1)).endsWith("WARNING dev.hero.web.ErrorMapper - Request GET /heroes/ answered 503: busy");
    }

    @Test
    void givenAnAccessLine_whenNothingElseIsLogged_thenItIsOutWithinAFewFlushPeriods() throws Exception {
        handler.publish(record(HeroLogHandler.ACCESS_LOGGER, Level.INFO, "GET /heroes/ 200 0.100 ms", null));

        long deadline = System.nanoTime() + 5_000_000_000L;
        while (written.size() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(lines()).singleElement().asString().endsWith("GET /heroes/ 200 0.100 ms");
    }

    @Test
    void givenAWarningWithAnException_whenWritten_thenOneLineWithTheExceptionAndItsRootCauseNoTrace() {
        Exception thrown = new IllegalStateException("pool exhausted",
                new SQLTransientConnectionException("hero-read - Connection is not available, request timed out after 5000ms"));

        handler.publish(record("com.zaxxer.hikari.pool.HikariPool", Level.WARNING, "Cannot get a connection", thrown));
        handler.close();

        assertThat(lines()).singleElement().asString().matches(EVENT).endsWith("WARNING com.zaxxer.hikari.pool.HikariPool - "
                + "Cannot get a connection: java.lang.IllegalStateException: pool exhausted (caused by "
                + "java.sql.SQLTransientConnectionException: hero-read - Connection is not available, request timed out after 5000ms)");
    }

    @Test
    void givenASevereRecordOfHerosOwnWithAnException_whenWritten_thenItsTraceFollows() {
        handler.publish(record("dev.hero.web.ErrorMapper", Level.SEVERE, "Request GET /heroes/ failed", new NullPointerException("bug")));
        handler.close();

        List<String> lines = lines();
        assertThat(lines.getFirst()).matches(EVENT).endsWith("Request GET /heroes/ failed: java.lang.NullPointerException: bug");
        assertThat(lines.get(1)).isEqualTo("java.lang.NullPointerException: bug");
        assertThat(lines.get(2)).startsWith("\tat ");
    }

    @Test
    void givenASevereRecordOfALibraryWithAnException_whenWritten_thenOneLine() {
        // Helidon 4.2 logs this, with a trace, for every connection accepted while the server stops
        handler.publish(record("io.helidon.webserver.ServerListener", Level.SEVERE, "Executor rejected handler for new connection",
                new java.util.concurrent.RejectedExecutionException()));
        handler.close();

        assertThat(lines()).singleElement().asString().matches(EVENT).endsWith("SEVERE io.helidon.webserver.ServerListener - "
                + "Executor rejected handler for new connection: java.util.concurrent.RejectedExecutionException");
    }

    @Test
    void givenALoggerAtDebugLevel_whenItLogsAWarningWithAnException_thenItsTraceFollows() {
        Logger debugged = Logger.getLogger("dev.hero.test.debugged");
        debugged.setLevel(Level.FINE);
        try {
            handler.publish(record(debugged.getName(), Level.WARNING, "Client gone", new IOException("Broken pipe")));
            handler.close();
        } finally {
            debugged.setLevel(null);
        }

        assertThat(lines()).hasSizeGreaterThan(2);
        assertThat(lines().get(2)).startsWith("\tat ");
    }

    @Test
    void givenAMessageWithLineBreaks_whenWritten_thenOneLineWithTheBreaksShownAsEscapes() {
        handler.publish(record("dev.hero.test", Level.WARNING, "first\r\n2026-12-02T00:00:00.000Z SEVERE forged - line", null));
        handler.close();

        assertThat(lines()).singleElement().asString()
                .endsWith("WARNING dev.hero.test - first\\r\\n2026-12-02T00:00:00.000Z SEVERE forged - line");
    }

    @Test
    void givenARecordWithParameters_whenWritten_thenTheyAreFilledInAndTheTimeIsUtcWithMilliseconds() {
        LogRecord record = record("dev.hero.app.HeroServer", Level.INFO, "Hero listening on port {0,number,#}", null);
        record.setParameters(new Object[] {8000});
        record.setInstant(java.time.Instant.parse("2026-12-02T12:39:47Z"));

        handler.publish(record);
        handler.close();

        assertThat(lines()).containsExactly("2026-12-02T12:39:47.000Z INFO dev.hero.app.HeroServer - Hero listening on port 8000");
    }

    private static LogRecord record(String logger, Level level, String message, Throwable thrown) {
        LogRecord record = new LogRecord(level, message);
        record.setLoggerName(logger);
        record.setThrown(thrown);
        return record;
    }

    private List<String> lines() {
        return written.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
