package dev.hero.domain.model;

/** A conditional write found no hero with this id that meets its {@link Precondition}: nothing was changed. */
public final class PreconditionFailedException extends RuntimeException {

    private final long id;

    public PreconditionFailedException(long id) {
        super("Precondition failed for hero " + id, null, false, false);
        this.id = id;
    }

    public long id() {
        return id;
    }
}
