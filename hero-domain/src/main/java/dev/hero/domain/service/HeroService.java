package dev.hero.domain.service;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.HeroNotFoundException;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.port.in.HeroUseCases;
import dev.hero.domain.port.out.Heroes;

import java.util.Objects;

/** The use cases over a {@link Heroes} store. */
public final class HeroService implements HeroUseCases {

    private final Heroes heroes;

    public HeroService(Heroes heroes) {
        this.heroes = Objects.requireNonNull(heroes, "heroes");
    }

    @Override
    public Hero create(NewHero hero) {
        return heroes.add(Objects.requireNonNull(hero, "hero"));
    }

    @Override
    public HeroPage list(HeroQuery query) {
        return heroes.find(Objects.requireNonNull(query, "query"));
    }

    @Override
    public Hero get(long id) {
        return heroes.findById(id).orElseThrow(() -> new HeroNotFoundException(id));
    }

    @Override
    public Hero update(long id, HeroChanges changes) {
        Objects.requireNonNull(changes, "changes");
        if (changes.isEmpty()) {
            return get(id);
        }
        return heroes.update(id, changes).orElseThrow(() -> new HeroNotFoundException(id));
    }

    @Override
    public void delete(long id) {
        if (!heroes.delete(id)) {
            throw new HeroNotFoundException(id);
        }
    }
}
