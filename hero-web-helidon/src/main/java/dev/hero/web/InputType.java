package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The type of one request value, and how it is read: from text (a path segment, a query parameter) or from a JSON
 * value. A value of the wrong type is reported as a {@link Problem} and read as {@code null}. This checks only what
 * the domain cannot see, the JSON type, the range of the Java type, the spelling of a choice and the web's own cursor
 * encoding; every other rule (lengths, blank text, negative numbers, the page limit) is the command's own.
 *
 * @param <T> the Java type the value is read as
 */
sealed interface InputType<T> {

    /** A JSON string. */
    InputType<String> TEXT = new Text();
    /**
     * A 32-bit integer. An integral number written as a decimal ({@code 12.0}, {@code 1e3}) counts as an integer, as
     * pydantic reads it. Above the 32-bit range is a problem here (the command could not see it); below it is read as
     * {@link Integer#MIN_VALUE}, which the command's own lower bound reports.
     */
    InputType<Integer> INT32 = new Int32(false);
    /**
     * A 32-bit integer whose command has a narrower range on both sides (the page limit): any integer is accepted
     * here, however large, and passed on as the nearest {@code int}, so the command reports its own range, as
     * pydantic would.
     */
    InputType<Integer> INT32_BOUNDED_BY_COMMAND = new Int32(true);
    /** A 64-bit integer: anything outside the range is no integer at all, as for an id. */
    InputType<Long> INT64 = new Int64();
    /** A list's {@code after} cursor ({@link Cursor}): text that does not hold one is a problem. */
    InputType<Cursor> CURSOR = new CursorText();

    /**
     * One of a fixed set of spellings, exactly (as pydantic reads a string enum); anything else is a problem naming
     * them all.
     *
     * @param spellings every allowed spelling, in the order a problem lists them
     * @param lookup    the value of a spelling, empty for any other text
     */
    static <T> InputType<T> oneOf(List<String> spellings, Function<String, Optional<T>> lookup) {
        return new OneOf<>(List.copyOf(spellings), lookup);
    }

    /** The value of a path segment or query parameter. */
    T fromText(String text, InputField<T> field, Consumer<Problem> problems);

    /** A JSON value that is present ({@code null} included, which is a wrong type here). */
    T fromJson(JsonNode node, InputField<T> field, Consumer<Problem> problems);

    final class Text implements InputType<String> {
        private Text() {
        }

        @Override
        public String fromText(String text, InputField<String> field, Consumer<Problem> problems) {
            return text;
        }

        @Override
        public String fromJson(JsonNode node, InputField<String> field, Consumer<Problem> problems) {
            if (!node.isTextual()) {
                problems.accept(Problem.notAString(field.where(), field.name()));
                return null;
            }
            return node.textValue();
        }
    }

    final class Int32 implements InputType<Integer> {
        private static final BigInteger MIN = BigInteger.valueOf(Integer.MIN_VALUE);
        private static final BigInteger MAX = BigInteger.valueOf(Integer.MAX_VALUE);
        private static final BigDecimal MIN_DECIMAL = new BigDecimal(MIN);
        private static final BigDecimal MAX_DECIMAL = new BigDecimal(MAX);

        private final boolean clampAbove;

        private Int32(boolean clampAbove) {
            this.clampAbove = clampAbove;
        }

        @Override
        public Integer fromText(String text, InputField<Integer> field, Consumer<Problem> problems) {
            BigInteger value = parseInteger(text);
            if (value == null) {
                problems.accept(Problem.notAnInteger(field.where(), field.name()));
                return null;
            }
            return inRange(value, field, problems);
        }

        @Override
        public Integer fromJson(JsonNode node, InputField<Integer> field, Consumer<Problem> problems) {
            if (!node.isNumber()) {
                problems.accept(Problem.notAnIntegerValue(field.where(), field.name()));
                return null;
            }
            BigDecimal number = node.decimalValue();
            if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
                problems.accept(Problem.fractional(field.where(), field.name()));
                return null;
            }
            // compared as decimals: 1e1000000000 is an integer too, and as a BigInteger it would take gigabytes
            if (number.compareTo(MAX_DECIMAL) > 0) {
                return aboveRange(field, problems);
            }
            return number.compareTo(MIN_DECIMAL) < 0 ? Integer.MIN_VALUE : number.intValueExact();
        }

        private Integer inRange(BigInteger value, InputField<Integer> field, Consumer<Problem> problems) {
            if (value.compareTo(MAX) > 0) {
                return aboveRange(field, problems);
            }
            return value.max(MIN).intValueExact();
        }

        private Integer aboveRange(InputField<Integer> field, Consumer<Problem> problems) {
            if (clampAbove) {
                return Integer.MAX_VALUE;
            }
            problems.accept(Problem.tooLarge(field.where(), field.name(), Integer.MAX_VALUE));
            return null;
        }
    }

    final class Int64 implements InputType<Long> {
        private Int64() {
        }

        @Override
        public Long fromText(String text, InputField<Long> field, Consumer<Problem> problems) {
            BigInteger value = parseInteger(text);
            if (value == null || value.bitLength() >= Long.SIZE) {
                problems.accept(Problem.notAnInteger(field.where(), field.name()));
                return null;
            }
            return value.longValueExact();
        }

        @Override
        public Long fromJson(JsonNode node, InputField<Long> field, Consumer<Problem> problems) {
            if (!node.isIntegralNumber() || node.bigIntegerValue().bitLength() >= Long.SIZE) {
                problems.accept(Problem.notAnIntegerValue(field.where(), field.name()));
                return null;
            }
            return node.longValue();
        }
    }

    final class OneOf<T> implements InputType<T> {
        private final List<String> spellings;
        private final Function<String, Optional<T>> lookup;

        private OneOf(List<String> spellings, Function<String, Optional<T>> lookup) {
            this.spellings = spellings;
            this.lookup = lookup;
        }

        @Override
        public T fromText(String text, InputField<T> field, Consumer<Problem> problems) {
            Optional<T> value = lookup.apply(text);
            if (value.isEmpty()) {
                problems.accept(Problem.notOneOf(field.where(), field.name(), spellings));
                return null;
            }
            return value.get();
        }

        @Override
        public T fromJson(JsonNode node, InputField<T> field, Consumer<Problem> problems) {
            if (!node.isTextual()) {
                problems.accept(Problem.notOneOf(field.where(), field.name(), spellings));
                return null;
            }
            return fromText(node.textValue(), field, problems);
        }
    }

    final class CursorText implements InputType<Cursor> {
        private CursorText() {
        }

        @Override
        public Cursor fromText(String text, InputField<Cursor> field, Consumer<Problem> problems) {
            Optional<Cursor> cursor = Cursor.decode(text);
            if (cursor.isEmpty()) {
                problems.accept(Problem.notACursor(field.where(), field.name()));
                return null;
            }
            return cursor.get();
        }

        @Override
        public Cursor fromJson(JsonNode node, InputField<Cursor> field, Consumer<Problem> problems) {
            if (!node.isTextual()) {
                problems.accept(Problem.notAString(field.where(), field.name()));
                return null;
            }
            return fromText(node.textValue(), field, problems);
        }
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
        Matcher integer = Patterns.PYDANTIC_INTEGER.matcher(text.strip());
        if (!integer.matches()) {
            return null;
        }
        return new BigInteger(integer.group(1).replace("_", ""));
    }

    /** Holds the pattern: an interface's constants are public. */
    final class Patterns {
        private static final Pattern PYDANTIC_INTEGER = Pattern.compile("([+-]?[0-9]+(?:_[0-9]+)*)(?:\\.0*)?");

        private Patterns() {
        }
    }
}
