package dev.hero.app;

import dev.hero.domain.service.HeroService;
import dev.hero.persistence.jooq.DatabaseSettings;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.spi.ConfigSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What Hero is started with: the configuration, strongest first, from system properties, environment variables
 * ({@code SERVER_PORT} for {@code server.port}, {@code HERO_DB_URL} for {@code hero.db.url}), the file named by
 * {@code hero.config} / {@code HERO_CONFIG} if one is (else {@code application.yaml} in the working directory, if there
 * is one), then the built-in {@link #DEFAULTS}. This class reads the database keys; the web adapter reads
 * {@code server.*} and {@code hero.http.*} itself. Every default is written once, in the code that owns the key.
 *
 * @param config         the whole configuration
 * @param database       the database keys ({@code hero.db.*})
 * @param idempotencyTtl how long a create's {@code Idempotency-Key} holds ({@code hero.idempotency.ttl}, seconds)
 */
record AppSettings(Config config, DatabaseSettings database, Duration idempotencyTtl) {

    /** The system property naming a configuration file; {@code HERO_CONFIG} in the environment does the same. */
    static final String CONFIG_FILE_PROPERTY = "hero.config";

    /** About a hundred years: far enough for any use, near enough that an expiry always fits in epoch milliseconds. */
    private static final long MAX_TTL_SECONDS = 3_153_600_000L;

    static AppSettings load() {
        String file = System.getProperty(CONFIG_FILE_PROPERTY, System.getenv(named(CONFIG_FILE_PROPERTY)));
        if (file == null || file.isBlank()) {
            return from(sources(ConfigSources.file(WORKING_DIRECTORY_FILE).optional()));
        }
        return from(withFile(Path.of(file)));
    }

    /** The working directory's configuration file, read when {@code hero.config} names none. */
    static final String WORKING_DIRECTORY_FILE = "application.yaml";

    /** The sources with this file in place of the working directory's application.yaml. */
    static Config withFile(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException(CONFIG_FILE_PROPERTY + " (" + named(CONFIG_FILE_PROPERTY) + ") names "
                    + file.toAbsolutePath() + ", which is not a readable file: give the path of a YAML or .properties file, "
                    + "or leave it unset to use " + WORKING_DIRECTORY_FILE + " in the working directory");
        }
        return sources(ConfigSources.file(file));
    }

    /**
     * The defaults that differ from Helidon's own, weakest of all sources: the tutorial's port (Helidon's default
     * picks a free one). Every other default lives in the code that owns its key.
     */
    static final Map<String, String> DEFAULTS = Map.of("server.port", "8000");

    /**
     * System properties and environment variables (the builder adds both, strongest first), then the file, then
     * {@link #DEFAULTS}: exactly the sources the README lists, where {@code Config.create()} would also read Helidon's
     * meta-configuration and profile files. The defaults are a map rather than a YAML file in the jar, so that no YAML
     * parser loads unless the user's own file is YAML (docs/performance.md, "Start-up, profiled and cut").
     */
    private static Config sources(Supplier<? extends ConfigSource> file) {
        return Config.builder()
                .sources(file, ConfigSources.create(DEFAULTS))
                .build();
    }

    static AppSettings from(Config config) {
        Config db = config.get("hero.db");
        return new AppSettings(config, new DatabaseSettings(
                db.get("url").asString().orElse(DatabaseSettings.DEFAULT_URL),
                db.get("user").asString().orElse(""),
                db.get("password").asString().orElse(""),
                poolSize(db.get("pool.size")),
                timeout(db.get("timeout"))),
                idempotencyTtl(config.get("hero.idempotency.ttl")));
    }

    /** Whole seconds, at least one; a day by default ({@link HeroService#DEFAULT_IDEMPOTENCY_TTL}). */
    private static Duration idempotencyTtl(Config key) {
        String value = key.asString().orElse(null);
        if (value == null) {
            return HeroService.DEFAULT_IDEMPOTENCY_TTL;
        }
        try {
            long seconds = Long.parseLong(value.strip());
            if (seconds >= 1 && seconds <= MAX_TTL_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new IllegalArgumentException("hero.idempotency.ttl (HERO_IDEMPOTENCY_TTL) must be a whole number of seconds from 1 to "
                + MAX_TTL_SECONDS + " (86400 is a day), not '" + value + "'");
    }

    private static int poolSize(Config key) {
        String value = key.asString().orElse(null);
        if (value == null) {
            return DatabaseSettings.DEFAULT_POOL_SIZE;
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below, with the key
        }
        throw new IllegalArgumentException(
                "hero.db.pool.size (HERO_DB_POOL_SIZE) must be a whole number of connections, 1 or more, not '" + value + "'");
    }

    /** Milliseconds; the range is checked by {@link DatabaseSettings}, with the key's name. */
    private static Duration timeout(Config key) {
        String value = key.asString().orElse(null);
        if (value == null) {
            return DatabaseSettings.DEFAULT_TIMEOUT;
        }
        try {
            return Duration.ofMillis(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "hero.db.timeout (HERO_DB_TIMEOUT) must be a whole number of milliseconds, not '" + value + "'");
        }
    }

    /** The environment variable for a key: {@code hero.db.url} is {@code HERO_DB_URL}. */
    static String named(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }
}
