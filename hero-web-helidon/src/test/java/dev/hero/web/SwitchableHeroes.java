package dev.hero.web;

import dev.hero.domain.model.Creation;
import dev.hero.domain.model.Hero;
import dev.hero.domain.model.IdempotencyKey;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.port.in.HeroUseCases;
import dev.hero.domain.service.HeroService;
import dev.hero.domain.testkit.InMemoryHeroes;

import java.util.List;

/**
 * The use cases the routing is built with once per test class, pointing at a fresh in-memory store
 * before each test, so tests never see each other's heroes.
 */
final class SwitchableHeroes implements HeroUseCases {

    private volatile HeroUseCases target;

    /** Points at a new, empty in-memory store and returns it. */
    HeroUseCases reset() {
        return use(new HeroService(new InMemoryHeroes()));
    }

    HeroUseCases use(HeroUseCases useCases) {
        this.target = useCases;
        return useCases;
    }

    HeroUseCases current() {
        return target;
    }

    @Override
    public Hero create(NewHero hero) {
        return target.create(hero);
    }

    @Override
    public Creation create(NewHero hero, IdempotencyKey key) {
        return target.create(hero, key);
    }

    @Override
    public HeroPage list(HeroQuery query) {
        return target.list(query);
    }

    @Override
    public Hero get(long id) {
        return target.get(id);
    }

    @Override
    public Hero update(long id, HeroChanges changes, Precondition precondition) {
        return target.update(id, changes, precondition);
    }

    @Override
    public void delete(long id, Precondition precondition) {
        target.delete(id, precondition);
    }
}
