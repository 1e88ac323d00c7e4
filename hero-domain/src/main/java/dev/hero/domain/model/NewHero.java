package dev.hero.domain.model;

import dev.hero.domain.rules.HeroText;
import dev.hero.domain.rules.Rules;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The command to create a hero. It validates itself: an instance that exists is valid.
 *
 * @throws InvalidInputException from the constructor when a rule is broken
 */
public record NewHero(
        @NotNull(message = Rules.MISSING) @HeroText String name,
        @Min(value = 0, message = Rules.AGE_NEGATIVE) Integer age,
        @NotNull(message = Rules.MISSING) @HeroText String secretName) {

    public NewHero(String name, Integer age, String secretName) {
        this.name = name;
        this.age = age;
        this.secretName = secretName;
        Rules.validate(this);
    }

    @Override
    public String toString() {
        return "NewHero[name=" + name + ", age=" + age + ", secretName=***]";
    }
}
