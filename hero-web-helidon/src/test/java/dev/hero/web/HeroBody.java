package dev.hero.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds request bodies field by field, each value as raw JSON text, so a test can send exactly the
 * number or type it is about ({@code 1e400}, {@code "12"}, {@code null}):
 * {@code aHero().raw("age", "12.5").json()}.
 */
final class HeroBody {

    static final String SECRET = "Dive Wilson";
    private static final ObjectMapper QUOTER = new ObjectMapper();

    private final Map<String, String> fields = new LinkedHashMap<>();

    private HeroBody() {
    }

    /** Deadpond, 30, with {@link #SECRET} as his secret name. */
    static HeroBody aHero() {
        return new HeroBody().name("Deadpond").age(30).secretName(SECRET);
    }

    static HeroBody anEmptyBody() {
        return new HeroBody();
    }

    HeroBody name(String name) {
        return raw("name", quote(name));
    }

    HeroBody age(Integer age) {
        return raw("age", String.valueOf(age));
    }

    HeroBody secretName(String secretName) {
        return raw("secret_name", quote(secretName));
    }

    /** Sets a field to a JSON text as given, or adds a field the API does not know. */
    HeroBody raw(String field, String json) {
        fields.put(field, json);
        return this;
    }

    HeroBody without(String field) {
        fields.remove(field);
        return this;
    }

    String json() {
        return fields.entrySet().stream()
                .map(field -> quote(field.getKey()) + ": " + field.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }

    @Override
    public String toString() {
        return json();
    }

    private static String quote(String text) {
        try {
            return QUOTER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
