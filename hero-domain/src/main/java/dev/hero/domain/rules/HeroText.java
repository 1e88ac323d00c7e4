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
 * A hero's text field (name, secret name): 1 to {@value Rules#MAX_TEXT_LENGTH} characters (Unicode code
 * points), at least one of them not whitespace, and no U+0000 (PostgreSQL cannot store it).
 * {@code null} is valid here; combine with {@code @NotNull} where the field is required.
 */
@Documented
@Constraint(validatedBy = HeroTextValidator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface HeroText {
    String message() default Rules.TEXT_INVALID;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
