package dev.hero.web;

import io.helidon.common.uri.UriPath;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http1.Http1ConnectionListener;

import java.util.List;
import java.util.Optional;

/**
 * Every answer the server gives, told once to the {@link HeroWeb.AnswerListener}s, and the connection closed after each
 * answer that says {@code Connection: close}.
 *
 * <p>Answers come from two places. Those of the routing, the drain's 503s included, pass the {@linkplain #filter()
 * filter}. Those the server gives below routing, where no filter runs (a request shed by the concurrency limit, a request
 * line, header section or declared body the server refuses), pass the {@link JsonDirectHandler}, on the connection's
 * own thread; what is known of such a request by then (its method and path, when its request line was read) this class
 * learns as the server reads it, as a {@linkplain #receiveListener() listener of the HTTP/1.1 connection}.
 *
 * <p>Helidon 4.2 writes an answer's {@code Connection: close} but goes on reading the connection for a next request
 * until the client closes it or the idle timeout passes (30 s by default); only its own answers below routing end the
 * connection. So the filter ends it after each answer that says so ({@link CloseConnectionException}, Helidon's
 * signal for it): a client that reads to the end of the stream gets the end at once, and the bytes of a body left
 * unread (a 413, a 503 before the body) are never read as a next request.
 */
final class Exchanges {

    /** On a connection's thread while its request is being routed: the filter reports the answer, not the direct handler. */
    private static final Object ROUTING = new Object();

    /** The request of this connection's thread: {@link Started} once its request line is read, {@link #ROUTING} while routed. */
    private final ThreadLocal<Object> current = new ThreadLocal<>();
    private final List<HeroWeb.AnswerListener> listeners;

    Exchanges(List<HeroWeb.AnswerListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** Learns each request line as the server reads it, before its headers, its limits and its routing. */
    Http1ConnectionListener receiveListener() {
        return new Http1ConnectionListener() {
            @Override
            public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
                current.set(new Started(prologue, System.nanoTime()));
            }

            @Override
            public void headers(ConnectionContext ctx, Headers headers) {
                if (current.get() instanceof Started started) {
                    started.headersRead = true;
                }
            }
        };
    }

    /**
     * Reports each routed answer once its filters are done, then closes the connection if the answer said
     * {@code Connection: close} (asked by the client, or ours: a body left unread, the drain).
     */
    Filter filter() {
        return (chain, request, response) -> {
            long started = System.nanoTime();
            // read before routing: a service registered under a path (the /docs files) sees a shortened path
            HttpPrologue prologue = request.prologue();
            current.set(ROUTING);
            try {
                chain.proceed();
            } finally {
                current.remove();
                report(new HeroWeb.Answer(prologue.method().text(), Optional.of(prologue.uriPath()),
                        response.status().code(), System.nanoTime() - started));
            }
            if (response.isSent() && response.headers().contains(HeaderValues.CONNECTION_CLOSE)) {
                throw new CloseConnectionException("The answer said Connection: close");
            }
        };
    }

    /**
     * The server answers below routing with this status, on the connection's thread (the connection ends after it).
     * Answers the routing gives through the direct handler (a malformed body) are the filter's to report.
     */
    void answeredBelowRouting(int status) {
        Object request = current.get();
        if (request == ROUTING) {
            return;
        }
        current.remove();
        if (request instanceof Started started) {
            report(new HeroWeb.Answer(started.prologue().method().text(), readablePath(started.prologue()), status,
                    System.nanoTime() - started.nanos()));
        } else {
            // the request line itself could not be read (malformed, too long): nothing is known of the request
            report(new HeroWeb.Answer("", Optional.empty(), status, 0));
        }
    }

    /**
     * Whether the request of this thread has its request line read but not its header section: what Helidon 4.2 fails
     * with then, other than a malformed header (a 400 of its own), is the client's end of the connection (the end of the
     * stream, a reset), which it answers as an internal error, 500, and logs as a warning.
     */
    boolean endedInItsHeaders() {
        return current.get() instanceof Started started && !started.headersRead;
    }

    private void report(HeroWeb.Answer answer) {
        for (HeroWeb.AnswerListener listener : listeners) {
            listener.answered(answer);
        }
    }

    /** The path of a request refused below routing, unless it does not decode (a bad percent-encoding, the reason for a 400). */
    private static Optional<UriPath> readablePath(HttpPrologue prologue) {
        try {
            UriPath path = prologue.uriPath();
            path.path();
            return Optional.of(path);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A request whose line has been read, on its connection's thread. */
    private static final class Started {
        private final HttpPrologue prologue;
        private final long nanos;
        private boolean headersRead;

        Started(HttpPrologue prologue, long nanos) {
            this.prologue = prologue;
            this.nanos = nanos;
        }

        HttpPrologue prologue() {
            return prologue;
        }

        long nanos() {
            return nanos;
        }
    }
}
