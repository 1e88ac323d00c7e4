package dev.hero.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Where and why a body is not JSON, said the way Python's json module says it, and never quoting the body. */
class JsonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            '{"name": Dive Wilson}'  | 9  | Invalid JSON syntax
            '{"name": "a"'           | 12 | Unexpected end of input
            '{} {}'                  | 3  | Extra data
            '   '                    | 3  | Expecting value
            '{"age": 1e99999999999}' | 8  | Number out of range
            '["é", x]'               | 6  | Invalid JSON syntax
            '["😀", x]'               | 6  | Invalid JSON syntax
            """)
    void givenTextThatIsNotJson_whenParsed_thenThePositionInCodePointsAndADescription(String text, int position, String description) {
        MalformedJsonException e = catchThrowableOfType(MalformedJsonException.class,
                () -> Json.parse(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(e.position()).isEqualTo(position);
        assertThat(e.description()).isEqualTo(description).doesNotContain("Dive");
    }

    @Test
    void givenNestingDeeperThanJacksonAllows_whenParsed_thenNestingTooDeep() {
        byte[] nested = ("[".repeat(1_001) + "]".repeat(1_001)).getBytes(StandardCharsets.UTF_8);

        MalformedJsonException e = catchThrowableOfType(MalformedJsonException.class, () -> Json.parse(nested));

        assertThat(e.description()).isEqualTo("Nesting too deep");
    }

    @Test
    void givenAByteThatCannotStartAUtf8Character_whenParsed_thenInvalidUtf8WhereItIs() {
        byte[] text = {'[', '"', 'a', (byte) 0xFF, '"', ']'};

        MalformedJsonException e = catchThrowableOfType(MalformedJsonException.class, () -> Json.parse(text));

        assertThat(e.position()).isEqualTo(3);
        assertThat(e.description()).isEqualTo("Invalid UTF-8");
    }

    @Test
    void givenAByteOrderMark_whenParsed_thenItIsSkipped() {
        byte[] text = "\uFEFF{\"name\": \"Deadpond\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(Json.parse(text).get("name").asText()).isEqualTo("Deadpond");
    }

    @Test
    void givenHugeNumbers_whenParsed_thenEveryDigitIsKept() {
        var tree = Json.parse("{\"big\": 123456789012345678901234567890, \"huge\": 1e400}".getBytes(StandardCharsets.UTF_8));

        assertThat(tree.get("big").bigIntegerValue()).hasToString("123456789012345678901234567890");
        assertThat(tree.get("huge").decimalValue().precision()).isEqualTo(1);
        assertThat(tree.get("huge").decimalValue().scale()).isEqualTo(-400);
    }
}
