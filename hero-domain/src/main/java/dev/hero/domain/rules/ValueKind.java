package dev.hero.domain.rules;

/** What kind of value was rejected; never the value itself, which may be a secret. */
public enum ValueKind {

    /** {@code null}: the value was absent, or explicitly cleared. */
    NONE,
    TEXT,
    NUMBER,
    OTHER;

    public static ValueKind of(Object value) {
        if (value == null) {
            return NONE;
        }
        if (value instanceof CharSequence) {
            return TEXT;
        }
        return value instanceof Number ? NUMBER : OTHER;
    }
}
