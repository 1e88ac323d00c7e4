package dev.hero.persistence.jooq;

import org.jooq.DSLContext;

import java.time.Duration;
import java.util.function.Function;

/** A store over one transaction already open: lets a test run {@link JooqHeroes} inside a write of its own. */
record InTransaction(DSLContext sql) implements Store {

    @Override
    public <T> T read(Function<DSLContext, T> query) {
        return query.apply(sql);
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
