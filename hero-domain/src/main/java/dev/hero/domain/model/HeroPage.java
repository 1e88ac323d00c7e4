package dev.hero.domain.model;

import java.util.Collection;
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
    /**
     * The page the query selects from these heroes, by the domain's own rules ({@link HeroQuery#matches},
     * {@link HeroSort#comparator()}, {@link HeroPosition#precedes}): the reference answer, and the whole of
     * {@link dev.hero.domain.port.out.Heroes#find} for an adapter that holds its heroes in memory.
     *
     * @param heroes every stored hero, in any order; a snapshot, so that the page and the count agree
     */
    public static HeroPage select(HeroQuery query, Collection<Hero> heroes) {
        List<Hero> matching = heroes.stream().filter(query::matches).sorted(query.sort().comparator()).toList();
        List<Hero> fetched = matching.stream()
                .filter(hero -> query.after() == null || query.after().precedes(hero))
                .skip(query.offset())
                .limit(query.limit() + 1L)
                .toList();
        return of(query, fetched, matching.size());
    }

    public static HeroPage of(HeroQuery query, List<Hero> fetched, long total) {
        if (fetched.size() <= query.limit() || query.limit() == 0) {
            return new HeroPage(fetched.subList(0, Math.min(fetched.size(), query.limit())), total, Optional.empty());
        }
        List<Hero> page = fetched.subList(0, query.limit());
        return new HeroPage(page, total, Optional.of(HeroPosition.after(page.getLast(), query.sort())));
    }
}
