package dev.hero.domain.port.out;

/**
 * The store cannot serve the call now: it is unreachable, it had no free connection in time, or it is
 * closing. A passing condition, not a fault in the call: the caller may retry later. A read changed
 * nothing; a write that failed before it reached the store changed nothing, while one cut off during its
 * commit may or may not have taken effect (retrying a PATCH or DELETE is safe; a create may then exist twice).
 * Adapters of {@link Heroes} throw it; the web adapter answers it with 503 and {@code Retry-After}.
 */
public final class HeroesUnavailableException extends RuntimeException {

    public HeroesUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
