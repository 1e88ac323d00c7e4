package dev.hero.domain.model;

import java.util.Objects;

/**
 * One field of a partial update: either {@link Keep} (the field was absent, the stored value stays)
 * or {@link SetTo} (the field was present; its value may be {@code null} where the field allows it).
 * This is how "absent" and "null" stay two different things.
 */
public sealed interface FieldChange<T> {

    @SuppressWarnings("unchecked")
    static <T> FieldChange<T> keep() {
        return (FieldChange<T>) Keep.INSTANCE;
    }

    static <T> FieldChange<T> to(T value) {
        return new SetTo<>(value);
    }

    /** The new value if this changes the field, else {@code current}. */
    T orElse(T current);

    boolean isSet();

    /** The field was absent from the update. */
    final class Keep<T> implements FieldChange<T> {
        private static final Keep<?> INSTANCE = new Keep<>();

        private Keep() {
        }

        @Override
        public T orElse(T current) {
            return current;
        }

        @Override
        public boolean isSet() {
            return false;
        }

        @Override
        public String toString() {
            return "keep";
        }
    }

    /** The field was present, with this value ({@code null} clears a nullable field). */
    record SetTo<T>(T value) implements FieldChange<T> {
        @Override
        public T orElse(T current) {
            return value;
        }

        @Override
        public boolean isSet() {
            return true;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof SetTo<?> that && Objects.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(value);
        }
    }
}
