package dev.hero.domain.model;

/**
 * The Hero aggregate: a stored hero with its server-assigned id.
 *
 * @param id         assigned by the store, 64-bit, never reused
 * @param name       1 to 255 characters, not blank
 * @param age        0 to {@link Integer#MAX_VALUE}, or {@code null} when unknown
 * @param secretName write-only: adapters must never show it to the outside world
 */
public record Hero(long id, String name, Integer age, String secretName) {

    /** The hero after the given partial update: absent fields keep their value. */
    public Hero apply(HeroChanges changes) {
        return new Hero(id,
                changes.name().orElse(name),
                changes.age().orElse(age),
                changes.secretName().orElse(secretName));
    }

    /** Never prints the secret name, so a hero in a log line or an exception message cannot leak it. */
    @Override
    public String toString() {
        return "Hero[id=" + id + ", name=" + name + ", age=" + age + ", secretName=***]";
    }
}
