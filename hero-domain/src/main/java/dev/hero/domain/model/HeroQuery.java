package dev.hero.domain.model;

import dev.hero.domain.rules.HeroText;
import dev.hero.domain.rules.InvalidInputException;
import dev.hero.domain.rules.ValueKind;
import dev.hero.domain.rules.Violation;
import dev.hero.domain.rules.ViolationCode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Which heroes a list returns: those matching the filters, in one order, and either a slice of them by offset or
 * the ones after a position (a cursor). It validates itself: an instance that exists is valid.
 *
 * @param name   only heroes with exactly this name; {@code null} for any
 * @param minAge only heroes at least this old (heroes without an age never match); {@code null} for no lower bound
 * @param maxAge only heroes at most this old (heroes without an age never match); {@code null} for no upper bound
 * @param sort   the order
 * @param offset how many matching heroes to skip, 0 or more; 0 when {@code after} is given
 * @param limit  how many heroes at most, 0 to {@value #MAX_LIMIT}
 * @param after  start just after this position (keyset pagination), in the same order, its name (if any) without
 *               U+0000 and without lone surrogates; {@code null} to start at the offset
 * @throws InvalidInputException from the constructor when a rule is broken
 */
public record HeroQuery(
        @HeroText String name,
        @Min(0) Integer minAge,
        @Min(0) Integer maxAge,
        @NotNull HeroSort sort,
        @Min(0) long offset,
        @Min(0) @Max(HeroQuery.MAX_LIMIT) int limit,
        HeroPosition after) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 100;
    public static final long DEFAULT_OFFSET = 0;

    public HeroQuery(String name, Integer minAge, Integer maxAge, HeroSort sort, long offset, int limit, HeroPosition after) {
        this.name = name;
        this.minAge = minAge;
        this.maxAge = maxAge;
        this.sort = sort;
        this.offset = offset;
        this.limit = limit;
        this.after = after;
        List<Violation> broken = new ArrayList<>(2);
        if (minAge != null && maxAge != null && minAge > maxAge) {
            broken.add(Violation.of("minAge", ViolationCode.REVERSED_RANGE, ValueKind.NUMBER, maxAge));
        }
        if (after != null && (offset != 0 || after.sort() != sort)) {
            broken.add(Violation.of("after", ViolationCode.CONFLICT, ValueKind.OTHER));
        }
        // a position comes from outside (a cursor): its name is compared in SQL, where U+0000 cannot be
        if (after != null && after.name() != null && after.name().indexOf('\u0000') >= 0) {
            broken.add(Violation.of("after", ViolationCode.CONTAINS_NUL, ValueKind.OTHER));
        } else if (after != null && after.name() != null && !isUnicode(after.name())) {
            broken.add(Violation.of("after", ViolationCode.NOT_UNICODE, ValueKind.OTHER));
        }
        CommandValidator.validate(this, broken);
    }

    /** Whether the text has no UTF-16 surrogate that is not half of a pair. */
    private static boolean isUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Heroes by id, skipping {@code offset}, at most {@code limit}: the tutorial's list. */
    public static HeroQuery page(long offset, int limit) {
        return new HeroQuery(null, null, null, HeroSort.DEFAULT, offset, limit, null);
    }

    /** The same query with these filters. */
    public HeroQuery filteredBy(String name, Integer minAge, Integer maxAge) {
        return new HeroQuery(name, minAge, maxAge, sort, offset, limit, after);
    }

    /** The same query in this order (any position is dropped: it belongs to the old order). */
    public HeroQuery sortedBy(HeroSort sort) {
        return new HeroQuery(name, minAge, maxAge, sort, offset, limit, null);
    }

    /** The same query from just after this position, instead of an offset. */
    public HeroQuery after(HeroPosition position) {
        return new HeroQuery(name, minAge, maxAge, sort, 0, limit, position);
    }

    /** Whether any filter is set. */
    public boolean filtered() {
        return name != null || minAge != null || maxAge != null;
    }

    /** Whether the hero passes the filters (not the position): the reference every store must agree with. */
    public boolean matches(Hero hero) {
        return (name == null || name.equals(hero.name()))
                && (minAge == null || hero.age() != null && hero.age() >= minAge)
                && (maxAge == null || hero.age() != null && hero.age() <= maxAge);
    }
}
