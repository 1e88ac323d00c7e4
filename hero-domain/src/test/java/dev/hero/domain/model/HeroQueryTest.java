package dev.hero.domain.model;

import dev.hero.domain.rules.InvalidInputException;
import dev.hero.domain.rules.ValueKind;
import dev.hero.domain.rules.Violation;
import dev.hero.domain.rules.ViolationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.hero.domain.model.NewHeroTest.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of a list query: its limits, its filters' range, and a position that fits the rest of it. */
class HeroQueryTest {

    private static final HeroPosition BY_ID = new HeroPosition(HeroSort.ID, 7, null, null);

    @Test
    void givenLimitsInRange_whenCreated_thenAccepted() {
        assertThat(HeroQuery.page(0, 0).limit()).isZero();
        assertThat(HeroQuery.page(Long.MAX_VALUE, HeroQuery.MAX_LIMIT).offset()).isEqualTo(Long.MAX_VALUE);
        assertThat(HeroQuery.page(0, 100).sort()).isEqualTo(HeroSort.ID);
    }

    @Test
    void givenLimitAbove100_whenCreated_thenTooLarge() {
        assertThat(violationsOf(() -> HeroQuery.page(0, 101)))
                .containsExactly(Violation.of("limit", ViolationCode.TOO_LARGE, ValueKind.NUMBER, 100));
    }

    @Test
    void givenNegativeOffsetAndLimit_whenCreated_thenBothTooSmall() {
        assertThat(violationsOf(() -> HeroQuery.page(-1, -1))).containsExactly(
                Violation.of("offset", ViolationCode.TOO_SMALL, ValueKind.NUMBER, 0),
                Violation.of("limit", ViolationCode.TOO_SMALL, ValueKind.NUMBER, 0));
    }

    @Test
    void givenNoSort_whenCreated_thenRequired() {
        assertThat(violationsOf(() -> new HeroQuery(null, null, null, null, 0, 10, null)))
                .containsExactly(Violation.of("sort", ViolationCode.REQUIRED, ValueKind.NONE));
    }

    @Test
    void givenFilters_whenCreated_thenKept() {
        HeroQuery query = HeroQuery.page(0, 10).filteredBy("Deadpond", 18, 18);

        assertThat(query.name()).isEqualTo("Deadpond");
        assertThat(query.minAge()).isEqualTo(18);
        assertThat(query.maxAge()).isEqualTo(18);
        assertThat(query.filtered()).isTrue();
        assertThat(HeroQuery.page(0, 10).filtered()).isFalse();
    }

    @Test
    void givenNegativeAgeBounds_whenCreated_thenTooSmall() {
        assertThat(violationsOf(() -> HeroQuery.page(0, 10).filteredBy(null, -1, -2))).containsExactly(
                Violation.of("minAge", ViolationCode.TOO_SMALL, ValueKind.NUMBER, 0),
                Violation.of("minAge", ViolationCode.REVERSED_RANGE, ValueKind.NUMBER, -2),
                Violation.of("maxAge", ViolationCode.TOO_SMALL, ValueKind.NUMBER, 0));
    }

    @Test
    void givenMinAgeAboveMaxAge_whenCreated_thenReversedRangeNamingTheUpperBound() {
        assertThat(violationsOf(() -> HeroQuery.page(0, 10).filteredBy(null, 31, 30)))
                .containsExactly(Violation.of("minAge", ViolationCode.REVERSED_RANGE, ValueKind.NUMBER, 30));
        assertThat(Violation.of("minAge", ViolationCode.REVERSED_RANGE, ValueKind.NUMBER, 30).describe())
                .isEqualTo("minAge must not be greater than the upper bound of its range, 30");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "Dead\u0000pond", "\ud800"})
    void givenNameFilterThatNoHeroCanHave_whenCreated_thenRejectedLikeAHerosName(String name) {
        assertThatThrownBy(() -> HeroQuery.page(0, 10).filteredBy(name, null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("name"));
    }

    @Test
    void givenAPosition_whenCreated_thenTheQueryStartsAfterIt() {
        HeroQuery query = HeroQuery.page(0, 10).after(BY_ID);

        assertThat(query.after()).isEqualTo(BY_ID);
        assertThat(query.offset()).isZero();
    }

    @Test
    void givenAPositionAndAnOffset_whenCreated_thenConflict() {
        assertThat(violationsOf(() -> new HeroQuery(null, null, null, HeroSort.ID, 5, 10, BY_ID)))
                .containsExactly(Violation.of("after", ViolationCode.CONFLICT, ValueKind.OTHER));
    }

    @ParameterizedTest
    @EnumSource(value = HeroSort.class, names = "ID", mode = EnumSource.Mode.EXCLUDE)
    void givenAPositionOfAnotherOrder_whenCreated_thenConflict(HeroSort sort) {
        assertThat(violationsOf(() -> HeroQuery.page(0, 10).sortedBy(sort).after(BY_ID)))
                .containsExactly(Violation.of("after", ViolationCode.CONFLICT, ValueKind.OTHER));
    }

    @Test
    void givenAPositionWhoseNameNoDatabaseCanCompare_whenCreated_thenRejectedOnTheAfterField() {
        HeroQuery byName = HeroQuery.page(0, 10).sortedBy(HeroSort.NAME);

        assertThat(violationsOf(() -> byName.after(new HeroPosition(HeroSort.NAME, 1, "Dead\u0000pond", null))))
                .containsExactly(Violation.of("after", ViolationCode.CONTAINS_NUL, ValueKind.OTHER));
        assertThat(violationsOf(() -> byName.after(new HeroPosition(HeroSort.NAME, 1, "x\ud800", null))))
                .containsExactly(Violation.of("after", ViolationCode.NOT_UNICODE, ValueKind.OTHER));
        assertThat(byName.after(new HeroPosition(HeroSort.NAME, 1, "Dead\ud83d\ude00pond", null)).after().name()).hasSize(10);
    }

    @Test
    void givenSeveralBrokenRules_whenCreated_thenEveryOneIsReportedInFieldOrder() {
        assertThat(violationsOf(() -> new HeroQuery(null, 9, 3, HeroSort.NAME, -1, 101, BY_ID))).containsExactly(
                Violation.of("minAge", ViolationCode.REVERSED_RANGE, ValueKind.NUMBER, 3),
                Violation.of("offset", ViolationCode.TOO_SMALL, ValueKind.NUMBER, 0),
                Violation.of("limit", ViolationCode.TOO_LARGE, ValueKind.NUMBER, 100),
                Violation.of("after", ViolationCode.CONFLICT, ValueKind.OTHER));
    }

    @Test
    void givenAPosition_whenSortedOtherwise_thenThePositionIsDropped() {
        HeroQuery query = HeroQuery.page(0, 10).after(BY_ID).sortedBy(HeroSort.AGE_DESC);

        assertThat(query.after()).isNull();
        assertThat(query.sort()).isEqualTo(HeroSort.AGE_DESC);
    }

    @Test
    void givenFilters_whenMatching_thenHeroesWithoutAgeNeverMatchAnAgeBound() {
        Hero ageless = new Hero(1, "Deadpond", null, "s", 1);
        Hero thirty = new Hero(2, "Deadpond", 30, "s", 1);

        assertThat(HeroQuery.page(0, 10).matches(ageless)).isTrue();
        assertThat(HeroQuery.page(0, 10).filteredBy(null, 0, null).matches(ageless)).isFalse();
        assertThat(HeroQuery.page(0, 10).filteredBy(null, null, Integer.MAX_VALUE).matches(ageless)).isFalse();
        assertThat(HeroQuery.page(0, 10).filteredBy(null, 30, 30).matches(thirty)).isTrue();
        assertThat(HeroQuery.page(0, 10).filteredBy(null, 31, null).matches(thirty)).isFalse();
        assertThat(HeroQuery.page(0, 10).filteredBy(null, null, 29).matches(thirty)).isFalse();
        assertThat(HeroQuery.page(0, 10).filteredBy("deadpond", null, null).matches(thirty)).isFalse();
        assertThat(HeroQuery.page(0, 10).filteredBy("Deadpond", null, null).matches(thirty)).isTrue();
    }
}
