package dev.hero.domain.port.out;

/**
 * The store cannot serve the call now: it is unreachable, it had no free connection in time, its disk is full or
 * failing, its file went away, or it is closing. A passing condition, not a fault in the call: the caller may retry
 * later. A read changed nothing, and neither did a write unless {@link #isOutcomeUnknown()}: then the write was cut
 * off during its commit (or its wait ran out after the store had taken it) and may or may not have taken effect.
 * Retrying a PATCH or DELETE is then safe; a create may exist twice. Adapters of {@link Heroes} throw it; the web
 * adapter answers it with 503 and {@code Retry-After}.
 */
public final class HeroesUnavailableException extends RuntimeException {

    private final boolean outcomeUnknown;

    /** The store was not changed by the call. */
    public HeroesUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private HeroesUnavailableException(String message, Throwable cause, boolean outcomeUnknown) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** A write whose commit was cut off: it may or may not have taken effect. */
    public static HeroesUnavailableException outcomeUnknown(String message, Throwable cause) {
        return new HeroesUnavailableException(message, cause, true);
    }

    /** Whether the write may have taken effect although it failed (its commit was cut off). */
    public boolean isOutcomeUnknown() {
        return outcomeUnknown;
    }
}
