package dev.hero.web;

import dev.hero.domain.port.in.HeroUseCases;
import io.helidon.common.concurrency.limits.FixedLimit;
import io.helidon.common.config.Config;
import io.helidon.common.config.ConfigException;
import io.helidon.common.uri.UriPath;
import io.helidon.http.DirectHandler.EventType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Hero REST API on Helidon SE, and the whole HTTP edge around it: the one public entry point of the web adapter.
 * <pre>{@code
 * HeroWeb web = HeroWeb.create(heroes, config);                 // the use cases, the root configuration
 * WebServer server = web.install(WebServer.builder()).build().start();
 * ...
 * web.stop(server);                                              // drains, then stops
 * }</pre>
 * {@link #install} sets up everything HTTP: Helidon's own {@code server.*} keys, Hero's limits ({@link WebLimits}) where
 * Helidon's key for the same limit is not set, the answers the server gives below routing (as JSON), the routes of the API and of its
 * self-description, the one error mapper and the drain on stop; every answer, those below routing included, is told
 * to the {@link AnswerListener}s given to {@code create}, and a connection ends after each answer that says
 * {@code Connection: close}. {@link #route} names the route a request belongs to, for metrics and logs. Routes, error
 * shapes and decisions: docs/web.md.
 */
public final class HeroWeb {

    private static final Logger LOG = System.getLogger(HeroWeb.class.getName());
    /** After the stop closed their connections, how long requests cut off may take to finish their filters (the answer reported). */
    private static final Duration UNWIND_PATIENCE = Duration.ofSeconds(1);
    /** After the routing of the last request returned, how long its connection may take to end the exchange. */
    private static final Duration EXCHANGE_END = Duration.ofMillis(100);

    private final HeroUseCases heroes;
    private final WebLimits limits;
    private final Config serverConfig;
    private final Exchanges exchanges;
    private final Drain drain = new Drain();

    private HeroWeb(HeroUseCases heroes, WebLimits limits, Config serverConfig, List<AnswerListener> listeners) {
        this.heroes = Objects.requireNonNull(heroes, "heroes");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.serverConfig = serverConfig;
        this.exchanges = new Exchanges(listeners);
    }

    /**
     * The API over these use cases, configured by {@code hero.http.*} (see {@link WebLimits}) and Helidon's own
     * {@code server.*} keys (host, port, ...) of this root configuration.
     *
     * @param listeners told of every answer the server gives (telemetry, say): see {@link AnswerListener}
     */
    public static HeroWeb create(HeroUseCases heroes, Config config, AnswerListener... listeners) {
        return new HeroWeb(heroes, WebLimits.from(config), config.root().get("server"), List.of(listeners));
    }

    /** The API with these limits and nothing else configured (the server's host and port are the caller's). */
    public static HeroWeb create(HeroUseCases heroes, WebLimits limits, AnswerListener... listeners) {
        return new HeroWeb(heroes, limits, Config.empty(), List.of(listeners));
    }

    /**
     * Sets the server up for the API: Helidon's {@code server.*} configuration, then Hero's limits where Helidon's own
     * key is not set, the direct handlers and the routing. The caller may add features (observability) and must not replace the default routing.
     */
    public WebServerConfig.Builder install(WebServerConfig.Builder server) {
        requirePortNumber();
        try {
            server.config(serverConfig);
        } catch (ConfigException e) {
            throw new IllegalArgumentException("The server section of the configuration has a value Helidon cannot read: "
                    + e.getMessage().split(": Invocation of mapper")[0], e);
        }
        // Hero's limits where Helidon's own key is not set (Helidon binds it, when set, above)
        unlessConfigured("max-payload-size", () -> server.maxPayloadSize(limits.maxBodyBytes()));
        unlessConfigured("concurrency-limit",
                () -> server.concurrencyLimit(FixedLimit.builder().permits(limits.concurrentRequests()).build()));
        // each open connection holds ~15 KiB of heap even when idle or stalled mid-request: past this many, Helidon stops
        // accepting, and new connections wait in the listen backlog until one closes, instead of the heap running out
        unlessConfigured("max-tcp-connections", () -> server.maxTcpConnections(connectionLimit(Runtime.getRuntime().maxMemory())));
        // Helidon closes connections idle (or stalled in the request line) longer than this; it checks every quarter
        // of it, so a connection goes between 1 and 1.25 timeouts after its last byte
        unlessConfigured("idle-connection-timeout", () -> server.idleConnectionTimeout(limits.readTimeout())
                .idleConnectionPeriod(limits.readTimeout().dividedBy(4)));
        // only this HTTP/1.1 configuration: with the discovered default beside it, a malformed request line went
        // unanswered (closed) instead of getting the JSON 400
        unlessConfigured("protocols", () -> server.protocolsDiscoverServices(false)
                .protocols(List.of(Http1Config.builder()
                        .maxHeadersSize(limits.headerBytes())
                        .maxPrologueLength(limits.requestLineBytes())
                        .addReceiveListener(exchanges.receiveListener())
                        .build())));
        server.directHandlers(directHandlers(exchanges));
        WebLimits effective = limits.withMaxBodyBytes(server.maxPayloadSize());
        return server.routing(routing -> routing(routing, effective));
    }

    /** The routing alone, as {@link #install} sets it up, for a server or a test that brings its own. */
    public void routing(HttpRouting.Builder routing) {
        routing(routing, limits);
    }

    /**
     * Builds the server set up by {@link #install} (and whatever the caller added) and starts it. A port it cannot listen
     * on (in use, or an address this machine does not have) fails here with one line naming the address and the keys to
     * change, rather than with Helidon's stack trace and a server that does not listen.
     *
     * @throws IllegalStateException when the server cannot listen
     */
    public static WebServer start(WebServerConfig.Builder server) {
        WebServerConfig config = server.buildPrototype();
        // tried first: Helidon logs a failed bind as a stack trace and returns a server that is not running
        if (config.port() != 0) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(config.host(), config.port()));
            } catch (IOException e) {
                throw cannotListen(config, e.getMessage());
            }
        }
        WebServer started = WebServer.create(config).start();
        if (!started.isRunning()) {
            throw cannotListen(config, "see the error above");
        }
        return started;
    }

    private static IllegalStateException cannotListen(WebServerConfig config, String reason) {
        return new IllegalStateException("Cannot listen on " + config.host() + ":" + config.port() + " (" + reason + "): "
                + "stop the program that holds the port, or set server.port (SERVER_PORT) to a free port (0 picks one)"
                + " and server.host (SERVER_HOST) to an address of this machine");
    }

    /**
     * Turns new requests away (503 with {@code Retry-After}, connection closed, readiness down), lets the requests in
     * flight finish for up to {@code hero.http.shutdown.grace}, then stops the server. Helidon's own stop alone would
     * cut them off. A request still running after the grace is cut off: answered 503 if its answer has not started,
     * named in a warning, and given a moment to unwind so that the access log still shows it.
     */
    public void stop(WebServer server) {
        if (drain.drain(limits.shutdownGrace())) {
            // the last answers are written; their connections finish the exchange just after the routing returns (the
            // request's entity), and the stop would interrupt them there ("Failed to wait for pipeline" in the log)
            pause(EXCHANGE_END);
        } else {
            List<String> cutOff = drain.cutOff();
            LOG.log(Level.WARNING, "Shutdown grace of {0,number,#} ms over; cutting off {1} request(s) still in flight: {2}",
                    limits.shutdownGrace().toMillis(), cutOff.size(), String.join(", ", cutOff));
        }
        server.stop();
        drain.awaitIdle(UNWIND_PATIENCE);
    }

    /**
     * The route of the API serving this path, as metrics and logs should name it, if the adapter has one.
     *
     * @param path the request's path, read before routing (a service registered under a path sees a shorter one)
     */
    public static Optional<Route> route(UriPath path) {
        return WebRoutes.resolve(path.path()).map(route -> new Route(route.template(), logged(route, path.rawPath())));
    }

    /**
     * Loads and initialises what the first request would otherwise wait for (the JSON mapper, the hero's public
     * shape, the error shapes). Optional: call it while something else starts, such as the database.
     */
    public static void warmUp() {
        Json.prepare(HeroPublic.class, Deleted.class, Detail.class, Problem.class, ProblemDetails.class);
        Json.parse(Json.write(new Detail("Warm-up")));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Helidon's own message for a port that is no number names a mapper class; this one says what a port may be. */
    private void requirePortNumber() {
        String port = serverConfig.get("port").asString().orElse(null);
        if (port == null) {
            return;
        }
        int number;
        try {
            number = Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 0 || number > 65_535) {
            throw new IllegalArgumentException(
                    "server.port (SERVER_PORT) must be a port number from 0 to 65535 (0 picks a free one), not '" + port + "'");
        }
    }

    /** Heap reserved per open connection by {@link #connectionLimit}: measured at ~15 KiB for a stalled request. */
    static final int CONNECTION_HEAP_BYTES = 16 * 1024;

    /**
     * How many connections may be open at once: as many as a quarter of the heap holds at {@link #CONNECTION_HEAP_BYTES}
     * each, at least 64 (640 with the runtime image's 40 MiB heap). Helidon's {@code server.max-tcp-connections} overrides it.
     */
    static int connectionLimit(long maxHeapBytes) {
        return (int) Math.max(64, Math.min(Integer.MAX_VALUE, maxHeapBytes / 4 / CONNECTION_HEAP_BYTES));
    }

    private void unlessConfigured(String helidonKey, Runnable applyHeroLimit) {
        if (!serverConfig.get(helidonKey).exists()) {
            applyHeroLimit.run();
        }
    }

    private void routing(HttpRouting.Builder routing, WebLimits effective) {
        routing.addFilter(drain.tracker());
        routing.addFilter(exchanges.filter());
        routing.addFilter(drain.gate());
        new HeroEndpoints(heroes, new JsonBodies(effective)).register(routing);
        new SelfDescription().register(routing);
        ErrorMapper.register(routing);
    }

    /**
     * Answers the errors the server detects itself, before or outside routing (a malformed request line or header, a
     * header too large, a body over the max payload size, the concurrency limit), with a JSON body.
     */
    private static DirectHandlers directHandlers(Exchanges exchanges) {
        DirectHandlers.Builder builder = DirectHandlers.builder();
        JsonDirectHandler handler = new JsonDirectHandler(exchanges);
        for (EventType type : EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    /** The path itself for a hero with a numeric id (harmless and useful); any other path as its route template. */
    private static String logged(WebRoutes.Route route, String rawPath) {
        if (route != WebRoutes.HERO) {
            return route.template();
        }
        int end = rawPath.endsWith("/") ? rawPath.length() - 1 : rawPath.length();
        int start = rawPath.lastIndexOf('/', end - 1) + 1;
        if (end - start > 19) {
            return route.template();
        }
        for (int i = start; i < end; i++) {
            char c = rawPath.charAt(i);
            if (c < '0' || c > '9') {
                return route.template();
            }
        }
        return rawPath;
    }

    /**
     * The route a request belongs to.
     *
     * @param template   its template, such as {@code /heroes/{hero_id}}: a bounded set, fit for a metric's tag
     * @param loggedPath what an access log may show of the path: the path itself where it is known to be harmless (a
     *                   hero's numeric id), else the template; never a query
     */
    public record Route(String template, String loggedPath) {
    }

    /**
     * Told of every answer the server gives, once: each answer of the routing (the drain's 503s included) when its
     * filters are done, and each answer the server gives below routing, where no filter runs (a request shed by the
     * concurrency limit; a request line, header section or declared body size the server refuses) as it is given. What
     * an access log and request metrics are made from. Called on the request's own thread: it should be quick.
     */
    @FunctionalInterface
    public interface AnswerListener {
        void answered(Answer answer);
    }

    /**
     * One answer given.
     *
     * @param method as the client sent it; empty when the request line could not be read
     * @param path   as the client sent it, read before routing ({@link #route} names its route); empty when the request
     *               line could not be read, or the path does not decode
     * @param status the status answered
     * @param nanos  for an answer of the routing, from its first filter to the end of its last; for one given below
     *               routing, from when its request line was read (0 when it could not be)
     */
    public record Answer(String method, Optional<UriPath> path, int status, long nanos) {
    }
}
