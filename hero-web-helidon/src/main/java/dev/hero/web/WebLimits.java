package dev.hero.web;

/**
 * Limits the web adapter enforces on every request.
 *
 * @param maxBodyBytes the largest request body accepted, in bytes; a larger one is answered with 413.
 *                     Give the web server the same number as its max payload size, so that it refuses an
 *                     oversized body before reading it (see {@link HeroWeb}).
 */
public record WebLimits(long maxBodyBytes) {

    /** 1 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 1_048_576;

    /** A body is buffered in one byte array, so it cannot be larger than the largest array. */
    static final long LARGEST_BODY_BYTES = Integer.MAX_VALUE - 8;

    public WebLimits {
        if (maxBodyBytes < 1 || maxBodyBytes > LARGEST_BODY_BYTES) {
            throw new IllegalArgumentException("maxBodyBytes must be between 1 and " + LARGEST_BODY_BYTES + ", not " + maxBodyBytes);
        }
    }

    public static WebLimits defaults() {
        return new WebLimits(DEFAULT_MAX_BODY_BYTES);
    }
}
