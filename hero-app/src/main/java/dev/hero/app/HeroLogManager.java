package dev.hero.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.LogManager;

/**
 * java.util.logging's log manager with one change: the reset the JDK runs in a shutdown hook of its own (which closes
 * every handler) waits until Hero's shutdown hook is done. Shutdown hooks run at the same time, in no order, so without
 * this the handlers could close while Hero still drained: the access lines of the last requests and "Hero stopped" were
 * lost. {@link Main} installs it (the system property {@code java.util.logging.manager}) before anything logs.
 */
public final class HeroLogManager extends LogManager {

    /** Longer than Hero's stop can take: the shutdown grace, a second to unwind, and the database's close. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static volatile CountDownLatch stopping;

    /**
     * The given stop, for a shutdown hook, with the logs kept open until it is done. Without effect where another log
     * manager was installed first (tests, a user's own {@code java.util.logging.manager}).
     */
    static Runnable keepingLogsOpenDuring(Runnable stop) {
        CountDownLatch done = new CountDownLatch(1);
        stopping = done;
        return () -> {
            try {
                stop.run();
            } finally {
                done.countDown();
            }
        };
    }

    @Override
    public void reset() {
        CountDownLatch done = stopping;
        if (done != null && jvmIsShuttingDown()) {
            try {
                done.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.reset();
    }

    /** The JDK refuses new shutdown hooks once the shutdown has begun; reset() is also called at start-up, to configure. */
    private static boolean jvmIsShuttingDown() {
        Thread probe = new Thread(() -> { });
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }
}
