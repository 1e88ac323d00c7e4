package dev.hero.domain.model;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Which slice of the heroes, ordered by id, a list returns. It validates itself.
 *
 * @param offset how many heroes to skip, 0 or more
 * @param limit  how many heroes at most, 0 to {@value #MAX_LIMIT}
 */
public record PageRequest(
        @Min(0) long offset,
        @Min(0) @Max(PageRequest.MAX_LIMIT) int limit) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 100;
    public static final long DEFAULT_OFFSET = 0;

    public PageRequest(long offset, int limit) {
        this.offset = offset;
        this.limit = limit;
        CommandValidator.validate(this);
    }
}
