package dev.hero.web;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The one way an error is answered, {@code {"detail": ...}} as JSON or, for a request that asks for them, RFC 9457
 * problem details ({@link ErrorLayout}), and the one {@code Retry-After}, for every place that answers an error: the
 * {@link ErrorMapper} (routing), the {@link JsonDirectHandler} (below routing) and the {@link Drain} (while stopping).
 */
final class ErrorAnswers {

    /** How long a client should wait before it tries again after a 503, in seconds. */
    static final Header RETRY_AFTER = HeaderValues.create(HeaderNames.RETRY_AFTER, "1");

    /** On every error answer: its layout depends on the request's {@code Accept}. */
    static final Header VARY_ACCEPT = HeaderValues.create(HeaderNames.VARY, "Accept");

    /** The detail of a 503 for a write whose commit was cut off: it may or may not have been made. */
    static final String OUTCOME_UNKNOWN = "Service Unavailable: the write may or may not have been made; "
            + "read before repeating a create";

    /** The detail of a 409: a create under the same Idempotency-Key has not been answered yet. */
    static final String KEY_IN_FLIGHT = "Conflict: a request with this Idempotency-Key is still in progress; "
            + "repeat it once that one is answered";

    private ErrorAnswers() {
    }

    /**
     * @param detail a sentence, or the {@link Problem}s of a 422
     */
    static void send(ServerRequest request, ServerResponse response, Status status, Object detail) {
        if (Drain.mayAnswer(request)) {
            write(request, response, status, detail);
        }
    }

    /** The status's reason phrase as the detail: {@code {"detail": "Method Not Allowed"}}. */
    static void send(ServerRequest request, ServerResponse response, Status status) {
        send(request, response, status, reasonPhrase(status));
    }

    /** 503 with {@code Retry-After}: the client may try again soon, here or at another instance. */
    static void unavailable(ServerRequest request, ServerResponse response) {
        response.header(RETRY_AFTER);
        send(request, response, Status.SERVICE_UNAVAILABLE_503);
    }

    /** 503 with {@code Retry-After} and a detail of its own. */
    static void unavailable(ServerRequest request, ServerResponse response, String detail) {
        response.header(RETRY_AFTER);
        send(request, response, Status.SERVICE_UNAVAILABLE_503, detail);
    }

    /**
     * 503 with {@code Retry-After} and the connection closed, for a request the stop cut off at the end of the shutdown
     * grace: written by the stopping thread, which has taken the answer over from the request's own handler.
     */
    static void cutOff(ServerRequest request, ServerResponse response) {
        response.header(HeaderValues.CONNECTION_CLOSE);
        response.header(RETRY_AFTER);
        write(request, response, Status.SERVICE_UNAVAILABLE_503, reasonPhrase(Status.SERVICE_UNAVAILABLE_503));
    }

    private static void write(ServerRequest request, ServerResponse response, Status status, Object detail) {
        ErrorLayout layout = ErrorLayout.of(request.headers());
        response.header(VARY_ACCEPT);
        JsonResponses.write(request, response, status, layout.contentType(), layout.body(status, detail));
    }

    static String reasonPhrase(Status status) {
        String phrase = status.reasonPhrase();
        return phrase == null || phrase.isEmpty() ? status.codeText() : phrase;
    }
}
