package dev.hero.app;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.logging.LogManager;

/** Starts Hero: {@code java -jar hero-app/target/hero-app.jar}. Stops cleanly on SIGTERM or Ctrl-C. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        configureLogging();
        HeroServer server;
        try {
            server = HeroServer.start(AppSettings.load());
        } catch (RuntimeException e) {
            System.getLogger(Main.class.getName()).log(Level.ERROR, "Hero could not start: " + e.getMessage(), e);
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "hero-shutdown"));
    }

    /** Quiet logs, one line each, unless the user points java.util.logging at a file of their own. */
    private static void configureLogging() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
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
