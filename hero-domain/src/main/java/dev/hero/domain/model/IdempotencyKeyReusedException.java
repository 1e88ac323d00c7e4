package dev.hero.domain.model;

/** The idempotency key was used for a create with another command: nothing was created. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException(IdempotencyKey key) {
        super("The idempotency key " + key + " was used with another command", null, false, false);
    }
}
