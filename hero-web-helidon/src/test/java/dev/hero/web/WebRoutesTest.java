package dev.hero.web;

import io.helidon.common.uri.UriPath;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which route a path belongs to, as the metrics and the access log name it: from the same table the routes are registered from. */
class WebRoutesTest {

    @ParameterizedTest
    @CsvSource({
            "/heroes, /heroes/, /heroes/",
            "/heroes/, /heroes/, /heroes/",
            "/heroes/7, /heroes/{hero_id}, /heroes/7",
            "/heroes/7/, /heroes/{hero_id}, /heroes/7/",
            "/heroes/abc, /heroes/{hero_id}, /heroes/{hero_id}",
            "/heroes/99999999999999999999, /heroes/{hero_id}, /heroes/{hero_id}",
            "/heroes/%37, /heroes/{hero_id}, /heroes/{hero_id}",
            "/openapi.json, /openapi.json, /openapi.json",
            "/docs, /docs, /docs",
            "/docs/swagger-ui.css, /docs, /docs",
    })
    void givenAPathOfTheApi_thenItsRouteTemplateAndWhatTheLogMayShow(String path, String template, String logged) {
        assertThat(HeroWeb.route(UriPath.create(path))).hasValue(new HeroWeb.Route(template, logged));
    }

    @ParameterizedTest
    @CsvSource({"/heroes/7/x", "/heroesx", "/villains", "/docsx", "/openapi.json/", "/"})
    void givenAPathNoRouteServes_thenNone(String path) {
        assertThat(HeroWeb.route(UriPath.create(path))).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void givenEveryPathOfTheDocument_thenARouteWithThatTemplateServesIt() {
        OpenApiCheck.DOCUMENT.get("paths").fieldNames().forEachRemaining(documented -> {
            String example = documented.replace("{hero_id}", "7");
            assertThat(HeroWeb.route(UriPath.create(example))).as(documented)
                    .hasValueSatisfying(route -> assertThat(route.template()).isEqualTo(documented));
        });
    }
}
