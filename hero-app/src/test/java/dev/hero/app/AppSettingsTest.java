package dev.hero.app;

import dev.hero.persistence.jooq.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database and idempotency keys as an operator sets them. */
class AppSettingsTest {

    @Test
    void givenNoDatabaseTimeout_whenLoaded_thenFiveSeconds() {
        assertThat(EndToEndTest.settings(Map.of()).database().timeout()).isEqualTo(DatabaseSettings.DEFAULT_TIMEOUT)
                .isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void givenADatabaseTimeoutInMilliseconds_whenLoaded_thenTheDatabaseWaitsThatLongAtMost() {
        assertThat(EndToEndTest.settings(Map.of("hero.db.timeout", "1500")).database().timeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void givenADatabaseTimeoutBelowWhatThePoolAccepts_whenLoaded_thenRefusedWithTheReason() {
        assertThatThrownBy(() -> EndToEndTest.settings(Map.of("hero.db.timeout", "100")))
                .hasMessageContaining("timeout").hasMessageContaining("250");
    }

    @Test
    void givenNoIdempotencyTtl_whenLoaded_thenADay() {
        assertThat(EndToEndTest.settings(Map.of()).idempotencyTtl()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void givenAnIdempotencyTtlInSeconds_whenLoaded_thenKeysHoldThatLong() {
        assertThat(EndToEndTest.settings(Map.of("hero.idempotency.ttl", "172800")).idempotencyTtl()).isEqualTo(Duration.ofDays(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "1d", "PT24H", "", "99999999999999"})
    void givenAnIdempotencyTtlThatIsNoWholePositiveNumberOfSeconds_whenLoaded_thenRefusedNamingTheKey(String value) {
        assertThatThrownBy(() -> EndToEndTest.settings(Map.of("hero.idempotency.ttl", value)))
                .hasMessageStartingWith("hero.idempotency.ttl (HERO_IDEMPOTENCY_TTL) must be a whole number of seconds")
                .hasMessageContaining("'" + value + "'");
    }
}
