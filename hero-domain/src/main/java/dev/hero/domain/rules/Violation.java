package dev.hero.domain.rules;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * One broken rule, in the domain's terms. It never holds the rejected value (a secret name may be one), only its kind.
 *
 * @param field    the command's record component ({@code name}, {@code secretName}, {@code limit}); adapters spell
 *                 it their own way
 * @param code     which rule was broken
 * @param rejected the kind of the rejected value
 * @param limit    the bound the value crossed, for {@link ViolationCode#TOO_SHORT}, {@link ViolationCode#TOO_LONG},
 *                 {@link ViolationCode#TOO_SMALL} and {@link ViolationCode#TOO_LARGE}; empty for the others
 */
public record Violation(String field, ViolationCode code, ValueKind rejected, OptionalLong limit) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(rejected, "rejected");
        Objects.requireNonNull(limit, "limit");
    }

    /** A rule without a bound. */
    public static Violation of(String field, ViolationCode code, ValueKind rejected) {
        return new Violation(field, code, rejected, OptionalLong.empty());
    }

    /** A rule with a bound: a length or a range. */
    public static Violation of(String field, ViolationCode code, ValueKind rejected, long limit) {
        return new Violation(field, code, rejected, OptionalLong.of(limit));
    }

    /** Such as {@code "name must have at most 255 characters"}. */
    public String describe() {
        return code.describe(this);
    }

    @Override
    public String toString() {
        return describe();
    }
}
