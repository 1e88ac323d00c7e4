package dev.hero.web;

import io.helidon.http.Header;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.io.UncheckedIOException;

/**
 * Writes every answer of the web adapter: JSON, with an explicit Content-Type. An answer is sent only while the request
 * is still its handler's to answer ({@link Drain#mayAnswer}: the stop may have answered it 503 already).
 */
final class JsonResponses {

    private JsonResponses() {
    }

    static void send(ServerRequest request, ServerResponse response, Status status, Object body) {
        if (Drain.mayAnswer(request)) {
            write(request, response, status, body);
        }
    }

    /** Writes the answer as {@code application/json}, whoever answers. */
    static void write(ServerRequest request, ServerResponse response, Status status, Object body) {
        write(request, response, status, HeaderValues.CONTENT_TYPE_JSON, body);
    }

    /**
     * Writes the answer as this JSON media type ({@code application/problem+json} for problem details), whoever answers:
     * the stop writes its own 503 to a request it cut off ({@link ErrorAnswers#cutOff}).
     */
    static void write(ServerRequest request, ServerResponse response, Status status, Header contentType, Object body) {
        byte[] bytes = Json.write(body);
        response.status(status);
        response.header(contentType);
        try {
            if (Method.HEAD.equals(request.prologue().method())) {
                // an answer to HEAD has no content, or the client would read it as the next response
                response.send();
            } else {
                response.send(bytes);
            }
        } catch (UncheckedIOException e) {
            // the client is gone (closed or reset its connection): nobody to answer. Helidon's error handling would try
            // to answer it again and log a warning per request; this only ends the connection.
            throw new CloseConnectionException("The client is gone: " + e.getMessage(), e);
        }
    }
}
