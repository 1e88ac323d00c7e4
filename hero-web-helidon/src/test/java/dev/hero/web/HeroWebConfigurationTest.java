package dev.hero.web;

import dev.hero.domain.testkit.InMemoryHeroes;
import dev.hero.domain.service.HeroService;
import dev.hero.web.testing.Wire;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link HeroWeb#install} binds the configuration as documented: Hero's {@code hero.http.*} keys, and Helidon's own
 * {@code server.*} key for the same limit winning where an operator sets it. Checked on a real socket with a body
 * limit, which both the server and the adapter's own reader enforce.
 */
class HeroWebConfigurationTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void givenHeroBodyLimit_whenABodyIsLarger_thenPayloadTooLargeAndASmallerOneIsCreated() throws Exception {
        withServer(Map.of("hero.http.body.limit", "200"), port -> {
            assertThat(create(port, 300).status()).isEqualTo(413);
            assertThat(create(port, 150).status()).isEqualTo(200);
            return null;
        });
    }

    @Test
    void givenHelidonsOwnKeyAsWell_whenABodyIsBetweenTheTwo_thenHelidonsKeyWins() throws Exception {
        withServer(Map.of("hero.http.body.limit", "100000", "server.max-payload-size", "200"), port -> {
            assertThat(create(port, 300).status()).isEqualTo(413);
            assertThat(create(port, 150).status()).isEqualTo(200);
            return null;
        });
    }

    @Test
    void givenNoConfiguration_thenTheDefaultLimitsHold() throws Exception {
        withServer(Map.of(), port -> {
            assertThat(create(port, (int) WebLimits.DEFAULT_MAX_BODY_BYTES + 1).status()).isEqualTo(413);
            assertThat(create(port, 4_000).status()).isEqualTo(200);
            return null;
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "hero.http.concurrent.limit | 0   | hero.http.concurrent.limit (HERO_HTTP_CONCURRENT_LIMIT) must be at least 1, not 0",
            "hero.http.shutdown.grace   | 10s | hero.http.shutdown.grace (HERO_HTTP_SHUTDOWN_GRACE) must be a whole number, not '10s'"})
    void givenALimitOutOfRangeOrNoNumber_whenCreated_thenTheErrorNamesTheKeyItsVariableAndTheAllowedValues(
            String key, String value, String message) {
        Config config = Config.just(ConfigSources.create(Map.of(key, value)));

        assertThatThrownBy(() -> WebLimits.from(config)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void givenAPortThatIsNoPortNumber_whenInstalled_thenTheErrorNamesTheKeyAndTheAllowedValues() {
        for (String port : new String[] {"abc", "65536", "-1"}) {
            Config config = Config.just(ConfigSources.create(Map.of("server.port", port)));
            HeroWeb web = HeroWeb.create(new HeroService(new InMemoryHeroes()), config);

            assertThatThrownBy(() -> web.install(WebServer.builder()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("server.port (SERVER_PORT) must be a port number from 0 to 65535 (0 picks a free one), not '"
                            + port + "'");
        }
    }

    /** A create whose body is exactly {@code bytes} long (a name padded with spaces inside the JSON text). */
    private static Wire.Answer create(int port, int bytes) {
        String hero = "{\"name\":\"Deadpond\",\"secret_name\":\"Dive Wilson\"}";
        String body = hero.substring(0, hero.length() - 1) + " ".repeat(bytes - hero.length()) + "}";
        try {
            return Wire.send(CLIENT, port, "POST", "/heroes/", "application/json", body.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void withServer(Map<String, String> settings, Function<Integer, Void> test) {
        Config config = Config.just(ConfigSources.create(settings));
        WebServer server = HeroWeb.create(new HeroService(new InMemoryHeroes()), config)
                .install(WebServer.builder().host("127.0.0.1").port(0))
                .build()
                .start();
        try {
            test.apply(server.port());
        } finally {
            server.stop();
        }
    }
}
