package dev.hero.app;

import io.helidon.common.uri.UriPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What an access log line and a metrics tag show of a request. */
class RequestTelemetryTest {

    @ParameterizedTest
    @CsvSource({
            "1234567, GET /heroes/7 200 1.234 ms",
            "5000, GET /heroes/7 200 0.005 ms",
            "45000, GET /heroes/7 200 0.045 ms",
            "12000000000, GET /heroes/7 200 12000.000 ms",
    })
    void givenADuration_whenTheLineIsBuilt_thenItShowsMillisecondsWithThreeDecimals(long nanos, String line) {
        assertThat(RequestTelemetry.line("GET", "/heroes/7", 200, nanos)).isEqualTo(line);
    }

    @ParameterizedTest
    @CsvSource({
            "/heroes, /heroes/",
            "/heroes/, /heroes/",
            "/heroes/7, /heroes/7",
            "/heroes/7/, /heroes/7/",
            "/heroes/abc, /heroes/{hero_id}",
            "/heroes/99999999999999999999, /heroes/{hero_id}",
            "/heroes/7/x, other",
            "/villains, other",
            "/docs/swagger-ui.css, /docs",
            "/openapi.json, /openapi.json",
            "/observe/health/ready, /observe/health",
            "/observe/metrics, /observe/metrics",
    })
    void givenAPath_whenLogged_thenOnlyANumericHeroIdIsShownAsIs(String path, String logged) {
        assertThat(RequestTelemetry.route(UriPath.create(path)).loggedPath()).isEqualTo(logged);
    }
}
