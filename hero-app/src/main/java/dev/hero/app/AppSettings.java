package dev.hero.app;

import dev.hero.persistence.jooq.DatabaseSettings;
import io.helidon.config.Config;

import java.time.Duration;

/**
 * What Hero is started with: the configuration, from system properties, environment variables ({@code SERVER_PORT}
 * for {@code server.port}, {@code HERO_DB_URL} for {@code hero.db.url}), then {@code application.yaml} on the class
 * path, strongest first. This class reads the database keys; the web adapter reads {@code server.*} and
 * {@code hero.http.*} itself. Every default is written once, in the code that owns the key.
 *
 * @param config   the whole configuration
 * @param database the database keys ({@code hero.db.*})
 */
record AppSettings(Config config, DatabaseSettings database) {

    static AppSettings load() {
        return from(Config.create());
    }

    static AppSettings from(Config config) {
        Config db = config.get("hero.db");
        return new AppSettings(config, new DatabaseSettings(
                db.get("url").asString().orElse(DatabaseSettings.DEFAULT_URL),
                db.get("user").asString().orElse(""),
                db.get("password").asString().orElse(""),
                db.get("pool.size").asInt().orElse(DatabaseSettings.DEFAULT_POOL_SIZE),
                db.get("timeout").asLong().map(Duration::ofMillis).orElse(DatabaseSettings.DEFAULT_TIMEOUT)));
    }
}
