package dev.hero.web;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Answers the errors Helidon handles below routing (malformed requests, bodies over the server's max
 * payload size) with {@code {"detail": "<reason phrase>"}}. Helidon's own message is not used: it may
 * quote the request, and is withheld by default anyway.
 */
final class JsonDirectHandler implements DirectHandler {

    @Override
    public TransportResponse handle(TransportRequest request,
                                    EventType eventType,
                                    Status status,
                                    ServerResponseHeaders headers,
                                    String message) {
        TransportResponse.Builder response = TransportResponse.builder()
                .status(status)
                .headers(headers)
                .header(HeaderValues.CONTENT_TYPE_JSON);
        if (status == Status.SERVICE_UNAVAILABLE_503) {
            // the server sheds load (its concurrency limit): tell the client when to try again
            response.header(HeaderNames.RETRY_AFTER, "1");
        }
        if (!"HEAD".equals(request.method())) {
            response.entity(Json.write(new Detail(ErrorMapper.reasonPhrase(status))));
        }
        return response.build();
    }
}
