package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.helidon.http.Method;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds every answer a web test sees to the OpenAPI document the server serves: the operation (path template
 * and method) must be documented with that status and the answer's media type, and the body must match the schema
 * documented for that media type, checked by a JSON Schema validator (networknt, draft 2020-12, the dialect of OpenAPI
 * 3.1). The headers of the API ({@link #API_HEADERS}) an answer carries must be documented for that answer and match
 * their schema, and a header documented as required must be there. A documented path with an undocumented method
 * must answer 405; any other path 404 (either as the default error layout or as problem details).
 */
final class OpenApiCheck {

    static final JsonNode DOCUMENT = load();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();
    /** The headers the API itself sets (not those of HTTP's plumbing, such as Content-Length or Connection). */
    static final List<String> API_HEADERS = List.of("X-Total-Count", "Link", "Location", "Retry-After", "Allow", "ETag",
            "Idempotent-Replayed");
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private OpenApiCheck() {
    }

    /** Checks the answer against the document and returns it. */
    static Answer checked(Method method, String path, Answer answer) {
        String template = template(path);
        if (template == null) {
            if (path.equals(WebRoutes.OPENAPI.template()) || WebRoutes.DOCS.path().accepts(path)) {
                return answer;
            }
            assertThat(answer.status()).as("%s %s is no documented path", method, path).isEqualTo(404);
            return undocumentedError(answer);
        }
        JsonNode operation = DOCUMENT.get("paths").get(template).get(method.text().toLowerCase(Locale.ROOT));
        if (operation == null) {
            assertThat(answer.status()).as("%s %s is no documented operation", method, path).isEqualTo(405);
            return method == Method.HEAD ? answer : undocumentedError(answer);
        }
        JsonNode response = operation.get("responses").get(String.valueOf(answer.status()));
        assertThat(response).as("%s %s answered %s, which the document does not list: %s",
                method, template, answer.status(), answer.body()).isNotNull();
        JsonNode ref = response.get("$ref");
        if (ref != null) {
            response = DOCUMENT.at(ref.asText().substring(1));
        }
        String pointer = "/paths/" + template.replace("~", "~0").replace("/", "~1") + "/"
                + method.text().toLowerCase(Locale.ROOT) + "/responses/" + answer.status();
        headersConform(answer, pointer, response.path("headers"));
        if (!response.has("content")) {
            return answer;
        }
        String mediaType = mediaType(answer);
        JsonNode schema = response.get("content").path(mediaType).path("schema");
        assertThat(schema.isMissingNode()).as("%s %s answered %s as %s, which the document does not list for it: %s",
                method, template, answer.status(), answer.contentType(), answer.body()).isFalse();
        return conforms(answer, pointer + "/" + mediaType, schema);
    }

    private static void headersConform(Answer answer, String pointer, JsonNode documented) {
        for (String name : API_HEADERS) {
            String value = answer.header(name);
            JsonNode header = documented.get(name);
            if (header != null && header.has("$ref")) {
                header = DOCUMENT.at(header.get("$ref").asText().substring(1));
            }
            if (header == null) {
                assertThat(value).as("%s: header %s, which the document does not list for this answer", pointer, name).isNull();
                continue;
            }
            if (header.path("required").asBoolean()) {
                assertThat(value).as("%s: header %s, which the document requires", pointer, name).isNotNull();
            }
            if (value != null) {
                JsonNode schema = header.get("schema");
                String json = "integer".equals(schema.path("type").asText()) && INTEGER.matcher(value).matches()
                        ? value : Answer.JSON.getNodeFactory().textNode(value).toString();
                List<Error> errors = schema(pointer + "/headers/" + name, schema).validate(json, InputFormat.JSON);
                assertThat(errors).as("%s: header %s: %s does not match its documented schema", pointer, name, value).isEmpty();
            }
        }
    }

    /** A 404 for an unknown path, a 405 for an undocumented method: no operation documents them, so the error schemas do. */
    private static Answer undocumentedError(Answer answer) {
        String schema = mediaType(answer).equals(ErrorLayout.PROBLEM_JSON) ? "ProblemDetails" : "HTTPError";
        return conforms(answer, schema, Answer.JSON.createObjectNode().put("$ref", "#/components/schemas/" + schema));
    }

    /** The answer's media type, without parameters and in lower case. */
    private static String mediaType(Answer answer) {
        assertThat(answer.contentType()).as("content type of %s", answer.body()).isNotNull();
        return answer.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Validates the body against a schema of the document: the whole document is the root, so its
     * {@code #/components/schemas/...} references resolve; the schema's own keywords are added at the root.
     */
    private static Answer conforms(Answer answer, String key, JsonNode schema) {
        assertThat(mediaType(answer)).as("content type of %s", answer.body()).isIn("application/json", ErrorLayout.PROBLEM_JSON);
        List<Error> errors = schema(key, schema).validate(answer.body(), InputFormat.JSON);
        assertThat(errors).as("%s does not match the documented schema (%s)", answer.body(), key).isEmpty();
        return answer;
    }

    private static Schema schema(String key, JsonNode schema) {
        return CACHE.computeIfAbsent(key, k -> {
            ObjectNode root = DOCUMENT.deepCopy();
            root.setAll((ObjectNode) schema);
            return SCHEMAS.getSchema(root.toString(), InputFormat.JSON);
        });
    }

    /** The documented path template a request path falls under, or {@code null}. */
    static String template(String path) {
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (trimmed.equals("/heroes")) {
            return "/heroes/";
        }
        if (trimmed.startsWith("/heroes/") && trimmed.indexOf('/', "/heroes/".length()) < 0) {
            return "/heroes/{hero_id}";
        }
        return null;
    }

    private static JsonNode load() {
        try (InputStream in = SelfDescription.class.getResourceAsStream("openapi.json")) {
            return Answer.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
