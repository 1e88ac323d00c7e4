package dev.hero.web;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Lets the requests in flight finish when the server stops. Helidon's own stop interrupts every connection, a request
 * half-way through included; so before it, {@link #drain(Duration)} turns new requests away (503 with
 * {@code Retry-After}, connection closed, readiness down too: a load balancer sends them to another instance) and
 * waits, up to the grace period, for the requests already counted here to be answered.
 */
final class Drain implements Filter {

    private final AtomicInteger inFlight = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private volatile boolean stopping;

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        // counted before the check: drain() sees every request that got past it
        inFlight.incrementAndGet();
        try {
            if (stopping) {
                response.header(HeaderValues.CONNECTION_CLOSE);
                ErrorAnswers.unavailable(request, response);
                return;
            }
            chain.proceed();
        } finally {
            if (inFlight.decrementAndGet() == 0 && stopping) {
                signalIdle();
            }
        }
    }

    /**
     * Turns new requests away and waits until none is in flight, or the grace period is over.
     *
     * @return whether every request in flight finished within the grace period
     */
    boolean drain(Duration grace) {
        stopping = true;
        long deadline = System.nanoTime() + grace.toNanos();
        lock.lock();
        try {
            while (inFlight.get() > 0) {
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
            return inFlight.get() == 0;
        } finally {
            lock.unlock();
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    private void signalIdle() {
        lock.lock();
        try {
            idle.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
