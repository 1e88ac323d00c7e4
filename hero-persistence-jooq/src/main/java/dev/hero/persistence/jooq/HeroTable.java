package dev.hero.persistence.jooq;

import dev.hero.domain.model.FieldChange;
import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.NewHero;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.hero.persistence.jooq.generated.Tables.HERO;

/**
 * The one mapping between the generated table {@code HERO} and the domain: a row as a {@link Hero},
 * a {@link NewHero} and a {@link HeroChanges} as the columns they set. A new column is one line in
 * each of the three.
 */
final class HeroTable {

    private static final Field<?>[] COLUMNS = HERO.fields();

    private HeroTable() {
    }

    /** A value for each column of the hero table: a jOOQ record ({@code record::get}) or a JDBC row ({@link #row}). */
    @FunctionalInterface
    interface Row {
        <T> T get(Field<T> column);
    }

    static Hero toHero(Row row) {
        return new Hero(row.get(HERO.ID), row.get(HERO.NAME), row.get(HERO.AGE), row.get(HERO.SECRET_NAME), row.get(HERO.VERSION));
    }

    /** Every column but the id, which the database assigns, and the version, which starts at its default (1). */
    static Map<Field<?>, Object> columnsOf(NewHero hero) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(HERO.NAME, hero.name());
        columns.put(HERO.AGE, hero.age());
        columns.put(HERO.SECRET_NAME, hero.secretName());
        return columns;
    }

    /** Only the columns the changes set: an update never writes back a value it did not mean to change. */
    static Map<Field<?>, Object> columnsOf(HeroChanges changes) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        putIfSet(columns, HERO.NAME, changes.name());
        putIfSet(columns, HERO.AGE, changes.age());
        putIfSet(columns, HERO.SECRET_NAME, changes.secretName());
        return columns;
    }

    /**
     * Whether the changes give some column another value than the row has ({@code IS DISTINCT FROM}, which takes two
     * NULLs as equal): the condition on which an update raises the version, as {@link Hero#apply} does.
     */
    static Condition changesSomething(HeroChanges changes) {
        List<Condition> differs = new ArrayList<>(3);
        addIfSet(differs, HERO.NAME, changes.name());
        addIfSet(differs, HERO.AGE, changes.age());
        addIfSet(differs, HERO.SECRET_NAME, changes.secretName());
        return DSL.or(differs);
    }

    /**
     * The current row of a JDBC result whose columns are {@code HERO.fields()}, in that order (a
     * {@code SELECT} rendered from the generated table): each column is read at the index of its field.
     */
    static Row row(ResultSet rows) throws SQLException {
        Object[] values = new Object[COLUMNS.length];
        for (int i = 0; i < COLUMNS.length; i++) {
            values[i] = value(rows, i + 1, COLUMNS[i].getType());
        }
        return new Row() {
            @Override
            public <T> T get(Field<T> column) {
                return column.getType().cast(values[indexOf(column)]);
            }
        };
    }

    /** Its index in {@code HERO.fields()}; by identity, which is cheaper on every row than jOOQ's {@code indexOf}. */
    private static int indexOf(Field<?> column) {
        for (int i = 0; i < COLUMNS.length; i++) {
            if (COLUMNS[i] == column) {
                return i;
            }
        }
        throw new IllegalArgumentException(column + " is not a field of the generated table " + HERO);
    }

    private static <T> void addIfSet(List<Condition> differs, Field<T> column, FieldChange<T> change) {
        if (change instanceof FieldChange.SetTo<T>(T value)) {
            differs.add(column.isDistinctFrom(DSL.val(value, column)));
        }
    }

    private static <T> void putIfSet(Map<Field<?>, Object> columns, Field<T> column, FieldChange<T> change) {
        if (change instanceof FieldChange.SetTo<T>(T value)) {
            columns.put(column, value);
        }
    }

    /**
     * The typed getters, asking {@code wasNull} only of a 0, which is the one value a NULL reads as:
     * sqlite-jdbc answers {@code wasNull} and {@code getObject(i, type)} with a native call each, and
     * fails {@code getObject(i, Integer.class)} on a NULL.
     */
    private static Object value(ResultSet rows, int column, Class<?> type) throws SQLException {
        if (type == Long.class) {
            long value = rows.getLong(column);
            return value == 0 && rows.wasNull() ? null : value;
        }
        if (type == Integer.class) {
            int value = rows.getInt(column);
            return value == 0 && rows.wasNull() ? null : value;
        }
        if (type == String.class) {
            return rows.getString(column);
        }
        return rows.getObject(column, type);
    }
}
