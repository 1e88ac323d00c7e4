package dev.hero.domain.model;

/** No hero has this id. */
public final class HeroNotFoundException extends RuntimeException {

    private final long id;

    public HeroNotFoundException(long id) {
        super("Hero not found: " + id, null, false, false);
        this.id = id;
    }

    public long id() {
        return id;
    }
}
