package dev.hero.web;

import io.helidon.http.DirectHandler;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Answers the errors Helidon handles below routing (malformed requests, bodies over the server's max
 * payload size, the concurrency limit) with {@code {"detail": "<reason phrase>"}}, or as problem details when the
 * request's {@code Accept} asks for them ({@link ErrorLayout}; a request whose request line or headers could not be
 * read has no {@code Accept} to go by, and gets the default), and tells {@link Exchanges} of each, since no filter sees
 * them. Helidon's own message is not used: it may quote the request, and is withheld by default anyway.
 */
final class JsonDirectHandler implements DirectHandler {

    private final Exchanges exchanges;

    JsonDirectHandler(Exchanges exchanges) {
        this.exchanges = exchanges;
    }

    @Override
    public TransportResponse handle(TransportRequest request,
                                    EventType eventType,
                                    Status status,
                                    ServerResponseHeaders headers,
                                    String message) {
        TransportResponse response = eventType == EventType.INTERNAL_ERROR && exchanges.endedInItsHeaders()
                // the client ended its connection inside its header section: its request is incomplete, a 4xx (nobody
                // reads the answer), not a fault of the server (the warning Helidon logs with a 500 is left out)
                ? json(request, TransportResponse.builder().status(Status.BAD_REQUEST_400).headers(headers),
                        Status.BAD_REQUEST_400, "Request ended before its header section was complete")
                : answer(request, status, headers);
        exchanges.answeredBelowRouting(response.status().code());
        return response;
    }

    private static TransportResponse answer(TransportRequest request, Status status, ServerResponseHeaders headers) {
        if (status == Status.HTTP_VERSION_NOT_SUPPORTED_505) {
            // the client's request line names another protocol version (HTTP/1.0, HTTP/2.0 as text): a fault of the
            // request, so a 4xx, as for every other malformed request line; the detail says what to send instead
            return json(request, TransportResponse.builder().status(Status.BAD_REQUEST_400).headers(headers),
                    Status.BAD_REQUEST_400, "HTTP Version Not Supported: send HTTP/1.1");
        }
        TransportResponse.Builder response = TransportResponse.builder()
                .status(status)
                .headers(headers);
        if (status == Status.SERVICE_UNAVAILABLE_503) {
            // the server sheds load (its concurrency limit): tell the client when to try again
            response.header(ErrorAnswers.RETRY_AFTER);
        }
        return json(request, response, status, ErrorAnswers.reasonPhrase(status));
    }

    private static TransportResponse json(TransportRequest request, TransportResponse.Builder response, Status status, String detail) {
        ErrorLayout layout = ErrorLayout.of(request.headers());
        response.header(layout.contentType());
        response.header(ErrorAnswers.VARY_ACCEPT);
        if (!"HEAD".equals(request.method())) {
            response.entity(Json.write(layout.body(status, detail)));
        }
        return response.build();
    }
}
