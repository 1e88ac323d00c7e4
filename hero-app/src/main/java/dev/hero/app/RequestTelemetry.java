package dev.hero.app;

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
 * the log shows it only where it is known to be harmless, a hero route with a numeric id; any other path is
 * logged as its route template ({@code /heroes/{hero_id}} for {@code /heroes/abc}, {@code other} for a path
 * no route serves).
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
        String path = request.path().rawPath();
        try {
            chain.proceed();
        } finally {
            long nanos = System.nanoTime() - started;
            String method = method(request.prologue().method().text());
            int status = response.status().code();
            String route = route(path);
            timers.computeIfAbsent(new Key(method, route, status), this::timer).record(nanos, TimeUnit.NANOSECONDS);
            if (ACCESS.isLoggable(Level.INFO)) {
                ACCESS.log(Level.INFO, line(method, logged(path, route), status, nanos));
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

    /** {@code GET /heroes/7 200 1.234 ms}, built by hand: MessageFormat cost more than the request it described. */
    static String line(String method, String path, int status, long nanos) {
        long micros = nanos / 1_000;
        long fraction = micros % 1_000;
        return new StringBuilder(method.length() + path.length() + 24)
                .append(method).append(' ').append(path).append(' ').append(status).append(' ')
                .append(micros / 1_000).append('.')
                .append(fraction < 100 ? (fraction < 10 ? "00" : "0") : "").append(fraction)
                .append(" ms").toString();
    }

    /** What the access log shows of a path: the path itself for a numeric hero id, else its route template. */
    static String logged(String path, String route) {
        if (!route.equals("/heroes/{hero_id}")) {
            return route;
        }
        int end = path.endsWith("/") ? path.length() - 1 : path.length();
        int start = "/heroes/".length();
        if (end - start > 19) {
            return route;
        }
        for (int i = start; i < end; i++) {
            char c = path.charAt(i);
            if (c < '0' || c > '9') {
                return route;
            }
        }
        return path;
    }

    /** The route template of a path, by a few string checks (no regular expression per request). */
    static String route(String path) {
        int end = path.length() > 1 && path.endsWith("/") ? path.length() - 1 : path.length();
        if (path.startsWith("/heroes")) {
            if (end == "/heroes".length()) {
                return "/heroes/";
            }
            int slash = path.indexOf('/', "/heroes/".length());
            if (path.charAt("/heroes".length()) == '/' && (slash < 0 || slash == end)) {
                return "/heroes/{hero_id}";
            }
            return "other";
        }
        if (path.equals("/openapi.json")) {
            return path;
        }
        if (path.equals("/docs") || path.startsWith("/docs/")) {
            return "/docs";
        }
        if (path.startsWith("/observe/")) {
            return path.startsWith("/observe/health") ? "/observe/health" : path.startsWith("/observe/metrics") ? "/observe/metrics" : "other";
        }
        return "other";
    }

    private record Key(String method, String route, int status) {
    }
}
