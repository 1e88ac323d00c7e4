package dev.hero.web;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets the requests in flight finish when the server stops. Helidon's own stop interrupts every connection, a request
 * half-way through included; so before it, {@link #drain(Duration)} turns new requests away (503 with
 * {@code Retry-After}, connection closed, readiness down too: a load balancer sends them to another instance) and
 * waits, up to the grace period, for the requests already in flight to be answered. A request still running after it
 * is {@linkplain #cutOff() cut off}: answered 503 if its answer has not started, so its client is told rather than
 * left with a closed connection.
 *
 * <p>Two filters: the {@linkplain #tracker() tracker} runs outermost, so a request counts until its answer has been
 * reported ({@link Exchanges}: the access log) and its connection closed; the {@linkplain #gate() gate} runs inside
 * the reporting filter, so the 503s it gives while stopping are logged and counted like any answer.
 */
final class Drain {

    private final Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private volatile boolean stopping;

    /** Outermost: tracks each request from its first filter to the end of its last (the answer reported). */
    Filter tracker() {
        return (chain, request, response) -> {
            InFlight tracked = new InFlight(request, response);
            request.context().register(tracked);
            // tracked before the gate checks: drain() sees every request that got past it
            inFlight.add(tracked);
            try {
                chain.proceed();
            } finally {
                inFlight.remove(tracked);
                if (stopping && inFlight.isEmpty()) {
                    signalIdle();
                }
            }
        };
    }

    /** Turns requests away while stopping. */
    Filter gate() {
        return (chain, request, response) -> {
            if (stopping) {
                response.header(HeaderValues.CONNECTION_CLOSE);
                ErrorAnswers.unavailable(request, response);
                return;
            }
            chain.proceed();
        };
    }

    /**
     * Whether this request's own handler may answer it, decided once per request: true until the stop has cut it off.
     * Every answer of the API goes through here ({@link JsonResponses}), and so does every use case before it runs, so
     * a request answered 503 by the stop never reaches the store.
     */
    static boolean mayAnswer(ServerRequest request) {
        return request.context().get(InFlight.class).map(InFlight::claimAnswer).orElse(true);
    }

    /** While stopping, every answer closes its connection: the server's stop then finds none waiting for a next request. */
    private void closeWhileStopping(RoutingResponse response) {
        if (stopping) {
            response.header(HeaderValues.CONNECTION_CLOSE);
        }
    }

    /** Before a use case: a request the stop has cut off (and answered 503) must change nothing. */
    static void requireNotCutOff(ServerRequest request) {
        if (!mayAnswer(request)) {
            throw new CutOffException();
        }
    }

    /**
     * Turns new requests away and waits until none is in flight, or the grace period is over.
     *
     * @return whether every request in flight finished within the grace period
     */
    boolean drain(Duration grace) {
        stopping = true;
        return awaitIdle(grace);
    }

    /**
     * Cuts off the requests still in flight: each whose answer has not started gets a 503 now (from this thread: its own
     * is blocked, reading a body or waiting for the store), with the connection closed.
     *
     * @return each request, as the access log names it, and what became of it
     */
    List<String> cutOff() {
        List<String> cut = new ArrayList<>();
        for (InFlight request : inFlight) {
            cut.add(request.describe() + " (" + request.cutOff() + ")");
        }
        return cut;
    }

    /** Waits until no request is in flight (those cut off unwind once the server closes their connections). */
    boolean awaitIdle(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        lock.lock();
        try {
            while (!inFlight.isEmpty()) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                // woken by the last request, or every 50 ms to re-check (a signal can race the first check)
                idle.awaitNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return inFlight.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    private void signalIdle() {
        lock.lock();
        try {
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A request in flight, and who answers it: its handler, or the stop that cut it off. */
    private final class InFlight {

        private static final int OPEN = 0;
        private static final int ANSWERING = 1;
        /** The stop took the answer over and is writing its 503. */
        private static final int CUTTING_OFF = 2;
        private static final int CUT_OFF = 3;
        /** How long a handler waits for the stop to finish writing the 503 it took over. */
        private static final Duration CUT_OFF_WRITE_PATIENCE = Duration.ofSeconds(5);

        private final RoutingRequest request;
        private final RoutingResponse response;
        private final AtomicInteger state = new AtomicInteger(OPEN);

        InFlight(RoutingRequest request, RoutingResponse response) {
            this.request = request;
            this.response = response;
        }

        /** On the handler's thread. */
        boolean claimAnswer() {
            if (state.compareAndSet(OPEN, ANSWERING) || state.get() == ANSWERING) {
                closeWhileStopping(response);
                return true;
            }
            // the stop answers from its own thread: once it has written (CUT_OFF), this thread sees the response as sent.
            // Rare (only past the grace), so a short poll rather than a latch allocated for every request.
            long deadline = System.nanoTime() + CUT_OFF_WRITE_PATIENCE.toNanos();
            while (state.get() == CUTTING_OFF && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            return false;
        }

        /** On the stopping thread: answers 503 unless the handler's answer has started; says what became of it. */
        String cutOff() {
            if (!isHeroRoute()) {
                return "served by Helidon itself: its connection is closed";
            }
            if (!state.compareAndSet(OPEN, CUTTING_OFF)) {
                return "its answer had started";
            }
            try {
                ErrorAnswers.cutOff(request, response);
            } catch (RuntimeException e) {
                // the client is gone: nobody left to answer
            } finally {
                state.set(CUT_OFF);
            }
            return "answered 503";
        }

        /** Only the API's own routes answer through {@link #mayAnswer}; Helidon's (health, static files) do not. */
        private boolean isHeroRoute() {
            return WebRoutes.resolve(request.prologue().uriPath().path())
                    .filter(route -> route == WebRoutes.HEROES || route == WebRoutes.HERO)
                    .isPresent();
        }

        String describe() {
            String path = HeroWeb.route(request.prologue().uriPath()).map(HeroWeb.Route::loggedPath).orElse("other");
            return request.prologue().method().text() + " " + path;
        }
    }

    /** Thrown on a handler's thread when the stop has already answered its request: the error mapper sends nothing. */
    static final class CutOffException extends RuntimeException {
        CutOffException() {
            super("cut off by the end of the shutdown grace", null, false, false);
        }
    }
}
