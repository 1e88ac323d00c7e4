package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.hero.web.HeroBody.aHero;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /openapi.json} and {@code /docs} over a real socket, and the document held to the routes: every
 * documented operation is answered, every other method on a documented path is a 405 whose Allow header
 * lists exactly the documented methods. (Bodies and statuses are checked in every test of
 * {@link HeroApiContract} through {@link OpenApiCheck}.)
 */
@ServerTest
class SelfDescriptionTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");
    private final Http1Client client;

    SelfDescriptionTest(Http1Client client) {
        this.client = client;
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        HeroWeb.create(HeroApiSpec.HEROES, HeroApiSpec.LIMITS).routing(routing);
    }

    @BeforeEach
    void startWithNoHeroes() {
        HeroApiSpec.HEROES.reset();
    }

    @Test
    void whenGetOpenApi_thenTheServedDocumentIsTheOneTheTestsCheckAndListsTheFiveOperations() {
        Answer document = answer(client.get("/openapi.json").request());

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.contentType()).startsWith("application/json");
        assertThat(document.json()).isEqualTo(OpenApiCheck.DOCUMENT);
        assertThat(document.json().get("openapi").asText()).startsWith("3.");
        assertThat(operations(document.json())).containsExactlyInAnyOrder(
                "GET /heroes/", "POST /heroes/", "GET /heroes/{hero_id}", "PATCH /heroes/{hero_id}", "DELETE /heroes/{hero_id}");
        assertThat(document.body()).doesNotContain("\"secret_name\": {\"type\"");
        assertThat(document.json().at("/components/schemas/HeroPublic/properties").has("secret_name")).isFalse();
    }

    @Test
    void givenTheDocument_whenEveryDocumentedOperationIsCalled_thenTheServerAnswersIt() {
        long id = answer(client.post("/heroes/").header(HeaderNames.CONTENT_TYPE, "application/json").submit(aHero().json())).id();
        for (String operation : operations(OpenApiCheck.DOCUMENT)) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replace("{hero_id}", String.valueOf(id));
            Answer answer = send(method, path, method.equals("GET") || method.equals("DELETE") ? null : "{}");

            assertThat(answer.status()).as(operation).isNotIn(404, 405);
            OpenApiCheck.checked(Method.create(method), path, answer);
        }
    }

    @Test
    void givenTheDocument_whenAnUndocumentedMethodIsCalledOnADocumentedPath_thenMethodNotAllowedWithTheDocumentedAllow() {
        Iterator<String> paths = OpenApiCheck.DOCUMENT.get("paths").fieldNames();
        while (paths.hasNext()) {
            String template = paths.next();
            Set<String> documented = new TreeSet<>();
            OpenApiCheck.DOCUMENT.get("paths").get(template).fieldNames().forEachRemaining(m -> {
                if (METHODS.contains(m.toUpperCase(Locale.ROOT))) {
                    documented.add(m.toUpperCase(Locale.ROOT));
                }
            });
            String path = template.replace("{hero_id}", "1");
            for (String method : METHODS) {
                if (documented.contains(method)) {
                    continue;
                }
                Answer answer = send(method, path, "{}");

                assertThat(answer.status()).as("%s %s", method, path).isEqualTo(405);
                assertThat(new TreeSet<>(List.of(answer.allow().split(", ")))).as("Allow of %s", path).isEqualTo(documented);
            }
        }
    }

    @Test
    void whenPostOpenApi_thenMethodNotAllowed() {
        Answer answer = send("POST", "/openapi.json", "{}");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.json().get("detail").asText()).isEqualTo("Method Not Allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/docs", "/docs/"})
    void whenGetDocs_thenAnHtmlPageThatLoadsOnlyFromThisServerAndPointsAtTheDocument(String path) {
        Answer page = answer(client.get(path).request());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).doesNotContain("http://").doesNotContain("https://").contains("swagger-ui");
        List<String> resources = resources(page.body());
        assertThat(resources).isNotEmpty();
        for (String resource : resources) {
            Answer loaded = answer(client.get(resource).request());
            assertThat(loaded.status()).as(resource).isEqualTo(200);
            if (resource.endsWith("hero-docs.js")) {
                assertThat(loaded.body()).contains("\"/openapi.json\"").doesNotContain("http://").doesNotContain("https://");
            }
        }
    }

    @Test
    void whenGetDocsScripts_thenTheyDeclareUtf8() {
        for (String file : List.of("/docs/swagger-ui-bundle.js", "/docs/swagger-ui-standalone-preset.js", "/docs/hero-docs.js")) {
            assertThat(answer(client.get(file).request()).contentType()).as(file)
                    .isEqualToIgnoringCase("text/javascript; charset=UTF-8");
        }
    }

    @Test
    void whenGetADocsFileAgainWithItsTag_thenNotModified_andWithAnotherTag_thenTheWholeFile() throws Exception {
        byte[] webjar;
        try (var in = getClass().getClassLoader().getResourceAsStream(SelfDescription.SWAGGER_UI_ROOT + "/swagger-ui.css")) {
            webjar = in.readAllBytes();
        }
        Answer first = answer(client.get("/docs/swagger-ui.css").request());
        String tag = first.headers().get("etag");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).isEqualToIgnoringCase("text/css; charset=UTF-8");
        assertThat(first.body()).isEqualTo(new String(webjar, StandardCharsets.UTF_8));
        assertThat(tag).matches("\"[0-9a-f]+-" + webjar.length + "\"");
        Answer again = answer(client.get("/docs/swagger-ui.css").header(HeaderNames.IF_NONE_MATCH, "W/" + tag).request());
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        Answer other = answer(client.get("/docs/swagger-ui.css").header(HeaderNames.IF_NONE_MATCH, "\"0-1\"").request());
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.body()).hasSize(first.body().length());
    }

    @Test
    void whenGetAMissingDocsFile_thenNotFoundAsJson() {
        Answer missing = answer(client.get("/docs/missing.js").request());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("detail").asText()).isEqualTo("Not Found");
    }

    private static List<String> resources(String html) {
        Matcher matcher = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static List<String> operations(JsonNode document) {
        List<String> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (METHODS.contains(method.toUpperCase(Locale.ROOT))) {
                operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    private Answer send(String method, String path, String json) {
        Http1ClientRequest request = client.method(Method.create(method)).path(path);
        if (json == null) {
            return answer(request.request());
        }
        request.header(HeaderNames.CONTENT_TYPE, "application/json");
        return answer(request.submit(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static Answer answer(io.helidon.webclient.api.HttpClientResponse response) {
        return Answer.of(response);
    }
}
