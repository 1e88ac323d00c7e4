package dev.hero.web;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API describes itself: {@code GET /openapi.json} (the hand-written OpenAPI document, a class path
 * resource kept true by the tests) and {@code GET /docs} (Swagger UI from the swagger-ui webjar, with an
 * index page of ours that points at {@code /openapi.json} and loads nothing from elsewhere).
 */
final class SelfDescription {

    /** Where the swagger-ui webjar keeps its files; its version is the one in the root pom. */
    static final String SWAGGER_UI_ROOT = "META-INF/resources/webjars/swagger-ui/5.34.1";

    private final byte[] openApi = resource("openapi.json");
    private final byte[] docsPage = resource("docs.html");
    private final byte[] docsScript = resource("hero-docs.js");

    void register(HttpRouting.Builder routing) {
        String docs = WebRoutes.DOCS.path().base();
        routing.route(Method.GET, WebRoutes.OPENAPI.path(), bytes(openApi, MediaTypes.APPLICATION_JSON.text()))
                .route(method -> true, WebRoutes.OPENAPI.path(), HeroEndpoints.methodNotAllowed("GET"))
                .route(Method.GET, RoutePath.withOptionalSlash(docs), bytes(docsPage, "text/html; charset=UTF-8"))
                .get(docs + "/hero-docs.js", bytes(docsScript, "text/javascript; charset=UTF-8"))
                .register(docs, StaticContentService.builder(SWAGGER_UI_ROOT)
                        // the bundle holds non-ASCII text (in regular expressions): without a charset in the
                        // header Chromium now and then decoded it wrongly ("Invalid regular expression") and
                        // the page stayed blank (seen by DocsPageBrowserTest)
                        .contentType("js", MediaTypes.create("text/javascript; charset=UTF-8"))
                        .contentType("css", MediaTypes.create("text/css; charset=UTF-8"))
                        // held in memory from the start: served from the jar, Helidon extracts a file on its first
                        // request, and requests arriving during that extraction got it cut short (a browser
                        // loading /docs does exactly that; SelfDescriptionTest fires such requests at once)
                        .addCacheInMemory("swagger-ui-bundle.js")
                        .addCacheInMemory("swagger-ui-standalone-preset.js")
                        .addCacheInMemory("swagger-ui.css")
                        .addCacheInMemory("favicon-32x32.png")
                        .build());
    }

    private static Handler bytes(byte[] content, String contentType) {
        return (request, response) -> {
            response.header(HeaderNames.CONTENT_TYPE, contentType);
            response.send(content);
        };
    }

    private static byte[] resource(String name) {
        try (InputStream in = SelfDescription.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource dev/hero/web/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
