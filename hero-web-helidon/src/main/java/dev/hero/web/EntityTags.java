package dev.hero.web;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.Precondition;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A hero's entity tag and the conditional request headers that compare with it (RFC 9110, section 13).
 *
 * <p>The tag is strong and says the hero's id and version: {@code "7-2"} for hero 7 at version 2. The version alone
 * would do for the one URL the tag belongs to, but every new hero is at version 1, so a tag sent by mistake to another
 * hero's URL would then match; with the id in it, it never does. The tag changes whenever the hero does (a new secret
 * name too, which no answer shows), and never says more than the id and how many changes there were.
 *
 * <p>{@code If-Match} (PATCH, DELETE) compares strongly: a weak tag never matches; {@code *} matches any existing hero;
 * a field that is no list of entity tags matches nothing, so a client that means a condition never writes without one.
 * {@code If-None-Match} (GET) compares weakly ({@code W/"7-2"} matches {@code "7-2"}); a field that is no list of
 * entity tags matches nothing there either, so the hero is answered in full.
 */
final class EntityTags {

    static final HeaderName IF_MATCH = HeaderNames.IF_MATCH;
    static final HeaderName IF_NONE_MATCH = HeaderNames.IF_NONE_MATCH;

    /** A version as the tag writes it: a positive long, no sign, no leading zero. */
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,18}");

    private EntityTags() {
    }

    /** The hero's strong entity tag, quotes included: the value of the {@code ETag} field. */
    static String of(Hero hero) {
        return "\"" + opaque(hero.id(), hero.version()) + "\"";
    }

    /**
     * The precondition {@code If-Match} asks of hero {@code id}: {@link Precondition#none()} without the field,
     * {@link Precondition#exists()} for {@code *}, otherwise the versions its strong tags for this hero name (none
     * for tags of other heroes, weak or malformed ones).
     */
    static Precondition ifMatch(Headers headers, long id) {
        if (!headers.contains(IF_MATCH)) {
            return Precondition.none();
        }
        List<Tag> tags = parse(headers.get(IF_MATCH).values());
        if (tags == null) {
            return Precondition.versionIn(Set.of());
        }
        if (tags.contains(Tag.ANY)) {
            return Precondition.exists();
        }
        String prefix = id + "-";
        Set<Long> versions = new HashSet<>();
        for (Tag tag : tags) {
            if (!tag.weak() && tag.opaque().startsWith(prefix)) {
                String version = tag.opaque().substring(prefix.length());
                if (VERSION.matcher(version).matches()) {
                    try {
                        versions.add(Long.parseLong(version));
                    } catch (NumberFormatException pastLongRange) {
                        // no hero has that version
                    }
                }
            }
        }
        return Precondition.versionIn(versions);
    }

    /** Whether {@code If-None-Match} is there and matches the hero (weak comparison, or {@code *}): then a GET is a 304. */
    static boolean noneMatchFails(Headers headers, Hero hero) {
        return noneMatchFails(headers, opaque(hero.id(), hero.version()));
    }

    /** The same for any representation whose strong tag is {@code current} (its quotes taken off). */
    static boolean noneMatchFails(Headers headers, String current) {
        if (!headers.contains(IF_NONE_MATCH)) {
            return false;
        }
        List<Tag> tags = parse(headers.get(IF_NONE_MATCH).values());
        if (tags == null) {
            return false;
        }
        return tags.stream().anyMatch(tag -> tag == Tag.ANY || tag.opaque().equals(current));
    }

    private static String opaque(long id, long version) {
        return id + "-" + version;
    }

    /** One element of the field: {@code *}, or an entity tag, its quotes taken off. */
    record Tag(boolean weak, String opaque) {
        static final Tag ANY = new Tag(false, null);
    }

    /**
     * The field's elements ({@code "*" / #entity-tag}, the lines of a repeated field joined by commas), or {@code null}
     * when it is no such list. Empty elements between commas are skipped, as RFC 9110 (5.6.1) asks of a recipient.
     */
    static List<Tag> parse(String field) {
        List<Tag> tags = new ArrayList<>();
        int i = 0;
        int n = field.length();
        while (true) {
            while (i < n && (field.charAt(i) == ' ' || field.charAt(i) == '\t' || field.charAt(i) == ',')) {
                i++;
            }
            if (i == n) {
                return tags;
            }
            if (field.charAt(i) == '*') {
                tags.add(Tag.ANY);
                i++;
            } else {
                boolean weak = field.startsWith("W/", i);
                int open = weak ? i + 2 : i;
                if (open >= n || field.charAt(open) != '"') {
                    return null;
                }
                int close = field.indexOf('"', open + 1);
                if (close < 0) {
                    return null;
                }
                String opaque = field.substring(open + 1, close);
                if (!opaque.chars().allMatch(c -> c == 0x21 || (c >= 0x23 && c <= 0x7E) || c >= 0x80)) {
                    return null;
                }
                tags.add(new Tag(weak, opaque));
                i = close + 1;
            }
            while (i < n && (field.charAt(i) == ' ' || field.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && field.charAt(i) != ',') {
                return null;
            }
        }
    }
}
