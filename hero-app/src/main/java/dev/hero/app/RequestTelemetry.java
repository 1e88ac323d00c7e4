package dev.hero.app;

import dev.hero.web.HeroWeb;
import io.helidon.common.uri.UriPath;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Times each answered request once, as the web adapter tells of it ({@link HeroWeb.AnswerListener}: the answers of the
 * routing, the drain's 503s included, and those the server gives below routing, such as a request shed by the
 * concurrency limit or a request line refused): a timer {@code hero.http.requests} tagged with method, route template (never the
 * raw path: {@code /heroes/{hero_id}}, not {@code /heroes/7}) and status, and one access log line
 * {@code GET /heroes/7 200 1.234 ms} on the logger {@code dev.hero.access} (INFO; set it to OFF to switch the
 * log off). Never a query, a header or a body: a body may hold a secret name. The path is client text too, so
 * the log shows what the web adapter says is harmless ({@link HeroWeb#route}: a hero's numeric id), else the route
 * template ({@code /heroes/{hero_id}} for {@code /heroes/abc}, {@code other} for a path no route serves, or none known).
 */
final class RequestTelemetry implements HeroWeb.AnswerListener {

    private static final HeroWeb.Route UNKNOWN = new HeroWeb.Route("other", "other");

    static final Logger ACCESS = Logger.getLogger(HeroLogHandler.ACCESS_LOGGER);

    private final MeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    RequestTelemetry(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void answered(HeroWeb.Answer answer) {
        HeroWeb.Route route = answer.path().map(RequestTelemetry::route).orElse(UNKNOWN);
        String method = method(answer.method());
        timers.computeIfAbsent(new Key(method, route.template(), answer.status()), this::timer)
                .record(answer.nanos(), TimeUnit.NANOSECONDS);
        if (ACCESS.isLoggable(Level.INFO)) {
            ACCESS.log(Level.INFO, line(method, route.loggedPath(), answer.status(), answer.nanos()));
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
