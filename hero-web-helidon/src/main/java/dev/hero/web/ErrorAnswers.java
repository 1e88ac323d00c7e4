package dev.hero.web;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The one shape of an error answer, {@code {"detail": ...}} as JSON, and the one {@code Retry-After}, for every place
 * that answers an error: the {@link ErrorMapper} (routing), the {@link JsonDirectHandler} (below routing) and the
 * {@link Drain} (while stopping).
 */
final class ErrorAnswers {

    /** How long a client should wait before it tries again after a 503, in seconds. */
    static final Header RETRY_AFTER = HeaderValues.create(HeaderNames.RETRY_AFTER, "1");

    /** The detail of a 503 for a write whose commit was cut off: it may or may not have been made. */
    static final String OUTCOME_UNKNOWN = "Service Unavailable: the write may or may not have been made; "
            + "read before repeating a create";

    private ErrorAnswers() {
    }

    static void send(ServerRequest request, ServerResponse response, Status status, Object detail) {
        JsonResponses.send(request, response, status, new Detail(detail));
    }

    /** {@code {"detail": "<reason phrase>"}}. */
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
        JsonResponses.write(request, response, Status.SERVICE_UNAVAILABLE_503, new Detail(reasonPhrase(Status.SERVICE_UNAVAILABLE_503)));
    }

    /** The body of an error answer as bytes, for a response written below routing. */
    static byte[] body(String detail) {
        return Json.write(new Detail(detail));
    }

    static String reasonPhrase(Status status) {
        String phrase = status.reasonPhrase();
        return phrase == null || phrase.isEmpty() ? status.codeText() : phrase;
    }
}
