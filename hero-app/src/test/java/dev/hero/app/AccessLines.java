package dev.hero.app;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** The access lines written while it is open ({@code GET /heroes/ 503 0.042 ms}), from the logger itself. */
final class AccessLines implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Level level = RequestTelemetry.ACCESS.getLevel();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    AccessLines() {
        RequestTelemetry.ACCESS.setLevel(Level.INFO);
        RequestTelemetry.ACCESS.addHandler(capture);
    }

    /**
     * Waits up to 5 s for a line that starts with this ({@code GET /heroes/ 503}, a duration follows): a line is written
     * once its answer is, which a client may read a moment earlier.
     */
    boolean has(String start) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (lines.stream().anyMatch(line -> line.startsWith(start + " "))) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        RequestTelemetry.ACCESS.removeHandler(capture);
        RequestTelemetry.ACCESS.setLevel(level);
    }
}
