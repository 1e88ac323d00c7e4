package dev.hero.domain.rules;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Checks {@link HeroText}. Each broken rule becomes a violation whose message template is its
 * {@link ViolationCode}'s name, which the commands' validator turns back into the code.
 */
public final class HeroTextValidator implements ConstraintValidator<HeroText, String> {

    private int min;
    private int max;

    @Override
    public void initialize(HeroText text) {
        this.min = text.min();
        this.max = text.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        ViolationCode broken = brokenRule(value);
        if (broken == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(broken.name()).addConstraintViolation();
        return false;
    }

    private ViolationCode brokenRule(String value) {
        // a UTF-16 length of more than twice the limit cannot be within the limit in code points: no count needed
        if (value.length() > 2L * max) {
            return ViolationCode.TOO_LONG;
        }
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            return ViolationCode.TOO_LONG;
        }
        if (length < min) {
            return ViolationCode.TOO_SHORT;
        }
        if (value.indexOf('\u0000') >= 0) {
            return ViolationCode.CONTAINS_NUL;
        }
        if (hasLoneSurrogate(value)) {
            return ViolationCode.NOT_UNICODE;
        }
        if (value.isBlank()) {
            return ViolationCode.BLANK;
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
