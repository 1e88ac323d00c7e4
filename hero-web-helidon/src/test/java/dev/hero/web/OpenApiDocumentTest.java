package dev.hero.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.rules.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the OpenAPI document says beyond the answers the specs check through {@link OpenApiCheck}: its patterns mean
 * what the server does, however a tool applies them, and its error responses list the layouts the server can send.
 * (.ci/lint-openapi lints the served document with Redocly CLI and checks the patterns in ECMAScript and Python.)
 */
class OpenApiDocumentTest {

    /** Characters that tell an anchored pattern from a searching one: whitespace of several kinds, NUL, a letter, an emoji. */
    private static final List<String> TELLING = List.of(" ", "\t", "\n", "\u00a0", "\u2007", "\u3000", "\u0000", "a", "\ud83d\ude00");

    @Test
    void givenEveryPatternOfTheDocument_whenAppliedAnchoredOrSearching_thenItMeansTheSame() {
        List<String> patterns = patterns(OpenApiCheck.DOCUMENT);
        assertThat(patterns).isNotEmpty();
        for (String pattern : patterns) {
            Pattern compiled = Pattern.compile(pattern);
            List<String> differ = samples().stream()
                    .filter(sample -> compiled.matcher(sample).find() != compiled.matcher(sample).matches())
                    .toList();
            assertThat(differ).as("samples for which %s means another thing anchored", pattern).isEmpty();
        }
    }

    @Test
    void givenTheTextPattern_thenItAcceptsExactlyTheTextsTheDomainAccepts() {
        Pattern text = Pattern.compile(OpenApiCheck.DOCUMENT.at("/components/schemas/Text/pattern").asText());
        List<String> differ = new ArrayList<>();
        // every whitespace character is in the BMP: there, every code point; above it, a sample of them (the domain's
        // validation is slower than the pattern)
        List<String> samples = samples().stream().filter(s -> s.codePointAt(0) <= Character.MAX_VALUE || s.codePointAt(0) % 251 == 0).toList();
        for (String sample : samples) {
            if (text.matcher(sample).find() != acceptedAsAName(sample)) {
                differ.add(sample.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList().toString());
            }
        }
        assertThat(differ).as("texts the pattern and the domain disagree on").isEmpty();
        assertThat(text.matcher(" Leading").find()).isTrue();
    }

    @Test
    void givenEveryErrorResponseOfEveryOperation_thenBothLayoutsAreListedExceptWhereTheServerAnswersBeforeReadingAccept() {
        OpenApiCheck.DOCUMENT.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            for (Map.Entry<String, JsonNode> response : responses.properties()) {
                if (response.getKey().compareTo("400") < 0) {
                    continue;
                }
                JsonNode ref = response.getValue().get("$ref");
                JsonNode resolved = ref == null ? response.getValue() : OpenApiCheck.DOCUMENT.at(ref.asText().substring(1));
                List<String> mediaTypes = new ArrayList<>();
                resolved.get("content").fieldNames().forEachRemaining(mediaTypes::add);
                // a request line over the limit is refused before its headers are read: there is no Accept to go by
                List<String> expected = response.getKey().equals("414")
                        ? List.of("application/json") : List.of("application/json", ErrorLayout.PROBLEM_JSON);
                assertThat(mediaTypes).as("%s %s %s", operation.getKey(), path.getKey(), response.getKey()).isEqualTo(expected);
            }
        }));
    }

    private static boolean acceptedAsAName(String name) {
        try {
            new NewHero(name, null, "Dive Wilson");
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /**
     * Every code point alone, then every string of one to three telling ones. No lone surrogate: the server refuses one
     * in any text, which a pattern cannot say (the Text schema's description does).
     */
    private static List<String> samples() {
        List<String> samples = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                samples.add(Character.toString(c));
            }
        }
        for (String a : TELLING) {
            for (String b : TELLING) {
                samples.add(a + b);
                for (String c : TELLING) {
                    samples.add(a + b + c);
                }
            }
        }
        return samples;
    }

    private static List<String> patterns(JsonNode node) {
        List<String> found = new ArrayList<>();
        node.properties().forEach(field -> {
            if (field.getKey().equals("pattern") && field.getValue().isTextual()) {
                found.add(field.getValue().asText());
            } else {
                found.addAll(patterns(field.getValue()));
            }
        });
        if (node.isArray()) {
            node.forEach(element -> found.addAll(patterns(element)));
        }
        return found;
    }
}
