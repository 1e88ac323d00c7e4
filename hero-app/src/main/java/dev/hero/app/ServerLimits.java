package dev.hero.app;

import io.helidon.common.concurrency.limits.FixedLimit;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;

import java.time.Duration;

/**
 * The HTTP server's own limits, below routing; each answered as JSON by the web adapter's direct handler.
 *
 * @param concurrentRequests requests handled at once; the next one gets 503 with {@code Retry-After} at
 *                           once instead of queueing without bound ({@code hero.http.concurrent.limit})
 * @param headerBytes        all request headers together; more gets 431 or 400 ({@code hero.http.header.limit})
 * @param requestLineBytes   the request line (method, path and query); more gets 414 ({@code hero.http.line.limit})
 * @param readTimeout        longest a connection may sit idle between requests or stalled in its request line before
 *                           the server closes it ({@code hero.http.read.timeout}; the same key bounds a request body's
 *                           arrival, see {@link dev.hero.web.WebLimits#bodyTimeout()})
 * @param shutdownGrace      on stop (SIGTERM), how long requests in flight may take to finish while new ones are turned
 *                           away with 503 ({@code hero.http.shutdown.grace}; see {@link GracefulStop})
 */
record ServerLimits(int concurrentRequests, int headerBytes, int requestLineBytes, Duration readTimeout, Duration shutdownGrace) {

    static final int DEFAULT_CONCURRENT_REQUESTS = 512;
    static final int DEFAULT_HEADER_BYTES = 16 * 1024;
    static final int DEFAULT_REQUEST_LINE_BYTES = 8 * 1024;
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);

    ServerLimits {
        if (concurrentRequests < 1 || headerBytes < 1024 || requestLineBytes < 256
                || readTimeout.isNegative() || readTimeout.isZero() || shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("Server limits out of range: " + concurrentRequests + " concurrent requests, "
                    + headerBytes + " header bytes (>= 1024), " + requestLineBytes + " request-line bytes (>= 256), read timeout "
                    + readTimeout + ", shutdown grace " + shutdownGrace);
        }
    }

    void applyTo(WebServerConfig.Builder server) {
        server.concurrencyLimit(FixedLimit.builder().permits(concurrentRequests).build())
                // Helidon closes connections idle (or stalled in the request line) longer than this; it checks
                // every quarter of it, so a connection goes between 1 and 1.25 timeouts after its last byte
                .idleConnectionTimeout(readTimeout)
                .idleConnectionPeriod(readTimeout.dividedBy(4))
                // only this HTTP/1.1 configuration: with the discovered default beside it, a malformed request
                // line went unanswered (closed) instead of getting the JSON 400 (HostileInputFuzzTest)
                .protocolsDiscoverServices(false)
                .addProtocol(Http1Config.builder()
                        .maxHeadersSize(headerBytes)
                        .maxPrologueLength(requestLineBytes)
                        .build());
    }
}
