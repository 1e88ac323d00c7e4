package dev.hero.domain.model;

import dev.hero.domain.rules.InvalidInputException;
import dev.hero.domain.rules.ValueKind;
import dev.hero.domain.rules.Violation;
import dev.hero.domain.rules.ViolationCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The rules a new hero must meet. */
class NewHeroTest {

    @Test
    void givenValidFields_whenCreated_thenItKeepsThem() {
        NewHero hero = new NewHero("Deadpond", 30, "Dive Wilson");

        assertThat(hero.name()).isEqualTo("Deadpond");
        assertThat(hero.age()).isEqualTo(30);
        assertThat(hero.secretName()).isEqualTo("Dive Wilson");
    }

    @Test
    void givenNoAge_whenCreated_thenAgeIsUnknown() {
        assertThat(new NewHero("Deadpond", null, "Dive Wilson").age()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 48, Integer.MAX_VALUE})
    void givenAgeInRange_whenCreated_thenAccepted(int age) {
        assertThat(new NewHero("Deadpond", age, "Dive Wilson").age()).isEqualTo(age);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, Integer.MIN_VALUE})
    void givenNegativeAge_whenCreated_thenRejected(int age) {
        assertThat(violationsOf(() -> new NewHero("Deadpond", age, "Dive Wilson")))
                .containsExactly(Violation.of("age", ViolationCode.TOO_SMALL, ValueKind.NUMBER, 0));
    }

    @Test
    void givenMissingNameAndSecretName_whenCreated_thenBothAreReportedInFieldOrder() {
        assertThat(violationsOf(() -> new NewHero(null, null, null))).containsExactly(
                Violation.of("name", ViolationCode.REQUIRED, ValueKind.NONE),
                Violation.of("secretName", ViolationCode.REQUIRED, ValueKind.NONE));
    }

    @Test
    void givenEmptyName_whenCreated_thenTooShort() {
        assertThat(violationsOf(() -> new NewHero("", 1, "x")))
                .containsExactly(Violation.of("name", ViolationCode.TOO_SHORT, ValueKind.TEXT, 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "   ", "\t\n", "\u2003"})
    void givenBlankName_whenCreated_thenRejected(String blank) {
        assertThat(violationsOf(() -> new NewHero(blank, 1, "x")))
                .containsExactly(Violation.of("name", ViolationCode.BLANK, ValueKind.TEXT));
    }

    @Test
    void givenNameWithNul_whenCreated_thenRejected() {
        assertThat(violationsOf(() -> new NewHero("Dead\u0000pond", 1, "x")))
                .containsExactly(Violation.of("name", ViolationCode.CONTAINS_NUL, ValueKind.TEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "x\udc00", "\ude00\ud83d", "ab\ud83d"})
    void givenNameWithALoneSurrogate_whenCreated_thenRejectedAsNotUnicode(String name) {
        assertThat(violationsOf(() -> new NewHero(name, 1, "x")))
                .containsExactly(Violation.of("name", ViolationCode.NOT_UNICODE, ValueKind.TEXT));
    }

    @Test
    void givenNameWithAPairedSurrogate_whenCreated_thenAccepted() {
        assertThat(new NewHero("Dead\ud83d\ude00pond", 1, "x").name()).isEqualTo("Dead😀pond");
    }

    @Test
    void givenNamesAtTheLengthLimit_whenCreated_thenAcceptedCountingCharactersNotBytes() {
        assertThat(new NewHero("a".repeat(255), 1, "x").name()).hasSize(255);
        // 255 characters outside the Basic Multilingual Plane: 510 UTF-16 units, still 255 characters.
        assertThat(new NewHero("🦸".repeat(255), 1, "x").name()).hasSize(510);
    }

    @Test
    void givenNamePastTheLengthLimit_whenCreated_thenTooLong() {
        assertThat(violationsOf(() -> new NewHero("a".repeat(256), 1, "x")))
                .containsExactly(Violation.of("name", ViolationCode.TOO_LONG, ValueKind.TEXT, 255));
        assertThat(violationsOf(() -> new NewHero("x".repeat(10_000_000), 1, "x")))
                .extracting(Violation::code).containsExactly(ViolationCode.TOO_LONG);
    }

    @Test
    void givenBadSecretName_whenCreated_thenTheErrorNeverEchoesIt() {
        String secret = "  ".repeat(200) + "my secret";

        InvalidInputException error = catchThrowableOfType(InvalidInputException.class, () -> new NewHero("Deadpond", 1, secret));

        assertThat(error.violations()).extracting(Violation::field).containsExactly("secretName");
        assertThat(error.getMessage()).doesNotContain("my secret");
        assertThat(error.violations().getFirst().describe()).doesNotContain("my secret");
    }

    @Test
    void whenPrinted_thenTheSecretNameIsHidden() {
        assertThat(new NewHero("Deadpond", 30, "Dive Wilson").toString()).contains("Deadpond").doesNotContain("Dive Wilson");
    }

    @Test
    void givenInvalidHero_whenCreated_thenTheSubjectIsNewHero() {
        assertThatThrownBy(() -> new NewHero("", null, "x"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.subject()).isEqualTo(NewHero.class));
    }

    @Test
    void givenSeveralBrokenRules_whenCreated_thenTheMessageSaysEachInPlainWordsWithoutTheValues() {
        assertThatThrownBy(() -> new NewHero(null, -1, "s".repeat(256)))
                .hasMessage("NewHero breaks 3 rule(s): name is required; age must be at least 0; "
                        + "secretName must have at most 255 characters");
    }

    static java.util.List<Violation> violationsOf(org.assertj.core.api.ThrowableAssert.ThrowingCallable code) {
        return catchThrowableOfType(InvalidInputException.class, code).violations();
    }
}
