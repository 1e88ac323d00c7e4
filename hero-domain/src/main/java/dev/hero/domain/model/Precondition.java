package dev.hero.domain.model;

import java.util.Set;

/**
 * What a conditional update or delete expects of the hero it changes: the domain's words for HTTP's {@code If-Match}.
 * The store checks it and writes in one atomic step, so of two writers that expect the same version, one wins.
 *
 * <p>{@link #none()} asks nothing: a missing hero is {@link HeroNotFoundException}. Every other precondition also
 * requires the hero to exist: when it does not hold, or no hero has the id, the write fails with
 * {@link PreconditionFailedException} and changes nothing.
 */
public sealed interface Precondition {

    /** An unconditional write: the default. */
    static Precondition none() {
        return None.INSTANCE;
    }

    /** Any version of an existing hero ({@code If-Match: *}). */
    static Precondition exists() {
        return Exists.INSTANCE;
    }

    /** One of these versions (none at all is a precondition no hero meets). */
    static Precondition versionIn(Set<Long> versions) {
        return new VersionIn(Set.copyOf(versions));
    }

    /** Whether a hero at this version meets it. */
    boolean allows(long version);

    /** Whether the write asks anything at all: a conditional write that fails is a 412, not a 404. */
    default boolean isConditional() {
        return !(this instanceof None);
    }

    /** No precondition. */
    enum None implements Precondition {
        INSTANCE;

        @Override
        public boolean allows(long version) {
            return true;
        }
    }

    /** The hero exists, at any version. */
    enum Exists implements Precondition {
        INSTANCE;

        @Override
        public boolean allows(long version) {
            return true;
        }
    }

    /** The hero exists at one of these versions. */
    record VersionIn(Set<Long> versions) implements Precondition {

        public VersionIn {
            versions = Set.copyOf(versions);
        }

        @Override
        public boolean allows(long version) {
            return versions.contains(version);
        }
    }
}
