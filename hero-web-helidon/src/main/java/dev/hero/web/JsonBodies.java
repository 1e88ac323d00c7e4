package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpException;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Reads a request body that must be a JSON object, in this order: the media type (415 unless JSON;
 * none given is read as JSON, as FastAPI does), the size (413 past the limit, from Content-Length before
 * reading and by counting while reading, which also covers chunked bodies), then the JSON itself (422).
 */
final class JsonBodies {

    private final long maxBytes;

    JsonBodies(WebLimits limits) {
        this.maxBytes = limits.maxBodyBytes();
    }

    /**
     * @return the body, a JSON object
     * @throws HttpException           415 or 413
     * @throws InvalidRequestException 422: no body, malformed JSON, or a JSON value that is not an object
     */
    JsonNode readObject(ServerRequest request) {
        requireJsonMediaType(request);
        byte[] bytes = readBytes(request);
        if (bytes.length == 0) {
            throw new InvalidRequestException(Problem.bodyMissing());
        }
        JsonNode body;
        try {
            body = Json.parse(bytes);
        } catch (MalformedJsonException e) {
            throw new InvalidRequestException(Problem.jsonInvalid(e.position(), e.description()));
        }
        if (body.isNull()) {
            // FastAPI reads a JSON null body as no body at all
            throw new InvalidRequestException(Problem.bodyMissing());
        }
        if (!body.isObject()) {
            throw new InvalidRequestException(Problem.bodyNotAnObject());
        }
        return body;
    }

    private static void requireJsonMediaType(ServerRequest request) {
        if (!request.headers().contains(HeaderNames.CONTENT_TYPE)) {
            return;
        }
        String value = request.headers().get(HeaderNames.CONTENT_TYPE).get();
        int parameters = value.indexOf(';');
        String mediaType = (parameters < 0 ? value : value.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json") && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
            throw new HttpException("Unsupported Media Type", Status.UNSUPPORTED_MEDIA_TYPE_415, true);
        }
    }

    private byte[] readBytes(ServerRequest request) {
        OptionalLong declared = request.headers().contentLength();
        if (declared.isPresent() && declared.getAsLong() > maxBytes) {
            throw tooLarge();
        }
        if (!request.content().hasEntity()) {
            return new byte[0];
        }
        try (InputStream in = request.content().inputStream()) {
            byte[] bytes = in.readNBytes((int) maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the request body", e);
        }
    }

    private static HttpException tooLarge() {
        // not kept alive: the rest of the body is not read (nor is it sent, by a client that asked to continue)
        return new HttpException("Request Entity Too Large", Status.REQUEST_ENTITY_TOO_LARGE_413, false);
    }
}
