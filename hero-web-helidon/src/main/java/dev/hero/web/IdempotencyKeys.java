package dev.hero.web;

import dev.hero.domain.model.IdempotencyKey;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;

import java.util.List;
import java.util.Optional;

/**
 * The {@code Idempotency-Key} request header of a create, and the {@code Idempotent-Replayed} answer header. A key is
 * 1 to 255 visible ASCII characters; anything else is a 422 at {@code ["header", "Idempotency-Key"]}.
 */
final class IdempotencyKeys {

    static final HeaderName IDEMPOTENCY_KEY = HeaderNames.create("Idempotency-Key");
    static final HeaderName IDEMPOTENT_REPLAYED = HeaderNames.create("Idempotent-Replayed");
    static final String HEADER = "header";
    static final String FIELD = "Idempotency-Key";

    private IdempotencyKeys() {
    }

    /** The request's key; empty without the header. */
    static Optional<IdempotencyKey> of(Headers headers) {
        if (!headers.contains(IDEMPOTENCY_KEY)) {
            return Optional.empty();
        }
        List<String> values = headers.get(IDEMPOTENCY_KEY).allValues();
        if (values.size() != 1) {
            throw new InvalidRequestException(Problem.at(HEADER, FIELD, "value_error",
                    "Value error, send one Idempotency-Key, not " + values.size()));
        }
        String value = values.get(0);
        if (value.isEmpty()) {
            throw new InvalidRequestException(Problem.at(HEADER, FIELD, "string_too_short", "String should have at least 1 character"));
        }
        if (value.length() > IdempotencyKey.MAX_LENGTH) {
            throw new InvalidRequestException(Problem.at(HEADER, FIELD, "string_too_long",
                    "String should have at most " + IdempotencyKey.MAX_LENGTH + " characters"));
        }
        if (!IdempotencyKey.isValid(value)) {
            throw new InvalidRequestException(Problem.at(HEADER, FIELD, "string_pattern_mismatch",
                    "String should have only visible ASCII characters (! to ~, no spaces)"));
        }
        return Optional.of(new IdempotencyKey(value));
    }

    /** The 422 for a key used before with another body. */
    static Problem reused() {
        return Problem.at(HEADER, FIELD, "value_error",
                "Value error, this Idempotency-Key was used with another request body; use a new key for another hero");
    }
}
