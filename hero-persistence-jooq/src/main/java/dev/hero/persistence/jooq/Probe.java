package dev.hero.persistence.jooq;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A readiness check with a deadline: the probe runs on a virtual thread, the caller waits at most the timeout. */
final class Probe {

    private Probe() {
    }

    /** Whether the probe returned without an exception within the timeout. A late probe is left to finish alone. */
    static boolean answersWithin(Duration timeout, Runnable probe) {
        CompletableFuture<Void> answered = new CompletableFuture<>();
        Thread.ofVirtual().name("hero-db-probe").start(() -> {
            try {
                probe.run();
                answered.complete(null);
            } catch (Throwable failure) {
                answered.completeExceptionally(failure);
            }
        });
        try {
            answered.get(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }
}
