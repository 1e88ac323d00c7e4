package dev.hero.app;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.KeyedCreate;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.port.out.Heroes;
import dev.hero.persistence.jooq.HeroDatabase;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The store of a database that is still opening: lets the use cases and the web adapter be built while Flyway migrates
 * (docs/performance.md, "Start-up"). {@link HeroServer} starts listening only once the database is open, so every
 * call finds it open and goes straight to it.
 */
final class OpeningHeroes implements Heroes {

    private final CompletableFuture<HeroDatabase> opening;

    OpeningHeroes(CompletableFuture<HeroDatabase> opening) {
        this.opening = opening;
    }

    private Heroes store() {
        return opening.join().heroes();
    }

    @Override
    public Hero add(NewHero hero) {
        return store().add(hero);
    }

    @Override
    public KeyedCreate.Outcome add(NewHero hero, KeyedCreate create) {
        return store().add(hero, create);
    }

    @Override
    public Optional<Hero> findById(long id) {
        return store().findById(id);
    }

    @Override
    public HeroPage find(HeroQuery query) {
        return store().find(query);
    }

    @Override
    public Optional<Hero> update(long id, HeroChanges changes, Precondition precondition) {
        return store().update(id, changes, precondition);
    }

    @Override
    public boolean delete(long id, Precondition precondition) {
        return store().delete(id, precondition);
    }
}
