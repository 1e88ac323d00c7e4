package dev.hero.web;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON mapper of the web adapter. Reading is strict and exact: a body is decoded as UTF-8 (an
 * invalid byte is an error, not a replacement character), integers and decimals keep every digit
 * (so {@code 1e400} is a large number, not infinity), and anything after the value is an error.
 * Jackson's default {@code StreamReadConstraints} bound nesting depth and number length.
 */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    /** Builds the serializers of these types now rather than on the first answer that needs them. */
    static void prepare(Class<?>... types) {
        for (Class<?> type : types) {
            MAPPER.canSerialize(type);
        }
    }

    static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /**
     * Parses one JSON document.
     *
     * @throws MalformedJsonException with a position in characters (code points, as Python counts) and a
     *                                description that never quotes the input
     */
    static JsonNode parse(byte[] utf8) {
        String text = decodeUtf8(utf8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1); // a byte order mark is tolerated, as Python's json does
        }
        try (JsonParser parser = MAPPER.createParser(text)) {
            JsonNode tree;
            try {
                tree = MAPPER.readTree(parser);
            } catch (JsonEOFException e) {
                throw malformed(text, parser, e, "Unexpected end of input");
            } catch (StreamConstraintsException e) {
                throw malformed(text, parser, e, e.getMessage().contains("nesting") ? "Nesting too deep" : "Value too long");
            } catch (JsonProcessingException e) {
                throw malformed(text, parser, e, "Invalid JSON syntax");
            } catch (NumberFormatException e) {
                throw malformed(text, parser, null, "Number out of range");
            }
            if (tree == null || tree.isMissingNode()) {
                throw new MalformedJsonException(text.codePointCount(0, text.length()), "Expecting value");
            }
            try {
                if (parser.nextToken() != null) {
                    throw malformed(text, parser.currentTokenLocation().getCharOffset(), "Extra data");
                }
            } catch (JsonProcessingException e) {
                throw malformed(text, parser, e, "Extra data");
            }
            return tree;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse JSON from memory", e);
        }
    }

    private static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(ByteBuffer.wrap(bytes), out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            out.flip();
            String decoded = out.toString();
            throw new MalformedJsonException(decoded.codePointCount(0, decoded.length()), "Invalid UTF-8");
        }
        return out.flip().toString();
    }

    /** At the start of the offending token, as Python reports it. */
    private static MalformedJsonException malformed(String text, JsonParser parser, JsonProcessingException e, String description) {
        JsonLocation location = e != null && e.getLocation() != null ? e.getLocation() : parser.currentTokenLocation();
        return malformed(text, location.getCharOffset(), description);
    }

    private static MalformedJsonException malformed(String text, long charOffset, String description) {
        int end = (int) Math.max(0, Math.min(charOffset, text.length()));
        return new MalformedJsonException(text.codePointCount(0, end), description);
    }
}
