package dev.hero.domain.model;

/** A create under the same idempotency key is still in progress here: nothing was created; try again shortly. */
public final class IdempotencyKeyInFlightException extends RuntimeException {

    public IdempotencyKeyInFlightException(IdempotencyKey key) {
        super("A create under the idempotency key " + key + " is still in progress", null, false, false);
    }
}
