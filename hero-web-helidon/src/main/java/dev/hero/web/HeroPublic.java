package dev.hero.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hero.domain.model.Hero;

/**
 * A hero as every response shows it. It has no secret name field, so none can be written by mistake.
 * {@code age} is written as {@code null} when unknown, as the tutorial does.
 */
@JsonPropertyOrder({"id", "name", "age"})
record HeroPublic(long id, String name, Integer age) {

    static HeroPublic from(Hero hero) {
        return new HeroPublic(hero.id(), hero.name(), hero.age());
    }
}
