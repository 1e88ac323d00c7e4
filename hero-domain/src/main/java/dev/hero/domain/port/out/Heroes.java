package dev.hero.domain.port.out;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.KeyedCreate;
import dev.hero.domain.model.Precondition;

import java.util.Optional;

/**
 * The heroes, wherever they are kept: the outgoing persistence port.
 *
 * <p>Every implementation must pass the contract suite {@code dev.hero.domain.testkit.HeroesContract}
 * (hero-domain's test-jar). Implementations are safe for concurrent use, and a method that returns
 * after a write has made that write durable. When the store cannot serve a call for a passing reason
 * (unreachable, no free connection in time, closing), they throw {@link HeroesUnavailableException}.
 */
public interface Heroes {

    /** Stores a hero under a new id, never used before (ids are not reused after a delete), at {@link Hero#FIRST_VERSION}. */
    Hero add(NewHero hero);

    /**
     * Adds the hero and stores the key's record with it (the fingerprint, the new hero's id, the expiry) in the same
     * transaction, so that a crash keeps both or neither; unless a record of the key is there that has not expired at
     * {@code create.now()}: then nothing is added and that record is the answer. An expired record counts as absent
     * (the new one takes its place). Each call also removes a few expired records (at most a small fixed number,
     * found through an index on the expiry), so the records never grow past what their lifetime holds.
     *
     * <p>Two calls with one key at the same moment (two instances over one database) add one hero: the second waits
     * for the first's transaction and then answers its record.
     */
    KeyedCreate.Outcome add(NewHero hero, KeyedCreate create);

    Optional<Hero> findById(long id);

    /**
     * The heroes matching the query's filters, in its order ({@link dev.hero.domain.model.HeroSort#comparator()}),
     * from its offset or just after its position, at most its limit; with the number of matching heroes and
     * whether more follow. Build the answer with {@link HeroPage#of}: fetch up to {@code limit + 1} heroes.
     * The heroes and the count come from one consistent view of the store.
     */
    HeroPage find(HeroQuery query);

    /**
     * Applies the changes atomically: concurrent updates of one hero never mix into a torn row. The version goes up by
     * one when a field gets another value ({@link Hero#apply}); an update that sets every field to what it is keeps it.
     *
     * @param changes      at least one field set: the use cases answer an update that changes nothing with a
     *                     read and never pass it here, so an implementation need not handle one
     * @param precondition checked against the hero's version in the same atomic step as the write (a conditional
     *                     {@code UPDATE ... WHERE id = ? AND version IN (...)}): of two updates that expect one version,
     *                     only one can find it
     * @return the hero after the change, or empty when no hero has this id or it does not meet the precondition (and
     *         then nothing changed)
     */
    Optional<Hero> update(long id, HeroChanges changes, Precondition precondition);

    /** {@link #update(long, HeroChanges, Precondition)} without a precondition. */
    default Optional<Hero> update(long id, HeroChanges changes) {
        return update(id, changes, Precondition.none());
    }

    /**
     * Deletes the hero if it meets the precondition, in one atomic step.
     *
     * @return whether a hero with this id that meets the precondition existed (and is now gone)
     */
    boolean delete(long id, Precondition precondition);

    /** @return whether a hero with this id existed (and is now gone) */
    default boolean delete(long id) {
        return delete(id, Precondition.none());
    }
}
