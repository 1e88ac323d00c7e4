package dev.hero.web;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits the web adapter enforces on every request.
 *
 * @param maxBodyBytes the largest request body accepted, in bytes; a larger one is answered with 413.
 *                     Give the web server the same number as its max payload size, so that it refuses an
 *                     oversized body before reading it (see {@link HeroWeb}).
 * @param bodyTimeout  the longest a client may take to send a whole request body once its headers are in; a
 *                     client still sending after it is disconnected (answered 408 if it can still hear), so a
 *                     slow sender cannot hold one of the server's request slots for long
 */
public record WebLimits(long maxBodyBytes, Duration bodyTimeout) {

    /** 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1_048_576;

    /** 30 seconds. */
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofSeconds(30);

    /** A body is buffered in one byte array, so it cannot be larger than the largest array. */
    static final long LARGEST_BODY_BYTES = Integer.MAX_VALUE - 8;

    public WebLimits {
        if (maxBodyBytes < 1 || maxBodyBytes > LARGEST_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + LARGEST_BODY_BYTES + ", not " + maxBodyBytes);
        }
        Objects.requireNonNull(bodyTimeout, "bodyTimeout");
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("bodyTimeout must be positive, not " + bodyTimeout);
        }
    }

    /** The given body size limit with the default body timeout. */
    public WebLimits(long maxBodyBytes) {
        this(maxBodyBytes, DEFAULT_BODY_TIMEOUT);
    }

    public static WebLimits defaults() {
        return new WebLimits(DEFAULT_MAX_BODY_BYTES, DEFAULT_BODY_TIMEOUT);
    }
}
