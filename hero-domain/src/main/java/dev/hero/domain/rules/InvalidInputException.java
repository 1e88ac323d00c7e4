package dev.hero.domain.rules;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A command or query broke one or more rules; nothing was changed. {@link #violations()} lists each broken rule,
 * in the order of the command's fields; neither they nor the message ever contain a rejected value.
 */
public final class InvalidInputException extends RuntimeException {

    private final Class<?> subject;
    private final transient List<Violation> violations;

    public InvalidInputException(Class<?> subject, List<Violation> violations) {
        super(subject.getSimpleName() + " breaks " + violations.size() + " rule(s): "
                + violations.stream().map(Violation::describe).collect(Collectors.joining("; ")), null, false, false);
        this.subject = subject;
        this.violations = List.copyOf(violations);
    }

    /** What was validated, such as {@code NewHero}. */
    public Class<?> subject() {
        return subject;
    }

    public List<Violation> violations() {
        return violations;
    }
}
