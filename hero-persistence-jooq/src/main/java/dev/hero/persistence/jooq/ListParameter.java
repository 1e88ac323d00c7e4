package dev.hero.persistence.jooq;

import dev.hero.domain.model.HeroQuery;
import org.jooq.Param;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A value a list statement binds, taken from the query: the statements are rendered once with these as named
 * parameters ({@link ListSql}), and each run binds them in the order they appear in the text.
 */
enum ListParameter {

    NAME(String.class) {
        @Override
        void bind(PreparedStatement statement, int index, HeroQuery query) throws SQLException {
            statement.setString(index, query.name());
        }
    },
    MIN_AGE(Integer.class) {
        @Override
        void bind(PreparedStatement statement, int index, HeroQuery query) throws SQLException {
            statement.setInt(index, query.minAge());
        }
    },
    MAX_AGE(Integer.class) {
        @Override
        void bind(PreparedStatement statement, int index, HeroQuery query) throws SQLException {
            statement.setInt(index, query.maxAge());
        }
    },
    AFTER_ID(Long.class) {
        @Override
        void bind(PreparedStatement statement, int index, HeroQuery query) throws SQLException {
            statement.setLong(index, query.after().id());
        }
    },
    AFTER_NAME(String.class) {
        @Override
        void bind(PreparedStatement statement, int index, HeroQuery query) throws SQLException {
            statement.setString(index, query.after().name());
        }
    },
    AFTER_AGE(Integer.class) {
        @Override
        void bind(PreparedStatement statement, int index, HeroQuery query) throws SQLException {
            statement.setInt(index, query.after().age());
        }
    },
    /** How many matching heroes to skip. */
    OFFSET(Long.class) {
        @Override
        void bind(PreparedStatement statement, int index, HeroQuery query) throws SQLException {
            statement.setLong(index, query.offset());
        }
    },
    /** How many heroes to fetch: one more than the limit tells whether a next page exists ({@code HeroPage.of}). */
    FETCH(Long.class) {
        @Override
        void bind(PreparedStatement statement, int index, HeroQuery query) throws SQLException {
            statement.setLong(index, fetch(query));
        }
    },
    /** How far each part of a page by offset may need to read: the offset and the fetch, at most {@code Long.MAX_VALUE}. */
    REACH(Long.class) {
        @Override
        void bind(PreparedStatement statement, int index, HeroQuery query) throws SQLException {
            long reach = query.offset() + fetch(query);
            statement.setLong(index, reach < 0 ? Long.MAX_VALUE : reach);
        }
    };

    private final Param<?> param;

    ListParameter(Class<?> type) {
        this.param = DSL.param(name(), type);
    }

    @SuppressWarnings("unchecked")
    <T> Param<T> param() {
        return (Param<T>) param;
    }

    abstract void bind(PreparedStatement statement, int index, HeroQuery query) throws SQLException;

    private static long fetch(HeroQuery query) {
        return query.limit() == 0 ? 0 : query.limit() + 1L;
    }
}
