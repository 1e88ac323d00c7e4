package dev.hero.domain.service;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.HeroNotFoundException;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.model.PreconditionFailedException;
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
    public Hero update(long id, HeroChanges changes, Precondition precondition) {
        Objects.requireNonNull(changes, "changes");
        Objects.requireNonNull(precondition, "precondition");
        if (changes.isEmpty()) {
            return heroes.findById(id)
                    .filter(hero -> precondition.allows(hero.version()))
                    .orElseThrow(() -> failed(id, precondition));
        }
        return heroes.update(id, changes, precondition).orElseThrow(() -> failed(id, precondition));
    }

    @Override
    public void delete(long id, Precondition precondition) {
        Objects.requireNonNull(precondition, "precondition");
        if (!heroes.delete(id, precondition)) {
            throw failed(id, precondition);
        }
    }

    /** A write that found no hero to change: missing, unless it asked for a version (or for any hero at all). */
    private static RuntimeException failed(long id, Precondition precondition) {
        return precondition.isConditional() ? new PreconditionFailedException(id) : new HeroNotFoundException(id);
    }
}
