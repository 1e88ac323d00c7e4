package dev.hero.persistence.jooq;

import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.model.HeroSort;
import dev.hero.persistence.jooq.ListShape.Start;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.SelectLimitStep;
import org.jooq.SelectOrderByStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.hero.persistence.jooq.generated.Tables.HERO;
import static dev.hero.persistence.jooq.generated.Tables.HERO_COUNT;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.orderBy;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectFrom;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.trueCondition;

/**
 * The SQL of a list: one statement per {@link ListShape}, built with jOOQ from the generated tables and rendered
 * once. Every statement returns the page's heroes, each row with the columns of {@code HERO.fields()} in order and
 * then the total (the number of heroes matching the filters); a page with no hero is one row of nulls and the total.
 * The heroes and the total come from one statement, so from one snapshot of the database on either database.
 *
 * <p>Every order ends with the id ascending and has an index in exactly its order, so a page after a position is
 * read as one or more ranges of indexes, each in order and each cut at the fetch size: for the position
 * {@code (name n, id i)} in the name order, the heroes named {@code n} with an id above {@code i}, then those with a
 * name above {@code n}; in the age orders, the heroes without an age come last, as a range of their own. The parts
 * are joined with {@code UNION ALL} and cut at the fetch size: both databases read the parts one after another, in
 * the order written, and stop once enough rows came (SQLite runs a compound select's parts in order; PostgreSQL's
 * Append runs its children in order and never in parallel when each is cut by a LIMIT). docs/persistence.md says
 * more; {@code JooqHeroesContract} checks the plans on both databases.
 *
 * <p>A page of the whole table by offset in id order ({@link Start#COUNTED_OFFSET}) does not step over the skipped
 * heroes: {@code hero_count} holds how many heroes each range of ids has, at three widths, kept by triggers; the
 * statement adds them up, widest first, to find the narrow range where the offset lands, then steps over fewer than
 * 1,024 heroes inside it.
 */
final class ListSql {

    /**
     * The widths of the ranges {@code hero_count} counts, widest first: {@code bucket = id >> shift}; as in the V2
     * migrations. Each range holds 16 of the next width.
     */
    static final int[] SHIFTS = {18, 14, 10};
    /** The narrowest range: offsets below it are stepped over, and within it. */
    static final long NARROW_WIDTH = 1L << SHIFTS[SHIFTS.length - 1];

    private static final Field<Long> ID = HERO.ID;
    /*
     * A bare parameter as LIMIT or OFFSET makes SQLite compile the statement again whenever another value is bound to
     * it (its planner reads the value), which for the longer statements costs several times their run; as an
     * expression it is only evaluated. docs/persistence.md has the figures.
     */
    private static final Field<Long> FETCH = ListParameter.FETCH.<Long>param().cast(SQLDataType.BIGINT);
    private static final Field<Long> OFFSET = ListParameter.OFFSET.<Long>param().cast(SQLDataType.BIGINT);
    private static final Field<Long> REACH = ListParameter.REACH.<Long>param().cast(SQLDataType.BIGINT);
    private static final Pattern NAMED_PARAMETER = Pattern.compile(":([A-Z_]+)");

    private ListSql() {
    }

    /** The statement of a shape, rendered. */
    static ListStatement render(ListShape shape) {
        Query query = statement(shape);
        String named = JooqHeroes.renderNamed(query);
        List<ListParameter> parameters = new ArrayList<>();
        Matcher parameter = NAMED_PARAMETER.matcher(named);
        while (parameter.find()) {
            parameters.add(ListParameter.valueOf(parameter.group(1)));
        }
        String text = parameter.replaceAll("?");
        String indexed = JooqHeroes.render(query);
        if (!text.equals(indexed)) {
            throw new IllegalStateException("The parameters of a list statement could not be told apart: " + named);
        }
        return new ListStatement(text, List.copyOf(parameters));
    }

    /** A rendered list statement and the values it binds, in order. */
    record ListStatement(String sql, List<ListParameter> parameters) {

        void bind(PreparedStatement statement, HeroQuery query) throws SQLException {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).bind(statement, i + 1, query);
            }
        }
    }

    private static Query statement(ListShape shape) {
        Table<?> total = total(shape).asTable("total");
        Table<?> page;
        List<CommonTableExpression<?>> ranges = List.of();
        if (shape.start() == Start.COUNTED_OFFSET) {
            CountedOffset counted = new CountedOffset(shape.sort() == HeroSort.ID_DESC);
            ranges = counted.ranges();
            page = counted.page().asTable("page");
        } else {
            page = parts(shape).asTable("page");
        }
        List<Field<?>> columns = new ArrayList<>(Stream.of(HERO.fields()).map(page::field).toList());
        columns.add(total.field("total"));
        return (ranges.isEmpty() ? DSL.select(columns) : DSL.with(ranges).select(columns)).from(total).leftJoin(page).on(trueCondition());
    }

    /** The number of matching heroes: counted, when filtered; else the sum of the wide ranges' counts. */
    private static Select<?> total(ListShape shape) {
        if (shape.filtered()) {
            return select(count().as("total")).from(HERO).where(filters(shape));
        }
        return select(coalesce(sum(HERO_COUNT.N), inline(BigDecimal.ZERO)).as("total"))
                .from(HERO_COUNT).where(HERO_COUNT.SHIFT.eq(inline(SHIFTS[0])));
    }

    /** The filters, for the total: each looked up in its index. */
    private static Condition filters(ListShape shape) {
        return filters(shape, HERO.AGE);
    }

    /**
     * The filters, for the page. In an order other than by age, the age bounds are checked on each hero the order's
     * index walks to ({@code age + 0} is no column, so no index serves it): that reads about the page's size divided
     * by the share of heroes in the range, where looking the range up in ix_hero_age would read and sort every hero
     * in it (which SQLite picks, having no statistics). The total counts them through the index either way.
     */
    private static Condition pageFilters(ListShape shape) {
        boolean byAge = shape.sort() == HeroSort.AGE || shape.sort() == HeroSort.AGE_DESC;
        return filters(shape, byAge ? HERO.AGE : HERO.AGE.plus(inline(0)));
    }

    private static Condition filters(ListShape shape, Field<Integer> age) {
        Condition filters = noCondition();
        if (shape.byName()) {
            filters = filters.and(HERO.NAME.eq(ListParameter.NAME.<String>param()));
        }
        if (shape.byMinAge()) {
            filters = filters.and(age.ge(ListParameter.MIN_AGE.<Integer>param()));
        }
        if (shape.byMaxAge()) {
            filters = filters.and(age.le(ListParameter.MAX_AGE.<Integer>param()));
        }
        return filters;
    }

    /** One range of one index, in order: which heroes, and their order. */
    private record Part(Condition where, List<SortField<?>> order) {
    }

    /** The page: its parts one after another, cut at the fetch size (after skipping the offset, for a page by offset). */
    private static Select<?> parts(ListShape shape) {
        List<Part> parts = partsOf(shape);
        Condition filters = pageFilters(shape);
        boolean byOffset = shape.start() == Start.OFFSET;
        if (parts.size() == 1) {
            Part only = parts.getFirst();
            SelectLimitStep<Record> ordered = select(HERO.fields()).from(HERO).where(filters.and(only.where())).orderBy(only.order());
            return byOffset ? ordered.limit(FETCH).offset(OFFSET) : ordered.limit(FETCH);
        }
        // each part is cut too: at what the page can take from it (from an offset, the offset and the page)
        Field<Long> reach = byOffset ? REACH : FETCH;
        SelectOrderByStep<Record> union = null;
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            SelectOrderByStep<Record> one = selectFrom(select(HERO.fields()).from(HERO).where(filters.and(part.where()))
                    .orderBy(part.order()).limit(reach).asTable("part" + (i + 1)));
            union = union == null ? one : union.unionAll(one);
        }
        return byOffset ? union.limit(FETCH).offset(OFFSET) : union.limit(FETCH);
    }

    private static List<Part> partsOf(ListShape shape) {
        HeroSort sort = shape.sort();
        boolean after = shape.start() == Start.AFTER;
        Field<Long> afterId = ListParameter.AFTER_ID.param();
        List<SortField<?>> byId = List.of(ID.asc());
        return switch (sort) {
            case ID -> List.of(new Part(after ? ID.gt(afterId) : noCondition(), byId));
            case ID_DESC -> List.of(new Part(after ? ID.lt(afterId) : noCondition(), List.of(ID.desc())));
            case NAME, NAME_DESC -> {
                List<SortField<?>> order = List.of(sort.descending() ? HERO.NAME.desc() : HERO.NAME.asc(), ID.asc());
                if (!after) {
                    yield List.of(new Part(noCondition(), order));
                }
                Field<String> afterName = ListParameter.AFTER_NAME.param();
                yield List.of(
                        new Part(HERO.NAME.eq(afterName).and(ID.gt(afterId)), byId),
                        new Part(sort.descending() ? HERO.NAME.lt(afterName) : HERO.NAME.gt(afterName), order));
            }
            case AGE, AGE_DESC -> {
                List<SortField<?>> order = List.of(sort.descending() ? HERO.AGE.desc() : HERO.AGE.asc(), ID.asc());
                Field<Integer> afterAge = ListParameter.AFTER_AGE.param();
                List<Part> parts = new ArrayList<>(3);
                if (shape.start() == Start.AFTER_NO_AGE) {
                    parts.add(new Part(HERO.AGE.isNull().and(ID.gt(afterId)), byId));
                } else {
                    if (after) {
                        parts.add(new Part(HERO.AGE.eq(afterAge).and(ID.gt(afterId)), byId));
                        parts.add(new Part(sort.descending() ? HERO.AGE.lt(afterAge) : HERO.AGE.gt(afterAge), order));
                    } else {
                        parts.add(new Part(HERO.AGE.isNotNull(), order));
                    }
                    // an age bound already leaves out every hero without an age
                    if (!shape.byAgeBound()) {
                        parts.add(new Part(HERO.AGE.isNull(), byId));
                    }
                }
                yield parts;
            }
        };
    }

    /**
     * The page at an offset of the whole table in id order, ascending or descending, from the counts per range: the
     * wide range where the running count passes the offset, then the middle range inside it where it does, then the
     * narrow one, then the heroes from the start of that range, skipping the rest of the offset. Each step adds up
     * at most 16 ranges (the first, every wide range: 4 at a million heroes), and fewer than 1,024 heroes are
     * skipped, wherever the offset is.
     */
    private static final class CountedOffset {

        private static final Field<Long> BUCKET = field(name("bucket"), Long.class);
        private static final Field<Long> N = field(name("n"), Long.class);
        private static final Field<Long> UP_TO = field(name("up_to"), Long.class);
        private static final Field<Long> BEFORE = field(name("before"), Long.class);
        private static final String[] LEVELS = {"wide", "middle", "narrow"};

        private final boolean descending;

        CountedOffset(boolean descending) {
            this.descending = descending;
        }

        /**
         * For each width, widest first: its ranges (inside the range found at the width before), each with its count
         * and the running count up to its end, in the page's order; then the first where the running count passes
         * the offset, and how many heroes come before it.
         */
        List<CommonTableExpression<?>> ranges() {
            var counts = HERO_COUNT;
            List<CommonTableExpression<?>> ranges = new ArrayList<>();
            for (int level = 0; level < SHIFTS.length; level++) {
                Field<BigDecimal> runningCount = sum(sum(counts.N)).over(orderBy(inOrder(counts.BUCKET)));
                Condition width = counts.SHIFT.eq(inline(SHIFTS[level]));
                Select<?> counted;
                if (level == 0) {
                    counted = select(counts.BUCKET.as(BUCKET), sum(counts.N).as(N), runningCount.as(UP_TO))
                            .from(counts).where(width).groupBy(counts.BUCKET);
                } else {
                    // inside the range found at the width before: read from it as single values, so that these
                    // rows are one range of hero_count's key and come grouped in its order
                    Table<?> outer = DSL.table(name(LEVELS[level - 1] + "_start"));
                    int inside = SHIFTS[level - 1] - SHIFTS[level];
                    Field<Long> first = select(BUCKET.shl(inline(inside))).from(outer).asField();
                    Field<Long> past = select(BUCKET.plus(inline(1L)).shl(inline(inside))).from(outer).asField();
                    Field<Long> before = select(BEFORE).from(outer).asField();
                    counted = select(counts.BUCKET.as(BUCKET), sum(counts.N).as(N), runningCount.plus(before).as(UP_TO))
                            .from(counts).where(width).and(counts.BUCKET.ge(first)).and(counts.BUCKET.lt(past))
                            .groupBy(counts.BUCKET);
                }
                Name ranged = name(LEVELS[level]);
                ranges.add(ranged.as(counted));
                ranges.add(name(LEVELS[level] + "_start").as(select(BUCKET, UP_TO.minus(N).as(BEFORE))
                        .from(DSL.table(ranged)).where(UP_TO.gt(OFFSET)).orderBy(inOrder(BUCKET)).limit(inline(1))));
            }
            return ranges;
        }

        /** From the start of the narrow range (its lowest id, or its highest when descending), past the skipped heroes. */
        Select<?> page() {
            Table<?> start = DSL.table(name(LEVELS[LEVELS.length - 1] + "_start"));
            int shift = SHIFTS[SHIFTS.length - 1];
            Condition inRange = descending
                    ? ID.lt(select(BUCKET.plus(inline(1L)).shl(inline(shift))).from(start).<Long>asField())
                    : ID.ge(select(BUCKET.shl(inline(shift))).from(start).<Long>asField());
            // past the last hero there is no such range: no id qualifies, and the offset must still be a number
            Field<Long> skip = coalesce(select(OFFSET.minus(BEFORE)).from(start).<Long>asField(), inline(0L));
            return select(HERO.fields()).from(HERO).where(inRange).orderBy(descending ? ID.desc() : ID.asc()).limit(FETCH).offset(skip);
        }

        private <T> SortField<T> inOrder(Field<T> field) {
            return descending ? field.desc() : field.asc();
        }
    }
}
