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
        if (hasLoneSurrogate(value)) {
            // not Unicode text: no database can store it as such (the drivers replaced it with "?")
            return Rules.TEXT_NOT_UNICODE;
        }
        if (value.isBlank()) {
            return Rules.TEXT_BLANK;
        }
        return null;
    }

    /** A UTF-16 surrogate that is not half of a pair, such as JSON's {@code "\\ud800"} decodes to. */
    private static boolean hasLoneSurrogate(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
