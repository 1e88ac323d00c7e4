package dev.hero.app;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletableFuture;
import java.util.logging.LogManager;

/**
 * Starts Hero: {@code java -jar hero-app/target/hero-app.jar}. Stops cleanly on SIGTERM or Ctrl-C. A start that fails
 * says why in one line and exits with status 1; the stack trace is logged at FINE (docs/operations.md).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        Logger log = System.getLogger(Main.class.getName());
        // the hook is in place before the start: a SIGTERM that arrives while Hero starts waits for the start to end,
        // then stops what started (a hook added after the start could come too late, and the stop would never run)
        CompletableFuture<HeroServer> started = new CompletableFuture<>();
        Runtime.getRuntime().addShutdownHook(new Thread(HeroLogManager.keepingLogsOpenDuring(() -> {
            HeroServer server = started.join();
            if (server != null) {
                server.close();
            }
        }), "hero-shutdown"));
        try {
            started.complete(HeroServer.start(AppSettings.load()));
        } catch (RuntimeException | Error e) {
            started.complete(null);
            log.log(Level.ERROR, "Hero could not start: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            log.log(Level.DEBUG, "Why Hero could not start", e);
            System.exit(1);
        }
    }

    /** Quiet logs, one line each, unless the user points java.util.logging at a file of their own. */
    private static void configureLogging() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // before the first use of java.util.logging, which reads it once
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", HeroLogManager.class.getName());
        }
        if (System.getProperty("java.util.logging.config.file") != null) {
            return;
        }
        try (InputStream in = Main.class.getResourceAsStream("/logging.properties")) {
            if (in != null) {
                LogManager.getLogManager().readConfiguration(in);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read logging.properties", e);
        }
    }
}
