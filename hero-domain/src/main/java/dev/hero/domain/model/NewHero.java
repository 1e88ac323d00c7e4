package dev.hero.domain.model;

import dev.hero.domain.rules.HeroText;
import dev.hero.domain.rules.InvalidInputException;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The command to create a hero. It validates itself: an instance that exists is valid.
 *
 * @throws InvalidInputException from the constructor when a rule is broken
 */
public record NewHero(
        @NotNull @HeroText String name,
        @Min(0) Integer age,
        @NotNull @HeroText String secretName) {

    public NewHero(String name, Integer age, String secretName) {
        this.name = name;
        this.age = age;
        this.secretName = secretName;
        CommandValidator.validate(this);
    }

    @Override
    public String toString() {
        return "NewHero[name=" + name + ", age=" + age + ", secretName=***]";
    }
}
