package dev.hero.domain.model;

import dev.hero.domain.rules.HeroText;
import dev.hero.domain.rules.InvalidInputException;
import dev.hero.domain.rules.ValueKind;
import dev.hero.domain.rules.Violation;
import dev.hero.domain.rules.ViolationCode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.NoProviderFoundException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.lang.annotation.Annotation;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the constraints declared on the commands through whichever Jakarta Validation provider is on the class path
 * (the service ships Hibernate Validator), and reports each broken one as a {@link Violation} in the domain's terms.
 * Without a provider every command fails with the same {@link IllegalStateException} naming the artifact to add.
 * The code comes from the constraint itself ({@code @NotNull} is {@link ViolationCode#REQUIRED}, {@code @Min} is
 * {@link ViolationCode#TOO_SMALL} with its value as the limit, ...), so no message text is involved and no
 * expression language is needed at run time.
 */
public final class CommandValidator {

    /** Why no command can be created without a provider, and what to add. */
    static final String MISSING_PROVIDER = "hero-domain's commands validate themselves through a Jakarta Validation "
            + "provider, and there is none on the class path: add org.hibernate.validator:hibernate-validator "
            + "(its version from the dev.hero:hero-parent BOM) as a runtime dependency (docs/library.md)";

    private CommandValidator() {
    }

    /**
     * Builds the validator and reads every command's constraints now rather than on the first command of each kind
     * (the validator takes tens of milliseconds to build, and each command's constraints tens more on a JVM that has
     * just started). Optional: call it while something else starts, such as the database.
     */
    public static void warmUp() {
        warmUp(NewHero.class, HeroChanges.class, HeroQuery.class);
    }

    /** {@link #warmUp()} for these commands alone, such as the one the first request of a kind needs. */
    public static void warmUp(Class<?>... commands) {
        for (Class<?> command : commands) {
            validator().getConstraintsForClass(command);
        }
    }

    /**
     * @throws InvalidInputException listing every broken rule, in the record's field order
     */
    static void validate(Record command) {
        validate(command, List.of());
    }

    /**
     * The command's declared constraints together with rules that span several of its fields, which the command
     * checks itself ({@link HeroQuery}'s range and position): every broken rule is reported at once.
     *
     * @throws InvalidInputException listing every broken rule, in the record's field order
     */
    static void validate(Record command, List<Violation> alsoBroken) {
        Set<ConstraintViolation<Record>> broken = validator().validate(command);
        if (broken.isEmpty() && alsoBroken.isEmpty()) {
            return;
        }
        List<String> fieldOrder = Arrays.stream(command.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
        List<Violation> violations = Stream.concat(broken.stream().map(CommandValidator::toViolation), alsoBroken.stream())
                .sorted(Comparator.comparingInt(v -> fieldOrder.indexOf(v.field())))
                .toList();
        throw new InvalidInputException(command.getClass(), violations);
    }

    private static Violation toViolation(ConstraintViolation<?> violation) {
        String field = violation.getPropertyPath().iterator().next().getName();
        ValueKind rejected = ValueKind.of(violation.getInvalidValue());
        Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
        return switch (constraint) {
            case NotNull ignored -> Violation.of(field, ViolationCode.REQUIRED, rejected);
            case Min min -> Violation.of(field, ViolationCode.TOO_SMALL, rejected, min.value());
            case Max max -> Violation.of(field, ViolationCode.TOO_LARGE, rejected, max.value());
            case HeroText text -> textViolation(field, ViolationCode.valueOf(violation.getMessageTemplate()), rejected, text);
            default -> throw new IllegalStateException("A constraint without a violation code: " + constraint.annotationType().getName());
        };
    }

    private static Violation textViolation(String field, ViolationCode code, ValueKind rejected, HeroText text) {
        return switch (code) {
            case TOO_SHORT -> Violation.of(field, code, rejected, text.min());
            case TOO_LONG -> Violation.of(field, code, rejected, text.max());
            default -> Violation.of(field, code, rejected);
        };
    }

    private static Validator validator() {
        if (Holder.VALIDATOR == null) {
            throw new IllegalStateException(MISSING_PROVIDER, Holder.MISSING);
        }
        return Holder.VALIDATOR;
    }

    /** Lazily built, once: the validator, or why there is none (so every command fails alike, not with NoClassDefFoundError). */
    private static final class Holder {
        static final NoProviderFoundException MISSING;
        static final Validator VALIDATOR;

        static {
            Validator validator = null;
            NoProviderFoundException missing = null;
            try {
                // the commands' constraints are their annotations alone: no META-INF/validation.xml is looked for
                validator = Validation.byDefaultProvider().configure()
                        .ignoreXmlConfiguration()
                        .messageInterpolator(new TemplateAsIs())
                        .addValueExtractor(new FieldChangeValueExtractor())
                        .buildValidatorFactory()
                        .getValidator();
            } catch (NoProviderFoundException e) {
                missing = e;
            }
            VALIDATOR = validator;
            MISSING = missing;
        }
    }

    /** Messages are not used (violations carry codes); this keeps the provider from needing expression language. */
    private static final class TemplateAsIs implements MessageInterpolator {
        @Override
        public String interpolate(String template, Context context) {
            return template;
        }

        @Override
        public String interpolate(String template, Context context, Locale locale) {
            return template;
        }
    }
}
