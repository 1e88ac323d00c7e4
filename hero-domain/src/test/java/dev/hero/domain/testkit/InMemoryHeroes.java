package dev.hero.domain.testkit;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.port.out.Heroes;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The heroes in memory: the reference adapter of the {@link Heroes} port, for tests of the code
 * around the port (use cases, web adapter). Thread-safe; ids start at 1 and are never reused.
 */
public final class InMemoryHeroes implements Heroes {

    private final ConcurrentSkipListMap<Long, Hero> byId = new ConcurrentSkipListMap<>();
    private final AtomicLong lastId = new AtomicLong();

    @Override
    public Hero add(NewHero hero) {
        Hero stored = new Hero(lastId.incrementAndGet(), hero.name(), hero.age(), hero.secretName());
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public Optional<Hero> findById(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public HeroPage find(HeroQuery query) {
        // a snapshot first: the page and the count must describe the same heroes
        List<Hero> matching = byId.values().stream().filter(query::matches).sorted(query.sort().comparator()).toList();
        List<Hero> fetched = matching.stream()
                .filter(hero -> query.after() == null || query.after().precedes(hero))
                .skip(query.offset())
                .limit(query.limit() + 1L)
                .toList();
        return HeroPage.of(query, fetched, matching.size());
    }

    @Override
    public Optional<Hero> update(long id, HeroChanges changes) {
        return Optional.ofNullable(byId.computeIfPresent(id, (key, hero) -> hero.apply(changes)));
    }

    @Override
    public boolean delete(long id) {
        return byId.remove(id) != null;
    }
}
