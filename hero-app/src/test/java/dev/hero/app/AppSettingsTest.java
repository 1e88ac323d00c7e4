package dev.hero.app;

import dev.hero.persistence.jooq.DatabaseSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The database keys as an operator sets them. */
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
}
