package dev.hero.domain.rules;

import dev.hero.domain.model.InvalidInputException;
import dev.hero.domain.model.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Runs the rules declared on the commands, through whichever Jakarta Validation provider is on the
 * class path (the application ships Hibernate Validator).
 *
 * <p>Each constraint message is {@code "type:sentence"}: the type is a stable code (named after the
 * ones FastAPI clients already know), the sentence is what a person reads. Messages are literal, so
 * no expression language is needed.
 */
public final class Rules {

    public static final int MAX_TEXT_LENGTH = 255;

    public static final String MISSING = "missing:Field required";
    public static final String NOT_A_STRING = "string_type:Input should be a valid string";
    public static final String TEXT_INVALID = "string_invalid:Input should be a valid text";
    public static final String TEXT_TOO_SHORT = "string_too_short:String should have at least 1 character";
    public static final String TEXT_TOO_LONG = "string_too_long:String should have at most " + MAX_TEXT_LENGTH + " characters";
    public static final String TEXT_BLANK = "string_pattern_mismatch:String should have at least one non-whitespace character";
    public static final String TEXT_HAS_NUL = "string_pattern_mismatch:String should not contain the NUL character (U+0000)";
    public static final String TEXT_NOT_UNICODE = "string_unicode:Input should be a valid string, unable to parse raw data as a unicode string";
    public static final String AGE_NEGATIVE = "greater_than_equal:Input should be greater than or equal to 0";
    public static final String OFFSET_NEGATIVE = "greater_than_equal:Input should be greater than or equal to 0";
    public static final String LIMIT_NEGATIVE = "greater_than_equal:Input should be greater than or equal to 0";
    public static final String LIMIT_TOO_LARGE = "less_than_equal:Input should be less than or equal to 100";

    private Rules() {
    }

    /**
     * Validates a command or query record.
     *
     * @throws InvalidInputException listing every broken rule, in the record's field order
     */
    public static void validate(Record command) {
        Set<ConstraintViolation<Record>> broken = Holder.VALIDATOR.validate(command);
        if (broken.isEmpty()) {
            return;
        }
        List<String> fieldOrder = Arrays.stream(command.getClass().getRecordComponents()).map(c -> c.getName()).toList();
        List<Violation> violations = broken.stream()
                .map(Rules::toViolation)
                .sorted(Comparator.comparingInt(v -> fieldOrder.indexOf(v.field())))
                .toList();
        throw new InvalidInputException(command.getClass(), violations);
    }

    /** Builds the validator now rather than on the first request. */
    public static void warmUp() {
        Holder.VALIDATOR.getConstraintsForClass(Rules.class);
    }

    private static Violation toViolation(ConstraintViolation<?> violation) {
        String field = violation.getPropertyPath().iterator().next().getName();
        String template = violation.getMessageTemplate();
        int colon = template.indexOf(':');
        return new Violation(field, template.substring(0, colon), template.substring(colon + 1));
    }

    /** Lazily built, once: building a validator factory takes a few hundred milliseconds. */
    private static final class Holder {
        static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
                .messageInterpolator(new SentenceOnly())
                .addValueExtractor(new FieldChangeValueExtractor())
                .buildValidatorFactory()
                .getValidator();
    }

    /** Keeps the sentence of a {@code "type:sentence"} template. */
    private static final class SentenceOnly implements MessageInterpolator {
        @Override
        public String interpolate(String template, Context context) {
            return template.substring(template.indexOf(':') + 1);
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            return interpolate(template, context);
        }
    }
}
