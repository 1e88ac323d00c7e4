package dev.hero.domain.model;

import dev.hero.domain.rules.ValueKind;
import dev.hero.domain.rules.Violation;
import dev.hero.domain.rules.ViolationCode;
import org.junit.jupiter.api.Test;

import static dev.hero.domain.model.NewHeroTest.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of a partial update: absent is not null. */
class HeroChangesTest {

    private static final Hero DEADPOND = new Hero(7, "Deadpond", 30, "Dive Wilson", 1);

    @Test
    void givenNoChanges_whenApplied_thenTheHeroIsUnchanged() {
        HeroChanges none = new HeroChanges(FieldChange.keep(), FieldChange.keep(), FieldChange.keep());

        assertThat(none.isEmpty()).isTrue();
        assertThat(DEADPOND.apply(none)).isEqualTo(DEADPOND);
        assertThat(HeroChanges.none().isEmpty()).isTrue();
    }

    @Test
    void givenNullFieldChanges_whenCreated_thenTheyMeanKeep() {
        assertThat(new HeroChanges(null, null, null)).isEqualTo(HeroChanges.none());
    }

    @Test
    void givenNewName_whenApplied_thenOnlyTheNameChanges() {
        HeroChanges rename = new HeroChanges(FieldChange.to("Deadpool"), FieldChange.keep(), FieldChange.keep());

        assertThat(rename.isEmpty()).isFalse();
        assertThat(DEADPOND.apply(rename)).isEqualTo(new Hero(7, "Deadpool", 30, "Dive Wilson", 2));
    }

    @Test
    void givenChangesToTheValuesTheHeroHas_whenApplied_thenTheHeroIsTheSameAtTheSameVersion() {
        HeroChanges same = new HeroChanges(FieldChange.to("Deadpond"), FieldChange.to(30), FieldChange.to("Dive Wilson"));

        assertThat(DEADPOND.apply(same)).isSameAs(DEADPOND);
        assertThat(DEADPOND.apply(HeroChanges.none())).isSameAs(DEADPOND);
    }

    @Test
    void givenANewSecretName_whenApplied_thenTheVersionGoesUpThoughNoPublicFieldChanged() {
        HeroChanges secret = new HeroChanges(FieldChange.keep(), FieldChange.keep(), FieldChange.to("Wade"));

        assertThat(DEADPOND.apply(secret).version()).isEqualTo(2);
    }

    @Test
    void givenAgeSetToNull_whenApplied_thenTheAgeIsCleared() {
        HeroChanges clearAge = new HeroChanges(FieldChange.keep(), FieldChange.to(null), FieldChange.keep());

        assertThat(DEADPOND.apply(clearAge)).isEqualTo(new Hero(7, "Deadpond", null, "Dive Wilson", 2));
    }

    @Test
    void givenNameSetToNull_whenCreated_thenRequired() {
        assertThat(violationsOf(() -> new HeroChanges(FieldChange.to(null), FieldChange.keep(), FieldChange.to(null))))
                .containsExactly(
                        Violation.of("name", ViolationCode.REQUIRED, ValueKind.NONE),
                        Violation.of("secretName", ViolationCode.REQUIRED, ValueKind.NONE));
    }

    @Test
    void givenInvalidNewValues_whenCreated_thenEveryRuleOfCreationApplies() {
        assertThat(violationsOf(() -> new HeroChanges(FieldChange.to(" "), FieldChange.to(-5), FieldChange.to("s".repeat(256)))))
                .containsExactly(
                        Violation.of("name", ViolationCode.BLANK, ValueKind.TEXT),
                        Violation.of("age", ViolationCode.TOO_SMALL, ValueKind.NUMBER, 0),
                        Violation.of("secretName", ViolationCode.TOO_LONG, ValueKind.TEXT, 255));
    }

    @Test
    void whenPrinted_thenANewSecretNameIsHidden() {
        HeroChanges changes = new HeroChanges(FieldChange.keep(), FieldChange.keep(), FieldChange.to("Wade W."));

        assertThat(changes.toString()).doesNotContain("Wade W.");
        assertThat(new Hero(1, "n", null, "Wade W.", 1).toString()).doesNotContain("Wade W.");
    }

    @Test
    void fieldChangesCompareByValue() {
        assertThat(FieldChange.to("a")).isEqualTo(FieldChange.to("a")).isNotEqualTo(FieldChange.to("b"));
        assertThat(FieldChange.to(null)).isEqualTo(FieldChange.to(null)).isNotEqualTo(FieldChange.keep());
        assertThat(FieldChange.<String>keep().orElse("current")).isEqualTo("current");
        assertThat(FieldChange.<String>to(null).orElse("current")).isNull();
    }
}
