package dev.hero.domain.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list: its heroes, how many heroes match the query's filters in all, and where the next page starts
 * when there are heroes after this one.
 *
 * @param heroes the page, in the query's order, at most its limit
 * @param total  how many heroes match the filters (not the page size, not counting the offset or position)
 * @param next   the position after the page's last hero when more heroes followed it; empty on the last page
 */
public record HeroPage(List<Hero> heroes, long total, Optional<HeroPosition> next) {

    public HeroPage {
        heroes = List.copyOf(heroes);
        Objects.requireNonNull(next, "next");
        if (total < 0) {
            throw new IllegalArgumentException("total " + total + " < 0");
        }
    }

    /**
     * The page a store found for the query.
     *
     * @param fetched the matching heroes in order from the offset or position, up to {@link HeroQuery#limit()} + 1
     *                of them: one more than the page tells whether another page follows
     * @param total   how many heroes match the filters
     */
    public static HeroPage of(HeroQuery query, List<Hero> fetched, long total) {
        if (fetched.size() <= query.limit() || query.limit() == 0) {
            return new HeroPage(fetched.subList(0, Math.min(fetched.size(), query.limit())), total, Optional.empty());
        }
        List<Hero> page = fetched.subList(0, query.limit());
        return new HeroPage(page, total, Optional.of(HeroPosition.after(page.getLast(), query.sort())));
    }
}
