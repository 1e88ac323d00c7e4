package dev.hero.domain.model;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A client's name for one create it may send more than once (HTTP's {@code Idempotency-Key}): 1 to
 * {@value #MAX_LENGTH} visible ASCII characters ({@code !} to {@code ~}). Every create under one key creates at most
 * one hero; the key is kept with what it created until it expires.
 *
 * @throws IllegalArgumentException from the constructor for a value that is no such key (check {@link #isValid} first)
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (!isValid(value)) {
            throw new IllegalArgumentException("An idempotency key is 1 to " + MAX_LENGTH + " visible ASCII characters");
        }
    }

    /** Whether the text is 1 to {@value #MAX_LENGTH} characters from {@code !} (0x21) to {@code ~} (0x7E). */
    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH
                && value.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    }

    /**
     * What is kept of a create under this key to tell a repeat from another create: SHA-256 over the key and the
     * command's fields (each length-prefixed, {@code null} age apart from every number), in hex. The command's secret
     * name goes in the hash only, never in clear, and the key in it makes the hashes of two keys unrelated.
     */
    public String fingerprint(NewHero hero) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            text(sha256, "hero create v1");
            text(sha256, value);
            text(sha256, hero.name());
            sha256.update(hero.age() == null ? new byte[] {0} : ByteBuffer.allocate(5).put((byte) 1).putInt(hero.age()).array());
            text(sha256, hero.secretName());
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static void text(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    /** The key is the client's: shown as it is (it is no secret, and visible ASCII cannot break a log line). */
    @Override
    public String toString() {
        return value;
    }
}
