package dev.hero.app;

import dev.hero.domain.model.CommandValidator;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.port.in.HeroUseCases;
import dev.hero.domain.service.HeroService;
import dev.hero.persistence.jooq.HeroDatabase;
import dev.hero.web.HeroWeb;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The running service: the database adapter, the use cases and the web adapter, wired by hand, with operations around them. */
public final class HeroServer implements AutoCloseable {

    private static final Logger LOG = System.getLogger(HeroServer.class.getName());

    private final HeroDatabase database;
    private final HeroWeb web;
    private final WebServer webServer;

    private HeroServer(HeroDatabase database, HeroWeb web, WebServer webServer) {
        this.database = database;
        this.web = web;
        this.webServer = webServer;
    }

    /**
     * Migrates the database, then starts answering HTTP. The database opens (Flyway, the pools) on a thread of its own
     * while this one builds everything else: the validator, the metrics, the use cases over the database to be
     * ({@link OpeningHeroes}) and the web server, then prepares what of the opening needs no database. The server
     * listens only once the database is open; what the first list request does not need (the JSON shapes of a hero and
     * of the errors, the create and update commands' constraints) is done after that, on a thread of its own, rather
     * than before the first answer (docs/performance.md, "Start-up").
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
        HeroWeb web;
        WebServerConfig.Builder server;
        try {
            // Helidon's own parts (metrics, the web server's features) read the global configuration: the one Hero
            // was started with, rather than a second one that Helidon would build itself
            Config.global(settings.config());
            CommandValidator.warmUp(HeroQuery.class);
            HeroUseCases heroes = new HeroService(Operations.timed(new OpeningHeroes(opening)), settings.idempotencyTtl(),
                    Clock.systemUTC());
            web = HeroWeb.create(heroes, settings.config(), Operations.requestTelemetry());
            server = web.install(WebServer.builder().shutdownHook(false))
                    .addFeature(Operations.observe(opening::join));
            if (!opening.isDone()) {
                // this thread would only wait: meanwhile it does the part of the opening that needs no database
                HeroDatabase.prepare();
            }
        } catch (RuntimeException | Error e) {
            opening.thenAccept(HeroDatabase::close);
            throw e;
        }
        HeroDatabase database;
        try {
            database = opened(opening);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The database of hero.db.url (" + AppSettings.named("hero.db.url") + "): "
                    + e.getMessage(), e);
        }
        try {
            WebServer webServer = HeroWeb.start(server);
            LOG.log(Level.INFO, "Hero listening on http://{0}:{1,number,#} with database {2}, started in {3,number,#} ms",
                    webServer.prototype().host(), webServer.port(), database.describe(), (System.nanoTime() - started) / 1_000_000);
            Thread.ofPlatform().name("hero-warm-up").daemon().start(HeroServer::warmUpTheRest);
            return new HeroServer(database, web, webServer);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * What the first list of an empty table does not need, done once Hero answers rather than before: the JSON shapes
     * of a hero and of the error answers, and the create and update commands' constraints.
     */
    private static void warmUpTheRest() {
        try {
            HeroWeb.warmUp();
            CommandValidator.warmUp();
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Warming up after the start failed: " + e, e);
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
     * Drains and stops the web server (see {@link HeroWeb#stop}), closes the database, and logs "Hero stopped" after the
     * access lines of every request answered meanwhile.
     */
    @Override
    public void close() {
        try {
            web.stop(webServer);
        } finally {
            database.close();
        }
        LOG.log(Level.INFO, "Hero stopped");
    }
}
