package dev.hero.domain.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The orders a list of heroes can come in. Ties are always broken by id ascending, and heroes without an age come
 * last in both age orders, so every order is total and a walk by {@link HeroPosition} is well defined.
 */
public enum HeroSort {

    ID("id", Comparator.comparingLong(Hero::id)),
    ID_DESC("-id", Comparator.comparingLong(Hero::id).reversed()),
    NAME("name", Comparator.comparing(Hero::name, HeroSort::compareCodePoints).thenComparingLong(Hero::id)),
    NAME_DESC("-name", Comparator.comparing(Hero::name, HeroSort::compareCodePointsDescending).thenComparingLong(Hero::id)),
    AGE("age", Comparator.comparing(Hero::age, Comparator.nullsLast(Comparator.<Integer>naturalOrder()))
            .thenComparingLong(Hero::id)),
    AGE_DESC("-age", Comparator.comparing(Hero::age, Comparator.nullsLast(Comparator.<Integer>reverseOrder()))
            .thenComparingLong(Hero::id));

    public static final HeroSort DEFAULT = ID;

    private final String key;
    private final Comparator<Hero> order;

    HeroSort(String key, Comparator<Hero> order) {
        this.key = key;
        this.order = order;
    }

    /** The order's short name: the field, with a leading {@code -} for descending ({@code name}, {@code -age}). */
    public String key() {
        return key;
    }

    /** The order as a comparator of heroes: the reference every store must agree with. */
    public Comparator<Hero> comparator() {
        return order;
    }

    /** Whether this order is by the field in descending order. */
    public boolean descending() {
        return key.startsWith("-");
    }

    /**
     * Names are ordered by Unicode code point, whatever the locale: the order of SQLite's {@code BINARY} collation
     * and PostgreSQL's {@code "C"} (both compare UTF-8 bytes). {@link String#compareTo} differs from it for characters
     * beyond U+FFFF.
     */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static int compareCodePointsDescending(String a, String b) {
        return compareCodePoints(b, a);
    }

    public static Optional<HeroSort> fromKey(String key) {
        return Arrays.stream(values()).filter(sort -> sort.key.equals(key)).findFirst();
    }

    /** Every key, in declaration order: {@code id, -id, name, -name, age, -age}. */
    public static List<String> keys() {
        return Arrays.stream(values()).map(HeroSort::key).toList();
    }
}
