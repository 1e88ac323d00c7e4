package dev.hero.domain.testkit;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.KeyedCreate;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.port.out.Heroes;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
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
        Hero stored = new Hero(lastId.incrementAndGet(), hero.name(), hero.age(), hero.secretName(), Hero.FIRST_VERSION);
        byId.put(stored.id(), stored);
        return stored;
    }

    /** The records of the keyed creates, by key; guarded by itself, which makes a keyed create one step. */
    private final Map<String, KeyRecord> records = new HashMap<>();

    private record KeyRecord(String fingerprint, long heroId, Instant expiresAt) {
    }

    @Override
    public KeyedCreate.Outcome add(NewHero hero, KeyedCreate create) {
        synchronized (records) {
            purgeExpired(create.now());
            KeyRecord stored = records.get(create.key().value());
            if (stored != null && stored.expiresAt().isAfter(create.now())) {
                return new KeyedCreate.Stored(stored.fingerprint(), stored.heroId());
            }
            Hero added = add(hero);
            records.put(create.key().value(), new KeyRecord(create.fingerprint(), added.id(), create.expiresAt()));
            return new KeyedCreate.Added(added);
        }
    }

    /** A few expired records at a time, as a database adapter does it. */
    private void purgeExpired(Instant now) {
        int purged = 0;
        for (Iterator<KeyRecord> it = records.values().iterator(); it.hasNext() && purged < 16; ) {
            if (!it.next().expiresAt().isAfter(now)) {
                it.remove();
                purged++;
            }
        }
    }

    @Override
    public Optional<Hero> findById(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public HeroPage find(HeroQuery query) {
        // a snapshot first: the page and the count must describe the same heroes
        return HeroPage.select(query, List.copyOf(byId.values()));
    }

    /**
     * The check and the change in one step of the map. The map may run the function again when another write changed
     * the hero meanwhile (it replaces a value only if it is still the one the function saw), so each run sets the
     * answer afresh: only the run whose result the map kept counts.
     */
    @Override
    public Optional<Hero> update(long id, HeroChanges changes, Precondition precondition) {
        Hero[] updated = new Hero[1];
        byId.computeIfPresent(id, (key, hero) -> {
            updated[0] = null;
            if (!precondition.allows(hero.version())) {
                return hero;
            }
            updated[0] = hero.apply(changes);
            return updated[0];
        });
        return Optional.ofNullable(updated[0]);
    }

    @Override
    public boolean delete(long id, Precondition precondition) {
        boolean[] deleted = new boolean[1];
        byId.computeIfPresent(id, (key, hero) -> {
            deleted[0] = precondition.allows(hero.version());
            return deleted[0] ? null : hero;
        });
        return deleted[0];
    }
}
