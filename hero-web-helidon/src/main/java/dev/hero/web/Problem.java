package dev.hero.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hero.domain.model.Violation;

import java.util.List;
import java.util.Map;

/**
 * One entry of a 422 answer, in the shape FastAPI (pydantic v2) gives, minus {@code input}: an error
 * never echoes what the client sent, so a secret name cannot come back in it.
 *
 * @param type a stable code, such as {@code int_parsing}
 * @param loc  where: {@code "path"}, {@code "query"} or {@code "body"}, then a field name or a position
 * @param msg  a sentence for a person
 * @param ctx  details, or {@code null}
 */
@JsonPropertyOrder({"type", "loc", "msg", "ctx"})
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, List<Object> loc, String msg, Map<String, String> ctx) {

    static final String PATH = "path";
    static final String QUERY = "query";
    static final String BODY = "body";

    Problem {
        loc = List.copyOf(loc);
        ctx = ctx == null ? null : Map.copyOf(ctx);
    }

    static Problem at(String where, String field, String type, String msg) {
        return new Problem(type, List.of(where, field), msg, null);
    }

    static Problem notAnInteger(String where, String field) {
        return at(where, field, "int_parsing", "Input should be a valid integer, unable to parse string as an integer");
    }

    static Problem notAString(String field) {
        return at(BODY, field, "string_type", "Input should be a valid string");
    }

    static Problem notAnIntegerValue(String field) {
        return at(BODY, field, "int_type", "Input should be a valid integer");
    }

    static Problem fractional(String field) {
        return at(BODY, field, "int_from_float", "Input should be a valid integer, got a number with a fractional part");
    }

    static Problem tooLarge(String field, long max) {
        return at(BODY, field, "less_than_equal", "Input should be less than or equal to " + max);
    }

    static Problem bodyMissing() {
        return new Problem("missing", List.of(BODY), "Field required", null);
    }

    static Problem bodyNotAnObject() {
        return new Problem("model_attributes_type", List.of(BODY),
                "Input should be a valid dictionary or object to extract fields from", null);
    }

    static Problem jsonInvalid(int position, String description) {
        return new Problem("json_invalid", List.of(BODY, position), "JSON decode error", Map.of("error", description));
    }

    /** A broken domain rule, its field named as on the wire ({@code secretName} becomes {@code secret_name}). */
    static Problem of(String where, Violation violation) {
        return at(where, wireName(violation.field()), violation.type(), violation.message());
    }

    static String wireName(String recordComponent) {
        StringBuilder name = new StringBuilder(recordComponent.length() + 4);
        for (int i = 0; i < recordComponent.length(); i++) {
            char c = recordComponent.charAt(i);
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }

    /** The field this problem is about, or {@code null} when it is about the whole body. */
    String field() {
        return loc.size() > 1 && loc.get(1) instanceof String field ? field : null;
    }

    String where() {
        return (String) loc.getFirst();
    }
}
