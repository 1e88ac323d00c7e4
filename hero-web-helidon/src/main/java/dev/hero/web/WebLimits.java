package dev.hero.web;

import io.helidon.common.config.Config;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * The limits of the HTTP edge, each answered as JSON: Hero's own keys under {@code hero.http} and their defaults,
 * the one place either is written. {@link HeroWeb} applies them to the server, then hands it the {@code server}
 * section of the configuration, so where Helidon has a key of its own ({@code server.max-payload-size},
 * {@code server.idle-connection-timeout}, ...) that key, when set, wins.
 *
 * @param maxBodyBytes       the largest request body, in bytes; larger gets 413 ({@code hero.http.body.limit})
 * @param concurrentRequests requests handled at once; the next gets 503 with {@code Retry-After} at once instead of
 *                           waiting in a queue without bound ({@code hero.http.concurrent.limit})
 * @param headerBytes        all request headers together; more gets 431 or 400 ({@code hero.http.header.limit})
 * @param requestLineBytes   the request line (method, path and query); more gets 414 ({@code hero.http.line.limit})
 * @param readTimeout        the longest a client may take to send a request body, or sit idle between requests, or
 *                           stall in its request line, before it is disconnected ({@code hero.http.read.timeout}, ms)
 * @param shutdownGrace      on stop, how long requests in flight may take to finish while new ones are turned away
 *                           with 503 ({@code hero.http.shutdown.grace}, ms)
 */
public record WebLimits(long maxBodyBytes, int concurrentRequests, int headerBytes, int requestLineBytes,
                        Duration readTimeout, Duration shutdownGrace) {

    public static final long DEFAULT_MAX_BODY_BYTES = 1_048_576;
    public static final int DEFAULT_CONCURRENT_REQUESTS = 512;
    public static final int DEFAULT_HEADER_BYTES = 16 * 1024;
    public static final int DEFAULT_REQUEST_LINE_BYTES = 8 * 1024;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    /** A body is buffered in one byte array, so it cannot be larger than the largest array. */
    static final long LARGEST_BODY_BYTES = Integer.MAX_VALUE - 8;

    public WebLimits {
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        require(maxBodyBytes >= 1 && maxBodyBytes <= LARGEST_BODY_BYTES, "hero.http.body.limit", maxBodyBytes,
                "between 1 and " + LARGEST_BODY_BYTES + " bytes");
        require(concurrentRequests >= 1, "hero.http.concurrent.limit", concurrentRequests, "at least 1");
        require(headerBytes >= 1024, "hero.http.header.limit", headerBytes, "at least 1024 bytes");
        require(requestLineBytes >= 256, "hero.http.line.limit", requestLineBytes, "at least 256 bytes");
        require(readTimeout.isPositive(), "hero.http.read.timeout", readTimeout.toMillis(), "a positive number of milliseconds");
        require(!shutdownGrace.isNegative(), "hero.http.shutdown.grace", shutdownGrace.toMillis(), "0 or more milliseconds");
    }

    public static WebLimits defaults() {
        return new WebLimits(DEFAULT_MAX_BODY_BYTES, DEFAULT_CONCURRENT_REQUESTS, DEFAULT_HEADER_BYTES,
                DEFAULT_REQUEST_LINE_BYTES, DEFAULT_READ_TIMEOUT, DEFAULT_SHUTDOWN_GRACE);
    }

    /** The {@code hero.http.*} keys of this configuration (its root), the defaults where a key is absent. */
    public static WebLimits from(Config config) {
        Config http = config.root().get("hero.http");
        return new WebLimits(
                number(http.get("body.limit"), DEFAULT_MAX_BODY_BYTES),
                intNumber(http.get("concurrent.limit"), DEFAULT_CONCURRENT_REQUESTS),
                intNumber(http.get("header.limit"), DEFAULT_HEADER_BYTES),
                intNumber(http.get("line.limit"), DEFAULT_REQUEST_LINE_BYTES),
                Duration.ofMillis(number(http.get("read.timeout"), DEFAULT_READ_TIMEOUT.toMillis())),
                Duration.ofMillis(number(http.get("shutdown.grace"), DEFAULT_SHUTDOWN_GRACE.toMillis())));
    }

    /** The same limits with another body size. */
    public WebLimits withMaxBodyBytes(long bytes) {
        return new WebLimits(bytes, concurrentRequests, headerBytes, requestLineBytes, readTimeout, shutdownGrace);
    }

    /** The key's whole number, or the default where it is absent. */
    private static long number(Config key, long defaultValue) {
        String value = key.asString().orElse(null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(named(key.key().toString()) + " must be a whole number, not '" + value + "'");
        }
    }

    /** {@link #number}, where a value past the largest int counts as the largest (the checks above bound it anyway). */
    private static int intNumber(Config key, int defaultValue) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number(key, defaultValue)));
    }

    private static void require(boolean valid, String key, long value, String range) {
        if (!valid) {
            throw new IllegalArgumentException(named(key) + " must be " + range + ", not " + value);
        }
    }

    /** {@code hero.http.body.limit (HERO_HTTP_BODY_LIMIT)}: the key and the environment variable that sets it. */
    private static String named(String key) {
        return key + " (" + key.toUpperCase(Locale.ROOT).replace('.', '_') + ")";
    }
}
