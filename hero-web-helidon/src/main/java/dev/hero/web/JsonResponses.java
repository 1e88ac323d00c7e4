package dev.hero.web;

import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Writes every answer of the web adapter: JSON, with an explicit Content-Type. */
final class JsonResponses {

    private JsonResponses() {
    }

    static void send(ServerRequest request, ServerResponse response, Status status, Object body) {
        byte[] bytes = Json.write(body);
        response.status(status);
        response.header(HeaderValues.CONTENT_TYPE_JSON);
        if (Method.HEAD.equals(request.prologue().method())) {
            // an answer to HEAD has no content, or the client would read it as the next response
            response.send();
        } else {
            response.send(bytes);
        }
    }
}
