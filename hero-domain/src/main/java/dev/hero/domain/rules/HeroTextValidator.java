package dev.hero.domain.rules;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks {@link HeroText}; each broken rule gets its own code and sentence. */
public final class HeroTextValidator implements ConstraintValidator<HeroText, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        String problem = problemWith(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
        return false;
    }

    static String problemWith(String value) {
        if (value.isEmpty()) {
            return Rules.TEXT_TOO_SHORT;
        }
        // A UTF-16 length of more than twice the limit cannot be within the limit in code points.
        if (value.length() > 2 * Rules.MAX_TEXT_LENGTH
                || value.codePointCount(0, value.length()) > Rules.MAX_TEXT_LENGTH) {
            return Rules.TEXT_TOO_LONG;
        }
        if (value.indexOf('\u0000') >= 0) {
            return Rules.TEXT_HAS_NUL;
        }
        if (value.isBlank()) {
            return Rules.TEXT_BLANK;
        }
        return null;
    }
}
