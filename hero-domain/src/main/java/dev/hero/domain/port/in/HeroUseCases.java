package dev.hero.domain.port.in;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.Creation;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.IdempotencyKey;
import dev.hero.domain.model.IdempotencyKeyInFlightException;
import dev.hero.domain.model.IdempotencyKeyReusedException;
import dev.hero.domain.model.HeroNotFoundException;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.model.PreconditionFailedException;

/** What the outside world can do with heroes. Commands arrive already valid: they validate themselves. */
public interface HeroUseCases {

    /** Stores a new hero; it is durable when this returns. */
    Hero create(NewHero hero);

    /**
     * Stores a new hero once per key: the first create under the key stores the hero with the key; a repeat with the
     * same command creates nothing and answers the same hero ({@link Creation#replayed()}), until the key expires.
     *
     * @throws IdempotencyKeyReusedException   when the key was used with another command (nothing created)
     * @throws IdempotencyKeyInFlightException when a create under the key is still running in this process
     */
    Creation create(NewHero hero, IdempotencyKey key);

    /** A page of the heroes matching the query, in its order, with their number and where the next page starts. */
    HeroPage list(HeroQuery query);

    /** @throws HeroNotFoundException when no hero has this id */
    Hero get(long id);

    /**
     * Applies a partial update atomically and returns the hero after it.
     *
     * @throws HeroNotFoundException when no hero has this id
     */
    default Hero update(long id, HeroChanges changes) {
        return update(id, changes, Precondition.none());
    }

    /**
     * Applies a partial update atomically if the hero meets the precondition, checked in the same atomic step, and
     * returns the hero after it. An update that changes nothing checks the precondition against the hero as it is.
     *
     * @throws HeroNotFoundException       when no hero has this id and the precondition is {@link Precondition#none()}
     * @throws PreconditionFailedException when the precondition is any other and no hero with this id meets it
     */
    Hero update(long id, HeroChanges changes, Precondition precondition);

    /** @throws HeroNotFoundException when no hero has this id */
    default void delete(long id) {
        delete(id, Precondition.none());
    }

    /**
     * Deletes the hero if it meets the precondition, checked in the same atomic step.
     *
     * @throws HeroNotFoundException       when no hero has this id and the precondition is {@link Precondition#none()}
     * @throws PreconditionFailedException when the precondition is any other and no hero with this id meets it
     */
    void delete(long id, Precondition precondition);
}
