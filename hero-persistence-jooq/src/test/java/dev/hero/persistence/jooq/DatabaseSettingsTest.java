package dev.hero.persistence.jooq;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseSettingsTest {

    @Test
    void givenSettingsWithCredentials_whenPrinted_thenNeitherPasswordNorUserShows() {
        DatabaseSettings settings = new DatabaseSettings(
                "jdbc:postgresql://db:5432/heroes?user=hero&password=url-secret&ssl=true", "hero-admin", "field-secret", 7);

        assertThat(settings.toString())
                .doesNotContain("url-secret", "field-secret", "hero-admin", "user=hero&")
                .contains("jdbc:postgresql://db:5432/heroes?user=***&password=***&ssl=true", "password=***", "poolSize=7");
    }

    @Test
    void givenNoUserOrPassword_whenCreated_thenTheyAreEmptyAndTheDefaultsApply() {
        DatabaseSettings settings = new DatabaseSettings("jdbc:sqlite:x.db", null, null, 3);

        assertThat(settings.user()).isEmpty();
        assertThat(settings.password()).isEmpty();
        assertThat(DatabaseSettings.defaults())
                .isEqualTo(new DatabaseSettings("jdbc:sqlite:database.db", "", "", DatabaseSettings.DEFAULT_POOL_SIZE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void givenAPoolSizeBelowOne_whenCreated_thenItIsRefused(int poolSize) {
        assertThatThrownBy(() -> new DatabaseSettings("jdbc:sqlite:x.db", "", "", poolSize))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void givenABlankUrl_whenCreated_thenItIsRefusedNamingTheDefault() {
        assertThatThrownBy(() -> DatabaseSettings.of("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:database.db");
    }

    @Test
    void givenAnUnsupportedDatabaseUrl_whenOpened_thenItIsRefusedWithoutShowingTheCredentials() {
        assertThatThrownBy(() -> HeroDatabase.open(DatabaseSettings.of("jdbc:mysql://db/heroes?user=root&password=hunter2")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:sqlite:")
                .hasMessageContaining("jdbc:postgresql:")
                .hasMessageNotContaining("hunter2");
    }
}
