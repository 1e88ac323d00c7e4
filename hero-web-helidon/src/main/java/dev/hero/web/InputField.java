package dev.hero.web;

import java.util.Objects;

/**
 * One row of the request reader's table: a value a request carries, where it comes from, its name there, its type,
 * whether {@code null} is a value, and the component of the domain command it fills. {@link RequestInput} reads any
 * row the same way, and locates the command's violations by the component; {@link HeroInput} holds Hero's rows.
 *
 * @param where      {@link Problem#PATH}, {@link Problem#QUERY} or {@link Problem#BODY}
 * @param name       its name in the request ({@code secret_name}), which a 422 names in its {@code loc}
 * @param type       how it is read
 * @param nullable   whether JSON {@code null} is a value (a body field only; else it is a wrong type)
 * @param absent     the value when the request does not carry it (a query parameter's default), or {@code null}
 * @param component  the record component of the command it fills ({@code secretName}), or {@code null} for none
 * @param upperBound the name of the row holding the upper bound of the range whose lower bound this row holds
 *                   ({@code max_age} for {@code min_age}), which a reversed range names; {@code null} for none
 */
record InputField<T>(String where, String name, InputType<T> type, boolean nullable, T absent, String component,
                     String upperBound) {

    InputField {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    static <T> InputField<T> path(String name, InputType<T> type) {
        return new InputField<>(Problem.PATH, name, type, false, null, null, null);
    }

    static <T> InputField<T> query(String name, InputType<T> type, T absent, String component) {
        return new InputField<>(Problem.QUERY, name, type, false, absent, component, null);
    }

    static <T> InputField<T> body(String name, InputType<T> type, String component) {
        return new InputField<>(Problem.BODY, name, type, false, null, component, null);
    }

    static <T> InputField<T> nullableBody(String name, InputType<T> type, String component) {
        return new InputField<>(Problem.BODY, name, type, true, null, component, null);
    }

    /** The same row, as the lower bound of a range whose upper bound the other row holds. */
    InputField<T> atMost(InputField<T> upper) {
        return new InputField<>(where, name, type, nullable, absent, component, upper.name());
    }
}
