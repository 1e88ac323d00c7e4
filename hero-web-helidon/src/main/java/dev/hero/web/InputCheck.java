package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hero.domain.model.FieldChange;
import dev.hero.domain.model.InvalidInputException;
import io.helidon.common.parameters.Parameters;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw input of one request (path parameters, query parameters, JSON fields) into the values
 * of a domain command, collecting every problem instead of stopping at the first, so one 422 lists
 * them all, in the order path, query, body, and field order within each.
 *
 * <p>This class checks only what the domain cannot see: JSON types and the 64-bit / 32-bit ranges of the
 * Java values. Every other rule (lengths, blank text, negative numbers, the page limit) is the command's
 * own; {@link #command} merges its violations with the problems found here.
 */
final class InputCheck {

    private static final Pattern PYDANTIC_INTEGER = Pattern.compile("([+-]?[0-9]+(?:_[0-9]+)*)(?:\\.0*)?");
    private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private final List<Problem> problems = new ArrayList<>();
    /** "where/field" in the order the fields were checked: the order problems are reported in. */
    private final List<String> fieldOrder = new ArrayList<>();

    /** A 64-bit integer path parameter; a problem (and 0) when it is not one. */
    long pathLong(Parameters path, String name) {
        seen(Problem.PATH, name);
        BigInteger value = parseInteger(path.contains(name) ? path.get(name) : "");
        if (value == null || value.bitLength() >= Long.SIZE) {
            problems.add(Problem.notAnInteger(Problem.PATH, name));
            return 0;
        }
        return value.longValueExact();
    }

    /** A 64-bit integer query parameter, or the default when absent; a problem when it is not one. */
    long queryLong(Parameters query, String name, long defaultValue) {
        seen(Problem.QUERY, name);
        BigInteger value = queryInteger(query, name);
        if (value == null) {
            return defaultValue;
        }
        if (value.bitLength() >= Long.SIZE) {
            problems.add(Problem.notAnInteger(Problem.QUERY, name));
            return defaultValue;
        }
        return value.longValueExact();
    }

    /**
     * An integer query parameter whose range the command checks, or the default when absent. Any integer is
     * accepted here, however large: one outside the {@code int} range is passed on as the nearest {@code int},
     * which the command then reports as out of its own, smaller range, as pydantic would.
     */
    int queryInt(Parameters query, String name, int defaultValue) {
        seen(Problem.QUERY, name);
        BigInteger value = queryInteger(query, name);
        if (value == null) {
            return defaultValue;
        }
        return value.max(INT_MIN).min(INT_MAX).intValueExact();
    }

    /** The parameter's value (the last one if repeated, as Starlette reads it), {@code null} when absent or a problem. */
    private BigInteger queryInteger(Parameters query, String name) {
        if (!query.contains(name)) {
            return null;
        }
        // "?offset" (no '=') is present with no value: read it as the empty string, which is no integer
        java.util.List<String> values = query.all(name, java.util.List::of);
        BigInteger value = parseInteger(values.isEmpty() ? "" : values.getLast());
        if (value == null) {
            problems.add(Problem.notAnInteger(Problem.QUERY, name));
        }
        return value;
    }

    /**
     * A text field the create body needs: absent gives {@code null} (the command reports it missing),
     * anything but a JSON string is a problem.
     */
    String requiredText(JsonNode body, String field) {
        seen(Problem.BODY, field);
        JsonNode node = body.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(Problem.notAString(field));
            return null;
        }
        return node.textValue();
    }

    /** A text field of a partial update: absent keeps it; {@code null} is passed on for the command to judge. */
    FieldChange<String> textChange(JsonNode body, String field) {
        seen(Problem.BODY, field);
        JsonNode node = body.get(field);
        if (node == null) {
            return FieldChange.keep();
        }
        if (node.isNull()) {
            return FieldChange.to(null);
        }
        if (!node.isTextual()) {
            problems.add(Problem.notAString(field));
            return FieldChange.keep();
        }
        return FieldChange.to(node.textValue());
    }

    /** A nullable 32-bit integer field; absent and {@code null} both give {@code null}. */
    Integer optionalInt(JsonNode body, String field) {
        FieldChange<Integer> change = intChange(body, field);
        return change.orElse(null);
    }

    /**
     * A nullable 32-bit integer field of a partial update. An integral number written as a decimal
     * ({@code 12.0}, {@code 1e3}) counts as an integer, as pydantic does. A value below the 32-bit range
     * is passed on as {@link Integer#MIN_VALUE}, so the command's own lower bound reports it.
     */
    FieldChange<Integer> intChange(JsonNode body, String field) {
        seen(Problem.BODY, field);
        JsonNode node = body.get(field);
        if (node == null) {
            return FieldChange.keep();
        }
        if (node.isNull()) {
            return FieldChange.to(null);
        }
        if (!node.isNumber()) {
            problems.add(Problem.notAnIntegerValue(field));
            return FieldChange.keep();
        }
        BigDecimal number = node.decimalValue();
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            problems.add(Problem.fractional(field));
            return FieldChange.keep();
        }
        if (number.compareTo(new BigDecimal(INT_MAX)) > 0) {
            problems.add(Problem.tooLarge(field, Integer.MAX_VALUE));
            return FieldChange.keep();
        }
        if (number.compareTo(new BigDecimal(INT_MIN)) < 0) {
            return FieldChange.to(Integer.MIN_VALUE);
        }
        return FieldChange.to(number.intValueExact());
    }

    /**
     * Builds a command from the values read so far. Its own violations join the problems found here,
     * except for a field that already has a problem (its value was replaced by a neutral one).
     *
     * @throws InvalidRequestException when there is any problem, listing all of them
     */
    <T> T command(String where, Supplier<T> constructor) {
        T command = null;
        try {
            command = constructor.get();
        } catch (InvalidInputException e) {
            e.violations().stream()
                    .map(violation -> Problem.of(where, violation))
                    .filter(problem -> !hasProblem(where, problem.field()))
                    .forEach(problems::add);
        }
        throwIfAny();
        return command;
    }

    /** @throws InvalidRequestException when there is any problem, listing all of them */
    void throwIfAny() {
        if (!problems.isEmpty()) {
            List<Problem> ordered = new ArrayList<>(problems);
            ordered.sort(Comparator.comparingInt(this::rank));
            throw new InvalidRequestException(ordered);
        }
    }

    private boolean hasProblem(String where, String field) {
        return problems.stream().anyMatch(p -> p.where().equals(where) && p.field() != null && p.field().equals(field));
    }

    private int rank(Problem problem) {
        int index = fieldOrder.indexOf(problem.where() + "/" + problem.field());
        return index < 0 ? fieldOrder.size() : index;
    }

    private void seen(String where, String field) {
        fieldOrder.add(where + "/" + field);
    }

    /**
     * An integer as pydantic reads one from a string, so a client of the tutorial app is understood alike:
     * surrounding whitespace, a sign, leading zeros, single underscores between digits and a fraction of
     * zeros only ({@code "1.0"}) are accepted; ASCII digits only; {@code null} for anything else.
     */
    static BigInteger parseInteger(String text) {
        if (text == null) {
            return null;
        }
        Matcher integer = PYDANTIC_INTEGER.matcher(text.strip());
        if (!integer.matches()) {
            return null;
        }
        return new BigInteger(integer.group(1).replace("_", ""));
    }
}
