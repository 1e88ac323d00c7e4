package dev.hero.domain.testkit;

import dev.hero.domain.model.FieldChange;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.NewHero;

/** Small builders for test data: {@code aHero().named("Rusty-Man").aged(48).build()}. */
public final class HeroBuilder {

    private String name = "Deadpond";
    private Integer age = 30;
    private String secretName = "Dive Wilson";

    private HeroBuilder() {
    }

    public static HeroBuilder aHero() {
        return new HeroBuilder();
    }

    public HeroBuilder named(String name) {
        this.name = name;
        return this;
    }

    public HeroBuilder aged(Integer age) {
        this.age = age;
        return this;
    }

    public HeroBuilder withoutAge() {
        this.age = null;
        return this;
    }

    public HeroBuilder withSecretName(String secretName) {
        this.secretName = secretName;
        return this;
    }

    public NewHero build() {
        return new NewHero(name, age, secretName);
    }

    public static HeroChanges renameTo(String name) {
        return new HeroChanges(FieldChange.to(name), FieldChange.keep(), FieldChange.keep());
    }

    public static HeroChanges setAge(Integer age) {
        return new HeroChanges(FieldChange.keep(), FieldChange.to(age), FieldChange.keep());
    }

    public static HeroChanges setSecretName(String secretName) {
        return new HeroChanges(FieldChange.keep(), FieldChange.keep(), FieldChange.to(secretName));
    }

    public static HeroChanges setAll(String name, Integer age, String secretName) {
        return new HeroChanges(FieldChange.to(name), FieldChange.to(age), FieldChange.to(secretName));
    }
}
