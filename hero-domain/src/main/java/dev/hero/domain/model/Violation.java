package dev.hero.domain.model;

/**
 * One broken rule.
 *
 * @param field   the command's record component ({@code name}, {@code secretName}, {@code limit}); adapters
 *                translate it to their own spelling
 * @param type    a stable machine-readable code, such as {@code string_too_long}
 * @param message a human sentence; never contains the rejected value
 */
public record Violation(String field, String type, String message) {
}
