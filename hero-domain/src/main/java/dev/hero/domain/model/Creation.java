package dev.hero.domain.model;

/**
 * The answer to a create under an idempotency key.
 *
 * @param hero     the hero as the first create under the key answered it: its id, and the command's fields at
 *                 {@link Hero#FIRST_VERSION} (a repeat carries the same command, so the answer is the same)
 * @param replayed whether an earlier create under the key made it, and this one created nothing
 */
public record Creation(Hero hero, boolean replayed) {
}
