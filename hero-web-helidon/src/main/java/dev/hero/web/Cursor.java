package dev.hero.web;

import dev.hero.domain.model.HeroPosition;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.HeroSort;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code after} parameter of a list: a {@link HeroPosition} and the filters of the listing it was made for, as
 * opaque URL-safe text (base64url without padding) with an integrity check. Clients never build one; they follow the
 * {@code Link: <...>; rel="next"} of a page. Layout of the bytes (docs/web.md, "Cursors"):
 * <pre>
 * version (1) | sort (1: its index in id, -id, name, -name, age, -age) | id (zigzag varint) | name (UTF-8, name orders) or
 * age + 1 (varint, 0 for none; age orders) | filters (4: SHA-256 of the filters) | check (8: SHA-256 of all before)
 * </pre>
 * The check is a plain digest, not a keyed one: it catches an edited or truncated cursor, and a cursor names nothing
 * but a position, which the request's own filters and sort still bound, so a cursor forged by someone who recomputes
 * the check can only start a page elsewhere in the same listing. A key would have to be shared by every instance and
 * kept across restarts for no gain.
 *
 * @param position where the next page starts
 * @param filters  the fingerprint of the filters the cursor was made for
 */
record Cursor(HeroPosition position, int filters) {

    static final int VERSION = 1;
    private static final int FILTERS_BYTES = 4;
    private static final int CHECK_BYTES = 8;
    /** The longest text a cursor can be: a 255-character name of 4-byte characters, the longest id, the rest. */
    static final int MAX_TEXT_LENGTH = (2 + 10 + 255 * 4 + FILTERS_BYTES + CHECK_BYTES) * 4 / 3 + 1;
    private static final byte[] CHECK_CONTEXT = "hero cursor".getBytes(StandardCharsets.US_ASCII);
    /** Each sort's code in a cursor is its place here: fixed, so a cursor keeps its meaning whatever the domain's order. */
    private static final List<HeroSort> SORTS = Stream.of("id", "-id", "name", "-name", "age", "-age")
            .map(key -> HeroSort.fromKey(key).orElseThrow()).toList();

    /** The cursor of the position after a page of this query, as the {@code after} text. */
    static String encode(HeroQuery query, HeroPosition next) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        out.write(VERSION);
        out.write(SORTS.indexOf(next.sort()));
        writeVarint(out, zigzag(next.id()));
        if (next.name() != null) {
            out.writeBytes(next.name().getBytes(StandardCharsets.UTF_8));
        } else if (isAgeSort(next.sort())) {
            writeVarint(out, next.age() == null ? 0 : next.age() + 1L);
        }
        writeInt(out, fingerprint(query.name(), query.minAge(), query.maxAge()));
        byte[] payload = out.toByteArray();
        out.writeBytes(check(payload, payload.length));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * The cursor this text holds, or empty when it holds none: not base64url without padding, too long, failing its
     * check, of another version, or with a position no hero can have. Never throws for any text.
     */
    static Optional<Cursor> decode(String text) {
        if (text.isEmpty() || text.length() > MAX_TEXT_LENGTH || !isBase64Url(text)) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // a text whose last character carries bits beyond the bytes is another spelling of them: one spelling only
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(text)) {
            return Optional.empty();
        }
        int body = bytes.length - CHECK_BYTES;
        if (body < 3 + FILTERS_BYTES || bytes[0] != VERSION
                || !MessageDigest.isEqual(check(bytes, body), Arrays.copyOfRange(bytes, body, bytes.length))) {
            return Optional.empty();
        }
        return read(ByteBuffer.wrap(bytes, 1, body - 1 - FILTERS_BYTES).slice(), ByteBuffer.wrap(bytes, body - FILTERS_BYTES, FILTERS_BYTES).getInt());
    }

    /** Whether the cursor was made for a listing with these filters. */
    boolean madeFor(String name, Integer minAge, Integer maxAge) {
        return filters == fingerprint(name, minAge, maxAge);
    }

    private static Optional<Cursor> read(ByteBuffer in, int filters) {
        int sortIndex = in.get() & 0xff;
        if (sortIndex >= SORTS.size()) {
            return Optional.empty();
        }
        HeroSort sort = SORTS.get(sortIndex);
        Long zigzagId = readVarint(in);
        if (zigzagId == null) {
            return Optional.empty();
        }
        long id = unzigzag(zigzagId);
        String name = null;
        Integer age = null;
        if (isNameSort(sort)) {
            name = utf8(in);
            // no store holds U+0000 in a name (PostgreSQL cannot): no hero sits there
            if (name == null || name.indexOf('\u0000') >= 0) {
                return Optional.empty();
            }
        } else if (isAgeSort(sort)) {
            Long agePlusOne = readVarint(in);
            if (agePlusOne == null || agePlusOne > Integer.MAX_VALUE + 1L) {
                return Optional.empty();
            }
            age = agePlusOne == 0 ? null : (int) (agePlusOne - 1);
        }
        if (in.hasRemaining()) {
            return Optional.empty();
        }
        return Optional.of(new Cursor(new HeroPosition(sort, id, name, age), filters));
    }

    private static boolean isNameSort(HeroSort sort) {
        return sort == HeroSort.NAME || sort == HeroSort.NAME_DESC;
    }

    private static boolean isAgeSort(HeroSort sort) {
        return sort == HeroSort.AGE || sort == HeroSort.AGE_DESC;
    }

    private static boolean isBase64Url(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The filters as a number: equal filters give equal numbers; others almost never do (one in 2^32). */
    private static int fingerprint(String name, Integer minAge, Integer maxAge) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        writeOptionalInt(out, minAge);
        writeOptionalInt(out, maxAge);
        if (name != null) {
            out.write(1);
            out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        }
        return ByteBuffer.wrap(sha256(out.toByteArray(), out.size())).getInt();
    }

    private static byte[] check(byte[] payload, int length) {
        MessageDigest digest = sha256();
        digest.update(CHECK_CONTEXT);
        digest.update(payload, 0, length);
        return Arrays.copyOf(digest.digest(), CHECK_BYTES);
    }

    private static byte[] sha256(byte[] bytes, int length) {
        MessageDigest digest = sha256();
        digest.update(bytes, 0, length);
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void writeOptionalInt(ByteArrayOutputStream out, Integer value) {
        if (value == null) {
            out.write(0);
        } else {
            out.write(1);
            writeInt(out, value);
        }
    }

    private static void writeInt(ByteArrayOutputStream out, int value) {
        out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(value).array());
    }

    private static long zigzag(long value) {
        return value << 1 ^ value >> 63;
    }

    private static long unzigzag(long value) {
        return value >>> 1 ^ -(value & 1);
    }

    /** Seven bits a byte, low bits first; the high bit says another byte follows. */
    private static void writeVarint(ByteArrayOutputStream out, long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            out.write((int) (rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write((int) rest);
    }

    /** A varint written by {@link #writeVarint}, or {@code null} when the bytes hold none (cut short, over 64 bits, padded). */
    private static Long readVarint(ByteBuffer in) {
        long value = 0;
        for (int shift = 0; shift < Long.SIZE; shift += 7) {
            if (!in.hasRemaining()) {
                return null;
            }
            int b = in.get() & 0xff;
            if (shift == 63 && b > 1) {
                return null;
            }
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                // one spelling only: a last byte of zero (after the first) is padding no writer makes
                return b == 0 && shift > 0 ? null : value;
            }
        }
        return null;
    }

    /** The rest of the bytes as strict UTF-8, or {@code null} when they are not. */
    private static String utf8(ByteBuffer in) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(in)
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
