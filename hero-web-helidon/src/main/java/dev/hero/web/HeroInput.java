package dev.hero.web;

import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.HeroPosition;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.HeroSort;
import dev.hero.domain.model.NewHero;

import java.util.List;

/**
 * The reader's table for Hero's API: every value a request carries, one row each, and the commands built from them.
 * A new hero field is one {@code body} row here, and its place in the two constructor calls below (the compiler
 * points at them once the command records have the new component). See docs/architecture.md, "Adding a field".
 */
final class HeroInput {

    /** The path parameter, named as in the tutorial, so a 422 says {@code ["path", "hero_id"]}. */
    static final InputField<Long> HERO_ID = InputField.path("hero_id", InputType.INT64);

    /**
     * The list's parameters: filters, sort, page. A 422 lists their problems in the order {@link #query} reads them
     * ({@code name, min_age, max_age, sort, offset, limit, after}); {@code max_age} is declared first, as the bound
     * {@code min_age} names.
     */
    static final InputField<String> NAME_FILTER = InputField.query("name", InputType.TEXT, null, "name");
    static final InputField<Integer> MAX_AGE = InputField.query("max_age", InputType.INT32, null, "maxAge");
    static final InputField<Integer> MIN_AGE = InputField.query("min_age", InputType.INT32, null, "minAge").atMost(MAX_AGE);
    static final InputField<HeroSort> SORT = InputField.query("sort", InputType.oneOf(HeroSort.keys(), HeroSort::fromKey),
            HeroSort.DEFAULT, "sort");
    static final InputField<Long> OFFSET = InputField.query("offset", InputType.INT64, HeroQuery.DEFAULT_OFFSET, "offset");
    static final InputField<Integer> LIMIT = InputField.query("limit", InputType.INT32_BOUNDED_BY_COMMAND, HeroQuery.DEFAULT_LIMIT, "limit");
    /** Where a page starts when it follows another: the cursor in the {@code Link} of the page before ({@link Cursor}). */
    static final InputField<Cursor> AFTER = InputField.query("after", InputType.CURSOR, null, "after");

    static final InputField<String> NAME = InputField.body("name", InputType.TEXT, "name");
    static final InputField<Integer> AGE = InputField.nullableBody("age", InputType.INT32, "age");
    static final InputField<String> SECRET_NAME = InputField.body("secret_name", InputType.TEXT, "secretName");

    private HeroInput() {
    }

    /** The hero's id from the path; a problem (reported with the others) and 0 when it is not a 64-bit integer. */
    static long heroId(RequestInput input) {
        return orZero(input.value(HERO_ID));
    }

    /** The list's query: filters, sort, then an offset or a cursor, and the limit. */
    static HeroQuery query(RequestInput input) {
        String name = input.value(NAME_FILTER);
        Integer minAge = input.value(MIN_AGE);
        Integer maxAge = input.value(MAX_AGE);
        HeroSort sort = input.value(SORT);
        long offset = orZero(input.value(OFFSET));
        int limit = orZero(input.value(LIMIT));
        Cursor cursor = input.value(AFTER);
        HeroPosition after = cursor == null ? null : positionOf(cursor, input, name, minAge, maxAge, sort);
        return input.command(() -> new HeroQuery(name, minAge, maxAge, sort, offset, limit, after));
    }

    /**
     * Where the cursor says the page starts, when it belongs to the listing the request asks for: made for its sort and
     * its filters, and no offset beside it. Otherwise a problem at {@code after}, and {@code null}.
     */
    private static HeroPosition positionOf(Cursor cursor, RequestInput input, String name, Integer minAge, Integer maxAge,
                                           HeroSort sort) {
        if (input.carries(OFFSET)) {
            input.reject(AFTER, Problem.cursorWithOffset(AFTER.where(), AFTER.name(), OFFSET.name()));
            return null;
        }
        if (!input.readWell(NAME_FILTER, MIN_AGE, MAX_AGE, SORT)) {
            // their own problems say what to fix; the cursor cannot be held to values the request does not have
            return null;
        }
        if (cursor.position().sort() != sort) {
            input.reject(AFTER, Problem.cursorOfAnotherSort(AFTER.where(), AFTER.name(), SORT.name(),
                    cursor.position().sort().key(), sort.key()));
            return null;
        }
        if (!cursor.madeFor(name, minAge, maxAge)) {
            input.reject(AFTER, Problem.cursorOfOtherFilters(AFTER.where(), AFTER.name(),
                    List.of(NAME_FILTER.name(), MIN_AGE.name(), MAX_AGE.name())));
            return null;
        }
        return cursor.position();
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
