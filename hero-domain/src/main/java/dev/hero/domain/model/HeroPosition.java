package dev.hero.domain.model;

import java.util.Objects;

/**
 * Where a walk through the heroes in one {@link HeroSort} stands: just after the hero with these sort values. The
 * next page holds the heroes that come after it in that order, whichever heroes were created or deleted meanwhile
 * (keyset pagination), so a walk visits every hero that exists throughout it exactly once.
 *
 * @param sort the order the position belongs to
 * @param id   the id of the last hero seen (every order ends with the id)
 * @param name its name, for the name orders; {@code null} otherwise
 * @param age  its age, for the age orders ({@code null} there means the position is among the heroes without an
 *             age, which come last); {@code null} otherwise
 */
public record HeroPosition(HeroSort sort, long id, String name, Integer age) {

    public HeroPosition {
        Objects.requireNonNull(sort, "sort");
        boolean byName = sort == HeroSort.NAME || sort == HeroSort.NAME_DESC;
        boolean byAge = sort == HeroSort.AGE || sort == HeroSort.AGE_DESC;
        if (byName != (name != null)) {
            throw new IllegalArgumentException("A position in the order '" + sort.key() + "' " + (byName ? "needs" : "has no") + " a name");
        }
        if (!byAge && age != null) {
            throw new IllegalArgumentException("A position in the order '" + sort.key() + "' has no age");
        }
    }

    /** The position just after this hero, in this order. */
    public static HeroPosition after(Hero hero, HeroSort sort) {
        boolean byName = sort == HeroSort.NAME || sort == HeroSort.NAME_DESC;
        boolean byAge = sort == HeroSort.AGE || sort == HeroSort.AGE_DESC;
        return new HeroPosition(sort, hero.id(), byName ? hero.name() : null, byAge ? hero.age() : null);
    }

    /** Whether this hero comes after the position in its order: the heroes a page from here may hold. */
    public boolean precedes(Hero hero) {
        Hero here = new Hero(id, name == null ? "" : name, age, "", Hero.FIRST_VERSION);
        return sort.comparator().compare(here, hero) < 0;
    }
}
