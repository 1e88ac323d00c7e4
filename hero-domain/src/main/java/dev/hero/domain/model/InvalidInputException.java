package dev.hero.domain.model;

import java.util.List;

/** A command or query broke one or more rules. Nothing was changed. */
public final class InvalidInputException extends RuntimeException {

    private final Class<?> subject;
    private final transient List<Violation> violations;

    public InvalidInputException(Class<?> subject, List<Violation> violations) {
        super(subject.getSimpleName() + " breaks " + violations.size() + " rule(s): " + violations, null, false, false);
        this.subject = subject;
        this.violations = List.copyOf(violations);
    }

    /** What was validated: {@link NewHero}, {@link HeroChanges} or {@link PageRequest}. */
    public Class<?> subject() {
        return subject;
    }

    public List<Violation> violations() {
        return violations;
    }
}
