package dev.hero.domain.model;

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
                .containsExactly(new Violation("limit", "less_than_equal", "Input should be less than or equal to 100"));
    }

    @Test
    void givenNegativeOffsetAndLimit_whenCreated_thenBothRejected() {
        assertThat(violationsOf(() -> new PageRequest(-1, -1))).containsExactly(
                new Violation("offset", "greater_than_equal", "Input should be greater than or equal to 0"),
                new Violation("limit", "greater_than_equal", "Input should be greater than or equal to 0"));
    }
}
