package dev.hero.app;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.text.SimpleDateFormat;
import java.util.Date;
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
        Thread.ofPlatform().name("hero-jdk-init").daemon().start(Main::initializeSlowJdkClasses);
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

    /**
     * Initializes, on a thread of its own while the main thread configures logging, JDK classes that the start needs
     * later and whose first use is slow in a JVM that has compiled nothing yet: {@code BigDecimal} (JDK 25 computes 5^65536
     * as it initializes: 28 ms interpreted, on the main thread, where Helidon's service registry parses its metadata),
     * the locale's number and date formats (Flyway's placeholders, the start's log line) and the runtime MXBean
     * (Helidon's start log). Measured: docs/performance.md, "Start-up, third pass".
     */
    private static void initializeSlowJdkClasses() {
        try {
            BigDecimal.ONE.hashCode();
            new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date());
            ManagementFactory.getRuntimeMXBean().getUptime();
        } catch (RuntimeException e) {
            // only ahead of time: the code that needs these classes meets the same failure and reports it
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
