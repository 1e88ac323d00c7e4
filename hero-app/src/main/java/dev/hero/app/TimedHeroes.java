package dev.hero.app;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.KeyedCreate;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.port.out.Heroes;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The database side of the metrics: each call of the store timed as {@code hero.db.calls{operation=...}}. */
final class TimedHeroes implements Heroes {

    private final Heroes heroes;
    private final Timer add;
    private final Timer findById;
    private final Timer find;
    private final Timer update;
    private final Timer delete;

    TimedHeroes(Heroes heroes, MeterRegistry registry) {
        this.heroes = heroes;
        this.add = timer(registry, "add");
        this.findById = timer(registry, "findById");
        this.find = timer(registry, "find");
        this.update = timer(registry, "update");
        this.delete = timer(registry, "delete");
    }

    private static Timer timer(MeterRegistry registry, String operation) {
        return registry.getOrCreate(Timer.builder("hero.db.calls")
                .percentiles(new double[0])
                .buckets(Operations.LATENCY_BUCKETS)
                .description("Calls of the hero store (database), by operation")
                .tags(List.of(Tag.create("operation", operation))));
    }

    private static <T> T timed(Timer timer, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            timer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    @Override
    public Hero add(NewHero hero) {
        return timed(add, () -> heroes.add(hero));
    }

    @Override
    public KeyedCreate.Outcome add(NewHero hero, KeyedCreate create) {
        return timed(add, () -> heroes.add(hero, create));
    }

    @Override
    public Optional<Hero> findById(long id) {
        return timed(findById, () -> heroes.findById(id));
    }

    @Override
    public HeroPage find(HeroQuery query) {
        return timed(find, () -> heroes.find(query));
    }

    @Override
    public Optional<Hero> update(long id, HeroChanges changes, Precondition precondition) {
        return timed(update, () -> heroes.update(id, changes, precondition));
    }

    @Override
    public boolean delete(long id, Precondition precondition) {
        return timed(delete, () -> heroes.delete(id, precondition));
    }
}
