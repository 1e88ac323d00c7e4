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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP answer as a test sees it: status, the headers tests look at most, and the raw body; {@code headers} holds
 * every header, by its lower-case name, with its first value.
 */
record Answer(int status, String contentType, String allow, String location, String connection, String retryAfter,
              String body, Map<String, String> headers) {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]*)>; rel=\"next\"");

    static Answer of(HttpClientResponse response) {
        try (response) {
            byte[] bytes = response.entity().hasEntity() ? response.entity().as(byte[].class) : new byte[0];
            return new Answer(response.status().code(),
                    header(response, io.helidon.http.HeaderNames.CONTENT_TYPE),
                    header(response, io.helidon.http.HeaderNames.ALLOW),
                    header(response, io.helidon.http.HeaderNames.LOCATION),
                    header(response, io.helidon.http.HeaderNames.CONNECTION),
                    header(response, io.helidon.http.HeaderNames.RETRY_AFTER),
                    new String(bytes, StandardCharsets.UTF_8),
                    allHeaders(response));
        }
    }

    private static Map<String, String> allHeaders(HttpClientResponse response) {
        Map<String, String> all = new LinkedHashMap<>();
        response.headers().forEach(header -> all.putIfAbsent(header.name().toLowerCase(Locale.ROOT), header.get()));
        return Map.copyOf(all);
    }

    /** The first {@code Vary} value, or {@code null}. */
    String vary() {
        return header("Vary");
    }

    /** The first value of the header, or {@code null}. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** {@code X-Total-Count} as a number; fails when it is absent. */
    long totalCount() {
        String count = header("X-Total-Count");
        if (count == null) {
            throw new AssertionError("no X-Total-Count in " + this);
        }
        return Long.parseLong(count);
    }

    /** The path and query of {@code Link: <...>; rel="next"}, if the answer has one. */
    Optional<String> next() {
        String link = header("Link");
        if (link == null) {
            return Optional.empty();
        }
        Matcher next = NEXT_LINK.matcher(link);
        if (!next.matches()) {
            throw new AssertionError("Link is no single rel=\"next\" link: " + link);
        }
        return Optional.of(next.group(1));
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
