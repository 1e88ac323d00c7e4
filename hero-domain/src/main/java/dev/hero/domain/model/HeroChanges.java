package dev.hero.domain.model;

import dev.hero.domain.rules.HeroText;
import dev.hero.domain.rules.InvalidInputException;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The command for a partial update. Each field is {@link FieldChange#keep()} when absent, or
 * {@link FieldChange#to(Object)} when present. {@code name} and {@code secretName} may not be set
 * to {@code null} (they are {@link dev.hero.domain.rules.ViolationCode#REQUIRED}); {@code age} may ({@code null} clears
 * it). It validates itself.
 *
 * @throws InvalidInputException from the constructor when a rule is broken
 */
public record HeroChanges(
        FieldChange<@NotNull @HeroText String> name,
        FieldChange<@Min(0) Integer> age,
        FieldChange<@NotNull @HeroText String> secretName) {

    private static final HeroChanges NONE = new HeroChanges(FieldChange.keep(), FieldChange.keep(), FieldChange.keep());

    public HeroChanges(FieldChange<String> name, FieldChange<Integer> age, FieldChange<String> secretName) {
        this.name = name == null ? FieldChange.keep() : name;
        this.age = age == null ? FieldChange.keep() : age;
        this.secretName = secretName == null ? FieldChange.keep() : secretName;
        CommandValidator.validate(this);
    }

    /** The update that changes nothing (an empty PATCH body). */
    public static HeroChanges none() {
        return NONE;
    }

    public boolean isEmpty() {
        return !name.isSet() && !age.isSet() && !secretName.isSet();
    }

    @Override
    public String toString() {
        return "HeroChanges[name=" + name + ", age=" + age + ", secretName=" + (secretName.isSet() ? "***" : "keep") + "]";
    }
}
