package dev.hero.domain.model;

import dev.hero.domain.rules.ValueKind;
import dev.hero.domain.rules.Violation;
import dev.hero.domain.rules.ViolationCode;
import org.junit.jupiter.api.Test;

import static dev.hero.domain.model.NewHeroTest.violationsOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The limits of a page. */
class PageRequestTest {

    @Test
    void givenLimitsInRange_whenCreated_thenAccepted() {
        assertThat(new PageRequest(0, 0).limit()).isZero();
        assertThat(new PageRequest(Long.MAX_VALUE, PageRequest.MAX_LIMIT).offset()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void givenLimitAbove100_whenCreated_thenRejected() {
        assertThat(violationsOf(() -> new PageRequest(0, 101)))
                .containsExactly(Violation.of("limit", ViolationCode.TOO_LARGE, ValueKind.NUMBER, 100));
    }

    @Test
    void givenNegativeOffsetAndLimit_whenCreated_thenBothRejected() {
        assertThat(violationsOf(() -> new PageRequest(-1, -1))).containsExactly(
                Violation.of("offset", ViolationCode.TOO_SMALL, ValueKind.NUMBER, 0),
                Violation.of("limit", ViolationCode.TOO_SMALL, ValueKind.NUMBER, 0));
    }
}
