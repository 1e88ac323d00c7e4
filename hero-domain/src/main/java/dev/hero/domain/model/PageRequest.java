package dev.hero.domain.model;

import dev.hero.domain.rules.Rules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Which slice of the heroes, ordered by id, a list returns. It validates itself.
 *
 * @param offset how many heroes to skip, 0 or more
 * @param limit  how many heroes at most, 0 to {@value #MAX_LIMIT}
 */
public record PageRequest(
        @PositiveOrZero(message = Rules.OFFSET_NEGATIVE) long offset,
        @PositiveOrZero(message = Rules.LIMIT_NEGATIVE) @Max(value = PageRequest.MAX_LIMIT, message = Rules.LIMIT_TOO_LARGE) int limit) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 100;
    public static final long DEFAULT_OFFSET = 0;

    public PageRequest(long offset, int limit) {
        this.offset = offset;
        this.limit = limit;
        Rules.validate(this);
    }
}
