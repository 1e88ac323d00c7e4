package dev.hero.domain.rules;

/**
 * Which rule a value broke, in the domain's words. Adapters turn a code into their own vocabulary (the web
 * adapter into FastAPI's wire codes and sentences); {@link #describe(Violation)} says it in plain English.
 */
public enum ViolationCode {

    /** No value where the field needs one (absent, or {@code null} for a field that cannot be cleared). */
    REQUIRED,
    /** Text shorter than {@link Violation#limit()} characters (Unicode code points). */
    TOO_SHORT,
    /** Text longer than {@link Violation#limit()} characters (Unicode code points). */
    TOO_LONG,
    /** Text made of whitespace only. */
    BLANK,
    /** Text holding the character U+0000, which PostgreSQL cannot store. */
    CONTAINS_NUL,
    /** Text holding a UTF-16 surrogate that is not half of a pair: no Unicode text, so no database can store it as such. */
    NOT_UNICODE,
    /** A number below {@link Violation#limit()}. */
    TOO_SMALL,
    /** A number above {@link Violation#limit()}. */
    TOO_LARGE,
    /** The lower bound of a range above its upper bound, which is {@link Violation#limit()}. */
    REVERSED_RANGE,
    /** A value that cannot be given together with another value of the same command. */
    CONFLICT;

    /** The broken rule as a sentence about the field, such as {@code "name must have at most 255 characters"}. */
    public String describe(Violation violation) {
        String field = violation.field();
        long limit = violation.limit().orElse(0);
        return switch (this) {
            case REQUIRED -> field + " is required";
            case TOO_SHORT -> field + " must have at least " + limit + (limit == 1 ? " character" : " characters");
            case TOO_LONG -> field + " must have at most " + limit + (limit == 1 ? " character" : " characters");
            case BLANK -> field + " must have a character that is not whitespace";
            case CONTAINS_NUL -> field + " must not contain the character U+0000";
            case NOT_UNICODE -> field + " must be Unicode text (it holds a lone UTF-16 surrogate)";
            case TOO_SMALL -> field + " must be at least " + limit;
            case TOO_LARGE -> field + " must be at most " + limit;
            case REVERSED_RANGE -> field + " must not be greater than the upper bound of its range, " + limit;
            case CONFLICT -> field + " cannot be combined with the other values given";
        };
    }
}
