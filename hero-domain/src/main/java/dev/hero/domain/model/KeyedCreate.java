package dev.hero.domain.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A create under an idempotency key, as the store keeps it: the key, the {@linkplain IdempotencyKey#fingerprint
 * fingerprint} of the command, and until when the key holds. A record of the key whose {@code expiresAt} is not after
 * {@code now} counts as absent.
 */
public record KeyedCreate(IdempotencyKey key, String fingerprint, Instant now, Instant expiresAt) {

    public KeyedCreate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** What the store answers a keyed create with. */
    public sealed interface Outcome {
    }

    /** The hero was added, and the key stored with it in the same transaction. */
    public record Added(Hero hero) implements Outcome {
    }

    /** A live record of the key was there: nothing was added. Its fingerprint, and the id of the hero it created. */
    public record Stored(String fingerprint, long heroId) implements Outcome {
    }
}
