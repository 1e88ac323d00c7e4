package dev.hero.domain.service;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.Creation;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.IdempotencyKey;
import dev.hero.domain.model.IdempotencyKeyInFlightException;
import dev.hero.domain.model.IdempotencyKeyReusedException;
import dev.hero.domain.model.KeyedCreate;
import dev.hero.domain.model.HeroNotFoundException;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.model.PreconditionFailedException;
import dev.hero.domain.port.in.HeroUseCases;
import dev.hero.domain.port.out.Heroes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The use cases over a {@link Heroes} store. */
public final class HeroService implements HeroUseCases {

    /** How long an idempotency key holds unless told otherwise: a day. */
    public static final Duration DEFAULT_IDEMPOTENCY_TTL = Duration.ofHours(24);

    private final Heroes heroes;
    private final Duration idempotencyTtl;
    private final Clock clock;
    /** The keys of the creates running in this process: a second one with the same key is refused, not queued. */
    private final Set<String> keysInFlight = ConcurrentHashMap.newKeySet();

    public HeroService(Heroes heroes) {
        this(heroes, DEFAULT_IDEMPOTENCY_TTL, Clock.systemUTC());
    }

    /**
     * @param idempotencyTtl how long a create's idempotency key holds (positive)
     * @param clock          the time the keys' expiry is counted in
     */
    public HeroService(Heroes heroes, Duration idempotencyTtl, Clock clock) {
        this.heroes = Objects.requireNonNull(heroes, "heroes");
        this.idempotencyTtl = Objects.requireNonNull(idempotencyTtl, "idempotencyTtl");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (idempotencyTtl.isNegative() || idempotencyTtl.isZero()) {
            throw new IllegalArgumentException("idempotencyTtl must be positive, was " + idempotencyTtl);
        }
    }

    @Override
    public Hero create(NewHero hero) {
        return heroes.add(Objects.requireNonNull(hero, "hero"));
    }

    /**
     * A repeat is told from another create by the fingerprint of its command; its answer is rebuilt from the stored
     * hero id and the command, which is the same command, so it is the first answer again, whatever happened to the
     * hero since.
     */
    @Override
    public Creation create(NewHero hero, IdempotencyKey key) {
        Objects.requireNonNull(hero, "hero");
        Objects.requireNonNull(key, "key");
        if (!keysInFlight.add(key.value())) {
            throw new IdempotencyKeyInFlightException(key);
        }
        try {
            Instant now = clock.instant();
            String fingerprint = key.fingerprint(hero);
            return switch (heroes.add(hero, new KeyedCreate(key, fingerprint, now, now.plus(idempotencyTtl)))) {
                case KeyedCreate.Added added -> new Creation(added.hero(), false);
                case KeyedCreate.Stored stored when stored.fingerprint().equals(fingerprint) -> new Creation(
                        new Hero(stored.heroId(), hero.name(), hero.age(), hero.secretName(), Hero.FIRST_VERSION), true);
                case KeyedCreate.Stored other -> throw new IdempotencyKeyReusedException(key);
            };
        } finally {
            keysInFlight.remove(key.value());
        }
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
