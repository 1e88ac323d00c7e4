package dev.hero.app;

import dev.hero.web.HeroWeb;
import io.helidon.common.uri.UriPath;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Times each request once: a timer {@code hero.http.requests} tagged with method, route template (never the
 * raw path: {@code /heroes/{hero_id}}, not {@code /heroes/7}) and status, and one access log line
 * {@code GET /heroes/7 200 1.234 ms} on the logger {@code dev.hero.access} (INFO; set it to OFF to switch the
 * log off). Never a query, a header or a body: a body may hold a secret name. The path is client text too, so
 * the log shows what the web adapter says is harmless ({@link HeroWeb#route}: a hero's numeric id), else the route
 * template ({@code /heroes/{hero_id}} for {@code /heroes/abc}, {@code other} for a path no route serves).
 */
final class RequestTelemetry implements Filter {

    static final Logger ACCESS = Logger.getLogger("dev.hero.access");

    private final MeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    RequestTelemetry(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        long started = System.nanoTime();
        // read before routing: a service registered under a path (the /docs files) sees a shortened path
        HeroWeb.Route route = route(request.path());
        try {
            chain.proceed();
        } finally {
            long nanos = System.nanoTime() - started;
            String method = method(request.prologue().method().text());
            int status = response.status().code();
            timers.computeIfAbsent(new Key(method, route.template(), status), this::timer).record(nanos, TimeUnit.NANOSECONDS);
            if (ACCESS.isLoggable(Level.INFO)) {
                ACCESS.log(Level.INFO, line(method, route.loggedPath(), status, nanos));
            }
        }
    }

    private Timer timer(Key key) {
        return registry.getOrCreate(Timer.builder("hero.http.requests")
                .percentiles(new double[0])
                .buckets(Operations.LATENCY_BUCKETS)
                .description("HTTP requests by method, route template and status")
                .tags(List.of(Tag.create("method", key.method()), Tag.create("route", key.route()),
                        Tag.create("status", String.valueOf(key.status())))));
    }

    /** A client may send any method name: only the known ones become tags. */
    private static String method(String method) {
        return switch (method) {
            case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE" -> method;
            default -> "other";
        };
    }

    /** {@code GET /heroes/7 200 1.234 ms}, built by hand: MessageFormat is slow for a line per request (docs/performance.md). */
    static String line(String method, String path, int status, long nanos) {
        long micros = nanos / 1_000;
        long fraction = micros % 1_000;
        return new StringBuilder(method.length() + path.length() + 24)
                .append(method).append(' ').append(path).append(' ').append(status).append(' ')
                .append(micros / 1_000).append('.')
                .append(fraction < 100 ? (fraction < 10 ? "00" : "0") : "").append(fraction)
                .append(" ms").toString();
    }

    /**
     * The route a path belongs to: the web adapter's (it owns the API's URL space), else one of the operations
     * endpoints this module adds, else {@code other} (no route serves it).
     */
    static HeroWeb.Route route(UriPath path) {
        return HeroWeb.route(path).orElseGet(() -> {
            String template = Operations.routeTemplate(path.path());
            return new HeroWeb.Route(template, template);
        });
    }

    private record Key(String method, String route, int status) {
    }
}
