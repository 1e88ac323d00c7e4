package dev.hero.web;

import dev.hero.domain.model.HeroPosition;
import dev.hero.domain.model.HeroQuery;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Link} header (RFC 8288) of a page that more heroes follow: {@code </heroes/?sort=name&limit=2&after=...>;
 * rel="next"}, a path and query that hold the page's filters, its sort (when not the default), its limit and the
 * cursor of the position after it, never an offset. Each value is percent-encoded as UTF-8, every character but the
 * unreserved ones ({@code A-Z a-z 0-9 - . _ ~}) and a space as {@code %20}, so any name comes back as it was.
 */
final class NextLink {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private NextLink() {
    }

    static String of(HeroQuery query, HeroPosition next) {
        StringBuilder target = new StringBuilder(96).append('<').append(WebRoutes.HEROES.template()).append('?');
        if (query.name() != null) {
            parameter(target, HeroInput.NAME_FILTER, query.name());
        }
        if (query.minAge() != null) {
            parameter(target, HeroInput.MIN_AGE, query.minAge().toString());
        }
        if (query.maxAge() != null) {
            parameter(target, HeroInput.MAX_AGE, query.maxAge().toString());
        }
        if (query.sort() != HeroInput.SORT.absent()) {
            parameter(target, HeroInput.SORT, query.sort().key());
        }
        parameter(target, HeroInput.LIMIT, String.valueOf(query.limit()));
        parameter(target, HeroInput.AFTER, Cursor.encode(query, next));
        target.setLength(target.length() - 1);
        return target.append(">; rel=\"next\"").toString();
    }

    private static void parameter(StringBuilder target, InputField<?> row, String value) {
        percentEncode(target, row.name());
        target.append('=');
        percentEncode(target, value);
        target.append('&');
    }

    static void percentEncode(StringBuilder target, String text) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                target.append((char) c);
            } else {
                target.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
    }
}
