package dev.hero.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.ErrorManager;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The one handler of the process's log (logging.properties sets it on the root logger): every record, Hero's own, the
 * access log's and the libraries', becomes one line on standard error,
 * {@code 2026-12-02T12:39:47.502Z WARNING dev.hero.web.ErrorMapper - Request POST /heroes/ answered 503: ...}, written
 * through one buffer under one lock. Two handlers on the same stream, each with a buffer of its own that it wrote out
 * when full, spliced lines into one ({@code 2026-12-022026-12-02T12:39:47.502Z SEVERE ...}).
 * <ul>
 * <li>Access lines (logger {@code dev.hero.access}) wait in the buffer, which is written out every 200 ms and when it
 * holds 32 KiB: writing out every line dominated the CPU profile of the {@code get} benchmark (docs/performance.md).
 * Any other line is written out at once, after the access lines before it.</li>
 * <li>A line never breaks: a line break in a message is written as {@code \n}, so no text a client sent can forge a
 * line either.</li>
 * <li>An exception is the end of its line, its class and message (and its root cause's): expected conditions (a client
 * gone, a pool timeout, a database away, a connection refused while the server stops) are one line. Its stack trace
 * follows only for a fault of Hero's own code (a SEVERE record of a {@code dev.hero} logger, such as a 500), or where
 * the record's logger is at FINE (debug, docs/operations.md). A library's SEVERE record is one line too: Helidon logs
 * one with a trace for every connection accepted while it stops.</li>
 * </ul>
 */
public final class HeroLogHandler extends Handler {

    static final String ACCESS_LOGGER = "dev.hero.access";
    private static final String HERO_LOGGERS = "dev.hero.";

    private static final long FLUSH_EVERY_MILLIS = 200;
    private static final int WRITE_OUT_CHARS = 32 * 1024;

    private final PrintStream out;
    private final ReentrantLock lock = new ReentrantLock();
    private final StringBuilder pending = new StringBuilder(WRITE_OUT_CHARS + 1024);
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("hero-log-flush").factory());
    private volatile boolean closed;

    public HeroLogHandler() {
        this(System.err);
    }

    HeroLogHandler(PrintStream out) {
        this.out = out;
        setLevel(Level.ALL);
        setFormatter(new LineFormatter());
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_EVERY_MILLIS, FLUSH_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void publish(LogRecord record) {
        if (closed || !isLoggable(record)) {
            return;
        }
        String line;
        try {
            line = getFormatter().format(record);
        } catch (RuntimeException e) {
            reportError("Cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        lock.lock();
        try {
            pending.append(line);
            if (!ACCESS_LOGGER.equals(record.getLoggerName()) || pending.length() >= WRITE_OUT_CHARS) {
                writeOut();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Writes out what waits in the buffer. */
    @Override
    public void flush() {
        lock.lock();
        try {
            writeOut();
        } finally {
            lock.unlock();
        }
    }

    /** Writes out what waits, and leaves standard error open. */
    @Override
    public void close() {
        closed = true;
        flusher.shutdown();
        flush();
    }

    /** Under the lock: one write of whole lines, so that nothing written to the stream by other means lands inside one. */
    private void writeOut() {
        if (pending.isEmpty()) {
            return;
        }
        out.print(pending);
        out.flush();
        pending.setLength(0);
        if (out.checkError()) {
            reportError("Cannot write the log to standard error", null, ErrorManager.WRITE_FAILURE);
        }
    }

    /** {@code 2026-12-02T12:39:47.502Z INFO dev.hero.access - GET /heroes/7 200 1.234 ms}, and a line break. */
    static final class LineFormatter extends Formatter {

        @Override
        public String format(LogRecord record) {
            String message = record.getParameters() == null || record.getParameters().length == 0
                    ? record.getMessage() : formatMessage(record);
            StringBuilder line = new StringBuilder(96 + (message == null ? 4 : message.length()));
            timestamp(line, record.getMillis());
            line.append(' ').append(record.getLevel().getName()).append(' ').append(record.getLoggerName()).append(" - ");
            appendOneLine(line, String.valueOf(message));
            Throwable thrown = record.getThrown();
            if (thrown != null) {
                line.append(": ");
                appendOneLine(line, thrown.toString());
                Throwable root = rootCause(thrown);
                if (root != thrown) {
                    line.append(" (caused by ");
                    appendOneLine(line, root.toString());
                    line.append(')');
                }
            }
            line.append(System.lineSeparator());
            if (thrown != null && withTrace(record)) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }

        /** A fault of Hero's own code (SEVERE on one of its loggers), or a logger at debug level. */
        private static boolean withTrace(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue() && record.getLoggerName() != null
                    && record.getLoggerName().startsWith(HERO_LOGGERS)) {
                return true;
            }
            Logger logger = record.getLoggerName() == null ? null : LogManager.getLogManager().getLogger(record.getLoggerName());
            return logger != null && logger.isLoggable(Level.FINE);
        }

        private static Throwable rootCause(Throwable thrown) {
            Throwable root = thrown;
            for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
                root = root.getCause();
            }
            return root;
        }

        /** The text with its line breaks written as {@code \r} and {@code \n}. */
        private static void appendOneLine(StringBuilder line, String text) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }

        /** {@code 2026-12-02T12:39:47.502Z}: UTC, always with milliseconds, always 24 characters. */
        static void timestamp(StringBuilder line, long epochMillis) {
            LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(epochMillis, 1000), 0, ZoneOffset.UTC);
            line.append(time.getYear()).append('-');
            twoDigits(line, time.getMonthValue()).append('-');
            twoDigits(line, time.getDayOfMonth()).append('T');
            twoDigits(line, time.getHour()).append(':');
            twoDigits(line, time.getMinute()).append(':');
            twoDigits(line, time.getSecond()).append('.');
            int millis = (int) Math.floorMod(epochMillis, 1000);
            line.append(millis < 100 ? (millis < 10 ? "00" : "0") : "").append(millis).append('Z');
        }

        private static StringBuilder twoDigits(StringBuilder line, int value) {
            return line.append(value < 10 ? "0" : "").append(value);
        }
    }
}
