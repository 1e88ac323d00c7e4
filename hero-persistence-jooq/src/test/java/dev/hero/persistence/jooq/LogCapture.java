package dev.hero.persistence.jooq;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every java.util.logging record, at every level, while open (SLF4J reaches it through slf4j-jdk14). */
final class LogCapture implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Level previousLevel = root.getLevel();
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            Object[] parameters = record.getParameters();
            if (parameters != null) {
                for (Object parameter : parameters) {
                    message += " " + parameter;
                }
            }
            lines.add(new Line(record.getLevel(), record.getLoggerName(),
                    message + (record.getThrown() == null ? "" : " " + record.getThrown())));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private final Map<Handler, Level> quietened = new HashMap<>();

    /** Captures every level, the console staying as quiet as it was. */
    LogCapture() {
        this(false);
    }

    private LogCapture(boolean silenceConsole) {
        Level consoleLevel = silenceConsole ? Level.OFF : previousLevel == null ? Level.INFO : previousLevel;
        for (Handler existing : root.getHandlers()) {
            quietened.put(existing, existing.getLevel());
            if (existing.getLevel().intValue() < consoleLevel.intValue()) {
                existing.setLevel(consoleLevel);
            }
        }
        root.setLevel(Level.ALL);
        root.addHandler(handler);
    }

    /** Captures every level and keeps the console silent: for a test whose warnings are expected. */
    static LogCapture silencingTheConsole() {
        return new LogCapture(true);
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    /** One log record, its parameters appended to the message. */
    record Line(Level level, String logger, String text) {

        boolean isAtLeast(Level threshold) {
            return level.intValue() >= threshold.intValue();
        }

        @Override
        public String toString() {
            return level + " " + logger + ": " + text;
        }
    }

    @Override
    public void close() {
        root.removeHandler(handler);
        root.setLevel(previousLevel);
        quietened.forEach(Handler::setLevel);
    }
}
