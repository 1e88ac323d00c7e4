package dev.hero.app;

import dev.hero.domain.port.in.HeroUseCases;
import dev.hero.domain.rules.Rules;
import dev.hero.domain.service.HeroService;
import dev.hero.persistence.jooq.HeroDatabase;
import dev.hero.web.HeroWeb;
import io.helidon.common.mapper.MapperManager;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The running service: the database adapter, the use cases and the web server, wired by hand. */
public final class HeroServer implements AutoCloseable {

    private static final Logger LOG = System.getLogger(HeroServer.class.getName());

    static {
        // Helidon 4.2 looks the global MapperManager up in its service registry each time it builds path
        // parameters, on every /heroes/{hero_id} request, unless one has been set: 18 % of the CPU samples of the
        // get benchmark (docs/performance.md). Set once, here, before the first server starts.
        MapperManager.global(MapperManager.create());
    }

    private final HeroDatabase database;
    private final WebServer webServer;
    private final GracefulStop gracefulStop;
    private final Duration shutdownGrace;

    private HeroServer(HeroDatabase database, WebServer webServer, GracefulStop gracefulStop, Duration shutdownGrace) {
        this.database = database;
        this.webServer = webServer;
        this.gracefulStop = gracefulStop;
        this.shutdownGrace = shutdownGrace;
    }

    /**
     * Migrates the database, then starts answering HTTP. The database opens (Flyway, the pools) on a thread of
     * its own while this one prepares the rules, the JSON mapper and the web server: about half of the start-up
     * work overlaps (docs/performance.md, "Start-up").
     */
    static HeroServer start(AppSettings settings) {
        long started = System.nanoTime();
        CompletableFuture<HeroDatabase> opening = new CompletableFuture<>();
        Thread.ofPlatform().name("hero-open-database").daemon().start(() -> {
            try {
                opening.complete(HeroDatabase.open(settings.database()));
            } catch (Throwable e) {
                opening.completeExceptionally(e);
            }
        });
        HeroDatabase database;
        GracefulStop gracefulStop = new GracefulStop();
        WebServerConfig.Builder server = WebServer.builder();
        try {
            Rules.warmUp();
            HeroWeb.warmUp();
            settings.server().applyTo(server);
            server.host(settings.host())
                    .port(settings.port())
                    .shutdownHook(false)
                    .maxPayloadSize(settings.limits().maxBodyBytes())
                    .directHandlers(HeroWeb.directHandlers());
        } catch (RuntimeException | Error e) {
            opening.thenAccept(HeroDatabase::close);
            throw e;
        }
        database = opened(opening);
        try {
            HeroUseCases heroes = new HeroService(Operations.timed(database.heroes()));
            WebServer webServer = server
                    .addFeature(Operations.observe(database))
                    .routing(routing -> HeroWeb.routing(routing.addFilter(Operations.requestTelemetry()).addFilter(gracefulStop),
                            heroes, settings.limits()))
                    .build()
                    .start();
            LOG.log(Level.INFO, "Hero listening on http://{0}:{1,number,#} with database {2}, started in {3,number,#} ms",
                    settings.host(), webServer.port(), database.describe(), (System.nanoTime() - started) / 1_000_000);
            return new HeroServer(database, webServer, gracefulStop, settings.server().shutdownGrace());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** The opened database, or the exception that stopped it from opening, as thrown there. */
    private static HeroDatabase opened(CompletableFuture<HeroDatabase> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    public int port() {
        return webServer.port();
    }

    /**
     * Turns new requests away, lets the requests in flight finish (up to {@code hero.http.shutdown.grace}), stops
     * the web server, then closes the database.
     */
    @Override
    public void close() {
        try {
            if (!gracefulStop.drain(shutdownGrace)) {
                LOG.log(Level.WARNING, "{0} request(s) still in flight after the shutdown grace of {1} ms: stopping anyway",
                        gracefulStop.inFlight(), shutdownGrace.toMillis());
            }
            webServer.stop();
        } finally {
            database.close();
        }
        LOG.log(Level.INFO, "Hero stopped");
    }
}
