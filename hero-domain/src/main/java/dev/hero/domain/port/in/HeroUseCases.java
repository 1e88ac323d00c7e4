package dev.hero.domain.port.in;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.HeroNotFoundException;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.PageRequest;

import java.util.List;

/** What the outside world can do with heroes. Commands arrive already valid: they validate themselves. */
public interface HeroUseCases {

    /** Stores a new hero; it is durable when this returns. */
    Hero create(NewHero hero);

    /** A page of heroes, ordered by id ascending. */
    List<Hero> list(PageRequest page);

    /** @throws HeroNotFoundException when no hero has this id */
    Hero get(long id);

    /**
     * Applies a partial update atomically and returns the hero after it.
     *
     * @throws HeroNotFoundException when no hero has this id
     */
    Hero update(long id, HeroChanges changes);

    /** @throws HeroNotFoundException when no hero has this id */
    void delete(long id);
}
