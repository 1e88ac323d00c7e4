package dev.hero.web;

import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.staticcontent.StaticContentService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.CRC32C;

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
                .get(docs + "/hero-docs.js", bytes(docsScript, JAVASCRIPT))
                .get(docs + "/swagger-ui-bundle.js", new WebjarFile("swagger-ui-bundle.js", JAVASCRIPT))
                .get(docs + "/swagger-ui-standalone-preset.js", new WebjarFile("swagger-ui-standalone-preset.js", JAVASCRIPT))
                .get(docs + "/swagger-ui.css", new WebjarFile("swagger-ui.css", CSS))
                .get(docs + "/favicon-32x32.png", new WebjarFile("favicon-32x32.png", "image/png"))
                // the webjar's other files, as Helidon serves a class path directory
                .register(docs, StaticContentService.builder(SWAGGER_UI_ROOT)
                        .contentType("js", MediaTypes.create(JAVASCRIPT))
                        .contentType("css", MediaTypes.create(CSS))
                        .build());
    }

    /**
     * The bundle holds non-ASCII text (in regular expressions): without a charset in the header Chromium now and then
     * decoded it wrongly ("Invalid regular expression") and the page stayed blank (seen by DocsPageBrowserTest).
     */
    private static final String JAVASCRIPT = "text/javascript; charset=UTF-8";
    private static final String CSS = "text/css; charset=UTF-8";

    /**
     * One of the files the /docs page loads, read from the webjar into memory on its first request and answered from
     * there, whole, with a strong entity tag ({@code If-None-Match} gives a 304). Not Helidon's static content cache:
     * served from the jar, Helidon extracts a file on its first request, and requests arriving during that extraction
     * got it cut short (a browser loading /docs does exactly that; MainJarIT fires such requests at once); its in-memory
     * cache reads the files (1.9 MB) before the server listens, 23 ms of every start (docs/performance.md), for a page
     * few starts ever serve. Concurrent first requests wait for the one read.
     */
    private static final class WebjarFile implements Handler {

        private final String name;
        private final String contentType;
        private volatile Loaded loaded;

        WebjarFile(String name, String contentType) {
            this.name = name;
            this.contentType = contentType;
        }

        /** The file's bytes and its strong entity tag, quotes taken off. */
        private record Loaded(byte[] content, String tag) {
        }

        @Override
        public void handle(ServerRequest request, ServerResponse response) {
            Loaded file = loaded();
            response.header(HeaderNames.ETAG, "\"" + file.tag() + "\"");
            if (EntityTags.noneMatchFails(request.headers(), file.tag())) {
                response.status(Status.NOT_MODIFIED_304).send();
                return;
            }
            response.header(HeaderNames.CONTENT_TYPE, contentType);
            response.send(file.content());
        }

        private Loaded loaded() {
            Loaded file = loaded;
            if (file == null) {
                synchronized (this) {
                    file = loaded;
                    if (file == null) {
                        byte[] content = read(SWAGGER_UI_ROOT + "/" + name);
                        CRC32C crc = new CRC32C();
                        crc.update(content);
                        file = new Loaded(content, Long.toHexString(crc.getValue()) + "-" + content.length);
                        loaded = file;
                    }
                }
            }
            return file;
        }
    }

    private static Handler bytes(byte[] content, String contentType) {
        return (request, response) -> {
            response.header(HeaderNames.CONTENT_TYPE, contentType);
            response.send(content);
        };
    }

    private static byte[] resource(String name) {
        return read("dev/hero/web/" + name);
    }

    private static byte[] read(String path) {
        try (InputStream in = SelfDescription.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
