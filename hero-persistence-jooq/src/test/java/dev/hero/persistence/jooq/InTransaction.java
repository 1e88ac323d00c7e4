package dev.hero.persistence.jooq;

import org.jooq.DSLContext;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.function.Function;

/** A store over one transaction already open: lets a test run {@link JooqHeroes} inside a write of its own. */
record InTransaction(DSLContext sql) implements Store {

    @Override
    public <T> T read(Function<DSLContext, T> query) {
        return query.apply(sql);
    }

    @Override
    public <T> T query(String text, Parameters parameters, Rows<T> read) {
        return sql.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(text)) {
                parameters.bind(statement);
                try (ResultSet rows = statement.executeQuery()) {
                    return read.from(rows);
                }
            }
        });
    }

    @Override
    public <T> T writeQuery(String text, Parameters parameters, Rows<T> read) {
        return query(text, parameters, read);
    }

    @Override
    public <T> T write(Function<DSLContext, T> statements) {
        return statements.apply(sql);
    }

    @Override
    public boolean isReachable(Duration timeout) {
        return true;
    }

    @Override
    public String describe() {
        return "one transaction";
    }

    @Override
    public void close() {
    }
}
