package dev.hero.persistence.jooq;

import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.HeroSort;

/**
 * What the SQL of a list depends on, apart from the values it binds: its order, which filters it has, and where it
 * starts. A few dozen shapes exist; each is rendered to SQL once ({@link ListSql}).
 *
 * @param sort     the order
 * @param byName   whether the name filter is set
 * @param byMinAge whether the lower age bound is set
 * @param byMaxAge whether the upper age bound is set
 * @param start    where the page starts
 */
record ListShape(HeroSort sort, boolean byName, boolean byMinAge, boolean byMaxAge, Start start) {

    /** Where a page starts. */
    enum Start {
        /** After skipping {@code offset} heroes, by stepping over them ({@code OFFSET}). */
        OFFSET,
        /**
         * After skipping {@code offset} heroes of the whole table in id order (either direction), found from the
         * counts per range of ids ({@code hero_count}); only for offsets of at least {@link ListSql#NARROW_WIDTH}.
         */
        COUNTED_OFFSET,
        /** Just after a position that has the value it is sorted by, or only an id in the id orders. */
        AFTER,
        /** Just after a position among the heroes without an age, which come last in both age orders. */
        AFTER_NO_AGE
    }

    static ListShape of(HeroQuery query) {
        HeroSort sort = query.sort();
        Start start;
        if (query.after() != null) {
            boolean byAge = sort == HeroSort.AGE || sort == HeroSort.AGE_DESC;
            start = byAge && query.after().age() == null ? Start.AFTER_NO_AGE : Start.AFTER;
        } else if (!query.filtered() && byId(sort) && query.offset() >= ListSql.NARROW_WIDTH) {
            start = Start.COUNTED_OFFSET;
        } else {
            start = Start.OFFSET;
        }
        return new ListShape(sort, query.name() != null, query.minAge() != null, query.maxAge() != null, start);
    }

    boolean filtered() {
        return byName || byMinAge || byMaxAge;
    }

    boolean byAgeBound() {
        return byMinAge || byMaxAge;
    }

    private static boolean byId(HeroSort sort) {
        return sort == HeroSort.ID || sort == HeroSort.ID_DESC;
    }
}
