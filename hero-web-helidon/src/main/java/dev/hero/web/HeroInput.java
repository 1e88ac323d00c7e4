package dev.hero.web;

import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.HeroQuery;

/**
 * The reader's table for Hero's API: every value a request carries, one row each, and the commands built from them.
 * A new hero field is one {@code body} row here, and its place in the two constructor calls below (the compiler
 * points at them once the command records have the new component). See docs/architecture.md, "Adding a field".
 */
final class HeroInput {

    /** The path parameter, named as in the tutorial, so a 422 says {@code ["path", "hero_id"]}. */
    static final InputField<Long> HERO_ID = InputField.path("hero_id", InputType.INT64);

    static final InputField<Long> OFFSET = InputField.query("offset", InputType.INT64, HeroQuery.DEFAULT_OFFSET, "offset");
    static final InputField<Integer> LIMIT = InputField.query("limit", InputType.INT32_BOUNDED_BY_COMMAND, HeroQuery.DEFAULT_LIMIT, "limit");

    static final InputField<String> NAME = InputField.body("name", InputType.TEXT, "name");
    static final InputField<Integer> AGE = InputField.nullableBody("age", InputType.INT32, "age");
    static final InputField<String> SECRET_NAME = InputField.body("secret_name", InputType.TEXT, "secretName");

    private HeroInput() {
    }

    /** The hero's id from the path; a problem (reported with the others) and 0 when it is not a 64-bit integer. */
    static long heroId(RequestInput input) {
        return orZero(input.value(HERO_ID));
    }

    static HeroQuery page(RequestInput input) {
        return input.command(() -> HeroQuery.page(orZero(input.value(OFFSET)), orZero(input.value(LIMIT))));
    }

    static NewHero newHero(RequestInput input) {
        return input.command(() -> new NewHero(input.value(NAME), input.value(AGE), input.value(SECRET_NAME)));
    }

    static HeroChanges changes(RequestInput input) {
        return input.command(() -> new HeroChanges(input.change(NAME), input.change(AGE), input.change(SECRET_NAME)));
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
