package dev.hero.app;

import dev.hero.domain.port.out.Heroes;
import dev.hero.persistence.jooq.HeroDatabase;
import dev.hero.web.HeroWeb;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Metrics;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * What operators use, added to the web server: Helidon observe under {@code /observe} (health:
 * {@code /observe/health/live}, {@code /observe/health/ready} with a database check; metrics in Prometheus
 * text: {@code /observe/metrics}), and one listener that times every answered request for the metrics and the access
 * log. docs/operations.md lists them.
 */
final class Operations {

    /** How long the readiness check waits for the database. */
    static final Duration DATABASE_CHECK_TIMEOUT = Duration.ofSeconds(2);

    private Operations() {
    }

    /**
     * Latency buckets of the Prometheus histograms ({@code _bucket{le=...}}), which a Prometheus server aggregates
     * across instances. No client-side percentiles: Helidon's default (six quantiles per timer, HdrHistogram) is a
     * measurable share of a cached read's CPU under load (docs/performance.md), and quantiles of different instances
     * cannot be combined anyway.
     */
    static final Duration[] LATENCY_BUCKETS = {
            Duration.ofNanos(250_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofNanos(2_500_000),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2_500), Duration.ofSeconds(5)};

    static MeterRegistry registry() {
        return Metrics.globalRegistry();
    }

    /** The template of an operations path ({@code /observe/health}, {@code /observe/metrics}), or {@code other}. */
    static String routeTemplate(String path) {
        if (path.startsWith("/observe/health")) {
            return "/observe/health";
        }
        return path.startsWith("/observe/metrics") ? "/observe/metrics" : "other";
    }

    /** Health (liveness, readiness with the database check) and metrics under {@code /observe}. */
    static ObserveFeature observe(Supplier<HeroDatabase> database) {
        HealthObserver health = HealthObserver.builder()
                .useSystemServices(false)
                .details(true)
                .addCheck(databaseCheck(database))
                .build();
        return ObserveFeature.just(health, MetricsObserver.create());
    }

    /** Times every answered request for the metrics and writes the access log. */
    static HeroWeb.AnswerListener requestTelemetry() {
        return new RequestTelemetry(registry());
    }

    /** The store, timed per call ({@code hero.db.calls}, tagged with the operation). */
    static Heroes timed(Heroes heroes) {
        return new TimedHeroes(heroes, registry());
    }

    private static HealthCheck databaseCheck(Supplier<HeroDatabase> database) {
        return new HealthCheck() {
            @Override
            public HealthCheckType type() {
                return HealthCheckType.READINESS;
            }

            @Override
            public String name() {
                return "database";
            }

            @Override
            public HealthCheckResponse call() {
                return HealthCheckResponse.builder().status(database.get().isReachable(DATABASE_CHECK_TIMEOUT)).build();
            }
        };
    }
}
