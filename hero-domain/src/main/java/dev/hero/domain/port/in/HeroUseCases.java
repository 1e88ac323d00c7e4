package dev.hero.domain.port.in;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.HeroNotFoundException;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.NewHero;

/** What the outside world can do with heroes. Commands arrive already valid: they validate themselves. */
public interface HeroUseCases {

    /** Stores a new hero; it is durable when this returns. */
    Hero create(NewHero hero);

    /** A page of the heroes matching the query, in its order, with their number and where the next page starts. */
    HeroPage list(HeroQuery query);

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
