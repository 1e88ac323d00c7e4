package dev.hero.domain.model;

import java.util.Objects;

/**
 * The Hero aggregate: a stored hero with its server-assigned id and its version.
 *
 * @param id         assigned by the store, 64-bit, never reused
 * @param name       1 to 255 characters, not blank
 * @param age        0 to {@link Integer#MAX_VALUE}, or {@code null} when unknown
 * @param secretName write-only: adapters must never show it to the outside world
 * @param version    {@link #FIRST_VERSION} when stored, one more after each update that changes a field (the
 *                   secret name too); an update that sets every field to the value it has keeps it
 */
public record Hero(long id, String name, Integer age, String secretName, long version) {

    /** The version of a hero just added. */
    public static final long FIRST_VERSION = 1;

    /**
     * The hero after the given partial update: absent fields keep their value, and the version goes up by one when a
     * field gets another value than it had; otherwise the hero is returned as it is.
     */
    public Hero apply(HeroChanges changes) {
        Hero changed = new Hero(id,
                changes.name().orElse(name),
                changes.age().orElse(age),
                changes.secretName().orElse(secretName),
                version);
        return changed.sameFieldsAs(this) ? this : changed.withVersion(version + 1);
    }

    /** Whether the two have the same name, age and secret name (whatever their ids and versions). */
    private boolean sameFieldsAs(Hero other) {
        return name.equals(other.name) && Objects.equals(age, other.age) && secretName.equals(other.secretName);
    }

    private Hero withVersion(long newVersion) {
        return new Hero(id, name, age, secretName, newVersion);
    }

    /** Never prints the secret name, so a hero in a log line or an exception message cannot leak it. */
    @Override
    public String toString() {
        return "Hero[id=" + id + ", name=" + name + ", age=" + age + ", secretName=***, version=" + version + "]";
    }
}
