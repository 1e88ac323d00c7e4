package dev.hero.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hero.domain.rules.ValueKind;
import dev.hero.domain.rules.Violation;
import dev.hero.domain.rules.ViolationCode;

import java.util.List;
import java.util.Map;

/**
 * One entry of a 422 answer, in the shape FastAPI (pydantic v2) gives, minus {@code input}: an error
 * never echoes what the client sent, so a secret name cannot come back in it. The wire codes and sentences
 * live here and nowhere else: the domain reports {@link Violation}s in its own terms, {@link #broken} says them
 * the way FastAPI's clients know.
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

    /** A broken domain rule, at the field of the request that carried the value. */
    static Problem broken(String where, String field, Violation violation) {
        return broken(where, field, violation, null);
    }

    /**
     * A broken domain rule, at the row of the request's table that carried the value; a reversed range names the row
     * holding its upper bound.
     */
    static Problem broken(InputField<?> row, Violation violation) {
        return broken(row.where(), row.name(), violation, row.upperBound());
    }

    private static Problem broken(String where, String field, Violation violation, String upperBound) {
        long limit = violation.limit().orElse(0);
        return switch (violation.code()) {
            case REQUIRED -> at(where, field, "missing", "Field required");
            case TOO_SHORT -> at(where, field, "string_too_short", "String should have at least " + characters(limit));
            case TOO_LONG -> at(where, field, "string_too_long", "String should have at most " + characters(limit));
            case BLANK -> at(where, field, "string_pattern_mismatch", "String should have at least one non-whitespace character");
            case CONTAINS_NUL -> at(where, field, "string_pattern_mismatch", "String should not contain the NUL character (U+0000)");
            case NOT_UNICODE -> at(where, field, "string_unicode",
                    "Input should be a valid string, unable to parse raw data as a unicode string");
            case TOO_SMALL -> at(where, field, "greater_than_equal", "Input should be greater than or equal to " + limit);
            case TOO_LARGE -> at(where, field, "less_than_equal", "Input should be less than or equal to " + limit);
            case REVERSED_RANGE -> valueError(where, field, field + " must be less than or equal to "
                    + (upperBound == null ? "the upper bound of its range" : upperBound) + " (" + limit + ")");
            case CONFLICT -> valueError(where, field, field + " cannot be combined with the other parameters given");
        };
    }

    /** A value that is none of the allowed ones, as pydantic words an enum: {@code Input should be 'a', 'b' or 'c'}. */
    static Problem notOneOf(String where, String field, List<String> allowed) {
        String expected = allowed.size() == 1 ? quoted(allowed.getFirst())
                : String.join(", ", allowed.subList(0, allowed.size() - 1).stream().map(Problem::quoted).toList())
                + " or " + quoted(allowed.getLast());
        return new Problem("enum", List.of(where, field), "Input should be " + expected, Map.of("expected", expected));
    }

    /** A text that is no cursor of this service: made up, edited, cut short. */
    static Problem notACursor(String where, String field) {
        return valueError(where, field, field + " is not a valid cursor; use the one in the Link header of the page before");
    }

    /** A cursor of another order than the request's. */
    static Problem cursorOfAnotherSort(String where, String field, String sortField, String made, String asked) {
        return valueError(where, field, field + " belongs to " + sortField + "=" + made + ", not " + sortField + "=" + asked
                + "; keep the sort of the page it came from");
    }

    /** A cursor made for other filters than the request's. */
    static Problem cursorOfOtherFilters(String where, String field, List<String> filterFields) {
        return valueError(where, field, field + " belongs to other filters than this request's ("
                + String.join(", ", filterFields) + "); keep the filters of the page it came from");
    }

    /** A cursor together with an offset: a page starts at one or the other. */
    static Problem cursorWithOffset(String where, String field, String offsetField) {
        return valueError(where, field, field + " cannot be combined with " + offsetField
                + "; a page starts either at an offset or after a cursor");
    }

    static Problem notAnInteger(String where, String field) {
        return at(where, field, "int_parsing", "Input should be a valid integer, unable to parse string as an integer");
    }

    static Problem notAString(String where, String field) {
        return at(where, field, "string_type", "Input should be a valid string");
    }

    static Problem notAnIntegerValue(String where, String field) {
        return at(where, field, "int_type", "Input should be a valid integer");
    }

    static Problem fractional(String where, String field) {
        return at(where, field, "int_from_float", "Input should be a valid integer, got a number with a fractional part");
    }

    /** A number past the largest its type holds: the same answer as a domain rule's upper bound. */
    static Problem tooLarge(String where, String field, long max) {
        return broken(where, field, Violation.of(field, ViolationCode.TOO_LARGE, ValueKind.NUMBER, max));
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

    /** A rule pydantic would report from a validator of the model: {@code value_error}, "Value error, ...". */
    private static Problem valueError(String where, String field, String sentence) {
        return at(where, field, "value_error", "Value error, " + sentence);
    }

    private static String quoted(String value) {
        return "'" + value + "'";
    }

    private static String characters(long count) {
        return count + (count == 1 ? " character" : " characters");
    }
}
