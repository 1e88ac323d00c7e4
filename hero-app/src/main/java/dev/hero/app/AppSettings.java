package dev.hero.app;

import dev.hero.persistence.jooq.DatabaseSettings;
import dev.hero.web.WebLimits;
import io.helidon.config.Config;

import java.time.Duration;

/**
 * Every configuration key of Hero, read in one place. Sources, strongest first: system properties,
 * environment variables ({@code SERVER_PORT} for {@code server.port}, {@code HERO_DB_URL} for
 * {@code hero.db.url}), then {@code application.yaml} on the class path.
 */
record AppSettings(String host, int port, DatabaseSettings database, WebLimits limits, ServerLimits server) {

    static AppSettings load() {
        return from(Config.create());
    }

    static AppSettings from(Config config) {
        Config db = config.get("hero.db");
        return new AppSettings(
                config.get("server.host").asString().orElse("0.0.0.0"),
                config.get("server.port").asInt().orElse(8000),
                new DatabaseSettings(
                        db.get("url").asString().orElse("jdbc:sqlite:database.db"),
                        db.get("user").asString().orElse(""),
                        db.get("password").asString().orElse(""),
                        db.get("pool.size").asInt().orElse(10)),
                new WebLimits(config.get("hero.http.body.limit").asLong().orElse(WebLimits.DEFAULT_MAX_BODY_BYTES),
                        readTimeout(config)),
                new ServerLimits(
                        config.get("hero.http.concurrent.limit").asInt().orElse(ServerLimits.DEFAULT_CONCURRENT_REQUESTS),
                        config.get("hero.http.header.limit").asInt().orElse(ServerLimits.DEFAULT_HEADER_BYTES),
                        config.get("hero.http.line.limit").asInt().orElse(ServerLimits.DEFAULT_REQUEST_LINE_BYTES),
                        readTimeout(config),
                        Duration.ofMillis(config.get("hero.http.shutdown.grace").asLong()
                                .orElse(ServerLimits.DEFAULT_SHUTDOWN_GRACE.toMillis()))));
    }

    private static Duration readTimeout(Config config) {
        return Duration.ofMillis(config.get("hero.http.read.timeout").asLong().orElse(ServerLimits.DEFAULT_READ_TIMEOUT.toMillis()));
    }
}
