package dev.hero.web;

import dev.hero.domain.model.HeroPosition;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.HeroSort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code after} cursor's codec: every position and every set of filters comes back as it went in; a cursor is
 * short; any change to one, and any text that is not one, decodes to nothing (never an exception).
 */
class CursorTest {

    private static final HeroQuery EVERY_HERO = HeroQuery.page(0, 100);
    private static final String LONGEST_NAME = "\ud83e\uddb8".repeat(255);

    static Stream<Arguments> positions() {
        List<Arguments> all = new ArrayList<>();
        for (long id : new long[]{1, 0, -1, 1_000_000, Long.MAX_VALUE, Long.MIN_VALUE}) {
            all.add(Arguments.of(new HeroPosition(HeroSort.ID, id, null, null)));
            all.add(Arguments.of(new HeroPosition(HeroSort.ID_DESC, id, null, null)));
            for (String name : new String[]{"Deadpond", "a b & c/%", "\u00c9mile", LONGEST_NAME, " ", ""}) {
                all.add(Arguments.of(new HeroPosition(HeroSort.NAME, id, name, null)));
                all.add(Arguments.of(new HeroPosition(HeroSort.NAME_DESC, id, name, null)));
            }
            for (Integer age : new Integer[]{null, 0, 30, Integer.MAX_VALUE}) {
                all.add(Arguments.of(new HeroPosition(HeroSort.AGE, id, null, age)));
                all.add(Arguments.of(new HeroPosition(HeroSort.AGE_DESC, id, null, age)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest
    @MethodSource("positions")
    void givenAPosition_whenEncodedAndDecoded_thenTheSamePositionInURLSafeTextNoLongerThanTheLongestCursor(HeroPosition position) {
        HeroQuery query = EVERY_HERO.sortedBy(position.sort());

        String text = Cursor.encode(query, position);

        assertThat(text).matches("[A-Za-z0-9_-]+").hasSizeLessThanOrEqualTo(Cursor.MAX_TEXT_LENGTH);
        assertThat(Cursor.decode(text)).hasValueSatisfying(cursor -> {
            assertThat(cursor.position()).isEqualTo(position);
            assertThat(cursor.madeFor(null, null, null)).isTrue();
        });
    }

    @Test
    void givenEveryOrderOfTheDomain_thenACursorHoldsIt() {
        for (HeroSort sort : HeroSort.values()) {
            HeroPosition position = HeroPosition.after(new dev.hero.domain.model.Hero(5, "Deadpond", 30, "", 1), sort);

            assertThat(Cursor.decode(Cursor.encode(EVERY_HERO.sortedBy(sort), position))).as(sort.key())
                    .hasValueSatisfying(cursor -> assertThat(cursor.position()).isEqualTo(position));
        }
    }

    @Test
    void givenTheLongestPosition_thenItsCursorIsAsLongAsACursorMayBe() {
        String longest = Cursor.encode(EVERY_HERO.sortedBy(HeroSort.NAME), new HeroPosition(HeroSort.NAME, Long.MIN_VALUE, LONGEST_NAME, null));

        assertThat(longest).hasSize(Cursor.MAX_TEXT_LENGTH - 1);
    }

    @Test
    void givenAPositionById_thenItsCursorIsShort() {
        String cursor = Cursor.encode(EVERY_HERO, new HeroPosition(HeroSort.ID, 999_900, null, null));

        assertThat(cursor).hasSizeLessThanOrEqualTo(24);
    }

    @Test
    void givenFilters_thenTheCursorIsMadeForThoseOnly() {
        HeroQuery filtered = EVERY_HERO.filteredBy("Beta", 20, null);
        Cursor cursor = Cursor.decode(Cursor.encode(filtered, new HeroPosition(HeroSort.ID, 7, null, null))).orElseThrow();

        assertThat(cursor.madeFor("Beta", 20, null)).isTrue();
        assertThat(cursor.madeFor("Beta", null, 20)).isFalse();
        assertThat(cursor.madeFor("Beta", 20, 20)).isFalse();
        assertThat(cursor.madeFor("beta", 20, null)).isFalse();
        assertThat(cursor.madeFor(null, 20, null)).isFalse();
        assertThat(cursor.madeFor("Beta", 21, null)).isFalse();
        assertThat(cursor.madeFor(null, null, null)).isFalse();
    }

    @ParameterizedTest
    @MethodSource("positions")
    void givenACursor_whenAnyBitOfItsBytesFlips_thenItIsNoCursor(HeroPosition position) {
        byte[] bytes = Base64.getUrlDecoder().decode(Cursor.encode(EVERY_HERO.sortedBy(position.sort()), position));
        // the longest names make long cursors: every bit of the first and last 64 bytes is enough there
        for (int i = 0; i < bytes.length; i++) {
            if (i >= 64 && i < bytes.length - 64) {
                continue;
            }
            for (int bit = 0; bit < 8; bit++) {
                byte[] flipped = bytes.clone();
                flipped[i] ^= (byte) (1 << bit);
                assertThat(Cursor.decode(encode(flipped))).as("byte %d bit %d", i, bit).isEmpty();
            }
        }
    }

    @Test
    void givenACursor_whenCutShortOrLengthened_thenItIsNoCursor() {
        String cursor = Cursor.encode(EVERY_HERO.sortedBy(HeroSort.NAME), new HeroPosition(HeroSort.NAME, 42, "Deadpond", null));

        for (int length = 0; length < cursor.length(); length++) {
            assertThat(Cursor.decode(cursor.substring(0, length))).as("first %d characters", length).isEmpty();
        }
        for (String more : new String[]{"A", "AA", "AAA", "AAAA", "=", "==", "_", "-"}) {
            assertThat(Cursor.decode(cursor + more)).as("+ %s", more).isEmpty();
        }
    }

    @Test
    void givenACursorWithPadding_thenItIsNoCursor() {
        int padded = 0;
        for (long id = 1; id < 400; id++) {
            String cursor = Cursor.encode(EVERY_HERO, new HeroPosition(HeroSort.ID, id, null, null));
            String withPadding = Base64.getUrlEncoder().encodeToString(Base64.getUrlDecoder().decode(cursor));
            if (!withPadding.equals(cursor)) {
                assertThat(Cursor.decode(withPadding)).as(withPadding).isEmpty();
                padded++;
            }
        }
        assertThat(padded).isPositive();
    }

    @Test
    void givenACursorWhoseLastCharacterHasExtraBits_thenItIsNoCursor() {
        // 1 or 2 bytes left over make a last character with 4 or 2 bits that belong to no byte
        for (long id = 1; id < 400; id++) {
            String cursor = Cursor.encode(EVERY_HERO, new HeroPosition(HeroSort.ID, id, null, null));
            if (cursor.length() % 4 == 0) {
                continue;
            }
            String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            int last = alphabet.indexOf(cursor.charAt(cursor.length() - 1));
            String other = cursor.substring(0, cursor.length() - 1) + alphabet.charAt(last ^ 1);
            assertThat(Arrays.equals(Base64.getUrlDecoder().decode(other), Base64.getUrlDecoder().decode(cursor)))
                    .as("the same bytes spelled otherwise").isTrue();
            assertThat(Cursor.decode(other)).isEmpty();
            return;
        }
        throw new AssertionError("no cursor with a partial last character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "=", "====", "A", "AA", "AAA", "AAAA", "AQ", "AQE", "not a cursor", "\u00e9", "\ud83e\uddb8",
            "\u0000", "\ud800", "A\nB", "AQEB AQEB", "+/+/", "%41%42"})
    void givenTextThatIsNoCursor_thenNothing(String text) {
        assertThat(Cursor.decode(text)).isEmpty();
    }

    @Test
    void givenHugeText_thenNothing() {
        assertThat(Cursor.decode("A".repeat(Cursor.MAX_TEXT_LENGTH + 1))).isEmpty();
        assertThat(Cursor.decode("A".repeat(10_000_000))).isEmpty();
    }

    @Test
    void givenRandomText_thenNothingAndNoException() {
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = new byte[random.nextInt(80)];
            random.nextBytes(bytes);
            String text = switch (i % 3) {
                case 0 -> Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                case 1 -> new String(bytes, StandardCharsets.UTF_8);
                default -> new String(bytes, StandardCharsets.ISO_8859_1);
            };
            assertThat(Cursor.decode(text)).as("%s", text).isEmpty();
        }
    }

    /** Cursors whose check is right but whose content no encoder writes: someone who read the source forged them. */
    @ParameterizedTest
    @ValueSource(strings = {
            "version 2       | 02 00 02",
            "sort 6          | 01 06 02",
            "sort 255        | 01 FF 02",
            "no id           | 01 00",
            "id cut short    | 01 00 80",
            "id over 64 bits | 01 00 FF FF FF FF FF FF FF FF FF 02",
            "id padded       | 01 00 82 00",
            "id then bytes   | 01 00 02 41",
            "age cut short   | 01 04 02",
            "age too large   | 01 04 02 81 80 80 80 10",
            "age then bytes  | 01 04 02 01 00",
            "name not UTF-8  | 01 02 02 C3 28",
            "name with NUL   | 01 02 02 41 00 42",
            "name surrogate  | 01 02 02 ED A0 80"})
    void givenACursorForgedWithARightCheck_whenItsContentIsNoPosition_thenNothing(String forgery) {
        String hex = forgery.substring(forgery.indexOf('|') + 1).strip();

        assertThat(Cursor.decode(forge(hex))).isEmpty();
    }

    @Test
    void givenACursorForgedWithARightCheck_whenItsContentIsAPosition_thenThatPosition() {
        // the check holds no secret: what a forged cursor can do is name a position, which the request's filters bound
        assertThat(Cursor.decode(forge("01 04 02 80 80 80 80 08"))).hasValueSatisfying(cursor ->
                assertThat(cursor.position()).isEqualTo(new HeroPosition(HeroSort.AGE, 1, null, Integer.MAX_VALUE)));
    }

    /** The layout of docs/web.md: the bytes given, the fingerprint of no filters, and the check over both. */
    private static String forge(String hex) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String b : hex.split(" ")) {
            out.write(Integer.parseInt(b, 16));
        }
        byte[] noFilters = sha256(new byte[]{0, 0});
        out.write(noFilters, 0, 4);
        byte[] payload = out.toByteArray();
        byte[] check = sha256(concat("hero cursor".getBytes(StandardCharsets.US_ASCII), payload));
        out.write(check, 0, 8);
        return encode(out.toByteArray());
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
