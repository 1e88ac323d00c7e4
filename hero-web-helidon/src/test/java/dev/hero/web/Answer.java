package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.http.HeaderName;
import io.helidon.webclient.api.HttpClientResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One HTTP answer as a test sees it: status, headers, and the raw body. */
record Answer(int status, String contentType, String allow, String location, String connection, String retryAfter,
              String vary, String body) {

    static final ObjectMapper JSON = new ObjectMapper();

    static Answer of(HttpClientResponse response) {
        try (response) {
            byte[] bytes = response.entity().hasEntity() ? response.entity().as(byte[].class) : new byte[0];
            return new Answer(response.status().code(),
                    header(response, io.helidon.http.HeaderNames.CONTENT_TYPE),
                    header(response, io.helidon.http.HeaderNames.ALLOW),
                    header(response, io.helidon.http.HeaderNames.LOCATION),
                    header(response, io.helidon.http.HeaderNames.CONNECTION),
                    header(response, io.helidon.http.HeaderNames.RETRY_AFTER),
                    header(response, io.helidon.http.HeaderNames.VARY),
                    new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private static String header(HttpClientResponse response, HeaderName name) {
        return response.headers().first(name).orElse(null);
    }

    JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    long id() {
        return json().get("id").asLong();
    }

    /** The 422 entries, each without its optional {@code ctx}. */
    List<JsonNode> problems() {
        List<JsonNode> problems = new ArrayList<>();
        for (JsonNode problem : json().get("detail")) {
            ObjectNode copy = problem.deepCopy();
            copy.remove("ctx");
            problems.add(copy);
        }
        return problems;
    }

    Optional<JsonNode> ctx() {
        return Optional.ofNullable(json().get("detail").get(0).get("ctx"));
    }

    /** {"type": ..., "loc": [...], "msg": ...} as the API writes it. */
    static JsonNode problem(String type, String msg, Object... loc) {
        ObjectNode problem = JSON.createObjectNode();
        problem.put("type", type);
        ArrayNode where = problem.putArray("loc");
        for (Object part : loc) {
            if (part instanceof Integer position) {
                where.add(position);
            } else {
                where.add((String) part);
            }
        }
        problem.put("msg", msg);
        return problem;
    }

    /** {"id": ..., "name": ..., "age": ...}. */
    static JsonNode publicHero(long id, String name, Integer age) {
        ObjectNode hero = JSON.createObjectNode();
        hero.put("id", id);
        hero.put("name", name);
        hero.put("age", age);
        return reparsed(hero);
    }

    /** The node as a parser gives it back (an id that fits in an int is an int node), so it equals a parsed answer. */
    private static JsonNode reparsed(JsonNode node) {
        try {
            return JSON.readTree(node.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode detail(String text) {
        return JSON.createObjectNode().put("detail", text);
    }
}
