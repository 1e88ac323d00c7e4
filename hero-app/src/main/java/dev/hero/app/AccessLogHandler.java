package dev.hero.app;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * The access log's handler (logging.properties names it for {@code dev.hero.access}): lines go to standard error
 * like every other log line, in the same shape, but through a buffer flushed every 200 ms instead of after each
 * line: with the console handler, formatting and flushing a line per request dominated the CPU profile of the
 * {@code get} benchmark (docs/performance.md). Each line is formatted by the caller already
 * ({@link RequestTelemetry}); a line may reach the terminal up to 200 ms late, and the last ones are flushed
 * when logging shuts down with the JVM.
 */
public final class AccessLogHandler extends StreamHandler {

    private static final long FLUSH_EVERY_MILLIS = 200;

    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("hero-access-log-flush").factory());

    public AccessLogHandler() {
        super(System.err, new LineFormatter());
        setLevel(Level.ALL);
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_EVERY_MILLIS, FLUSH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Flushes, and leaves standard error open. */
    @Override
    public synchronized void close() {
        flusher.shutdown();
        flush();
    }

    /** {@code 2026-11-24T10:15:30.123Z INFO dev.hero.access - GET /heroes/7 200 1.234 ms}: the console format. */
    static final class LineFormatter extends Formatter {
        @Override
        public String format(LogRecord record) {
            return record.getInstant().truncatedTo(ChronoUnit.MILLIS) + " " + record.getLevel().getName() + " "
                    + record.getLoggerName() + " - " + record.getMessage() + System.lineSeparator();
        }
    }
}
