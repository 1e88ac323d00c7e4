package dev.hero.domain.rules;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A hero's text field (name, secret name): {@link #min()} to {@link #max()} characters (Unicode code points), at least
 * one of them not whitespace, no U+0000 (PostgreSQL cannot store it) and no lone UTF-16 surrogate. Each broken rule is
 * reported with its own {@link ViolationCode}. {@code null} is valid here; combine with {@code @NotNull} where the
 * field is required.
 */
@Documented
@Constraint(validatedBy = HeroTextValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface HeroText {

    /** The longest text the tutorial's schema allows, and every hero field's limit. */
    int MAX_LENGTH = 255;

    int min() default 1;

    int max() default MAX_LENGTH;

    /** Unused: each violation names its {@link ViolationCode} instead. */
    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
