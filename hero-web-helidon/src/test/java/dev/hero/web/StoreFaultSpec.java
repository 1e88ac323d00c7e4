package dev.hero.web;

import dev.hero.domain.model.Creation;
import dev.hero.domain.model.Hero;
import dev.hero.domain.model.IdempotencyKey;
import dev.hero.domain.model.HeroChanges;
import dev.hero.domain.model.NewHero;
import dev.hero.domain.model.Precondition;
import dev.hero.domain.model.HeroPage;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.rules.InvalidInputException;
import dev.hero.domain.rules.ValueKind;
import dev.hero.domain.rules.Violation;
import dev.hero.domain.rules.ViolationCode;
import dev.hero.domain.port.in.HeroUseCases;
import dev.hero.domain.port.out.HeroesUnavailableException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.LogRecord;

import static dev.hero.web.Answer.detail;
import static dev.hero.web.Answer.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the use cases behind the routes fail: a fault is a 500 whose details only the log sees, an unavailable
 * store a 503 with Retry-After.
 */
interface StoreFaultSpec extends HeroApiSpec {

    @Test
    default void givenAFaultInTheStore_whenList_thenInternalServerErrorWithTheDetailsOnlyInTheLog() {
        HEROES.use(new FailingHeroes(() -> new IllegalStateException("connection to db-7 refused, password=hunter2")));
        List<LogRecord> logged = new ArrayList<>();

        Answer failed = whileCapturingLog(logged, () -> get("/heroes/"));

        assertError(failed, 500, detail("Internal Server Error"));
        assertThat(failed.body()).doesNotContain("hunter2").doesNotContain("IllegalStateException").doesNotContain("at dev.");
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getThrown()).hasMessageContaining("db-7");
            assertThat(record.getMessage()).contains("GET /heroes/");
        });
    }

    @Test
    default void givenTheStoreIsUnavailable_whenAnyOperation_thenServiceUnavailableWithRetryAfterAndNoInternals() {
        HEROES.use(new FailingHeroes(() -> new HeroesUnavailableException("The database is unavailable: db-7 refused, password=hunter2", null)));
        List<Supplier<Answer>> requests = List.of(() -> get("/heroes/"), () -> get("/heroes/1"), () -> delete("/heroes/1"),
                () -> post("/heroes/", "{\"name\":\"Deadpond\",\"secret_name\":\"Dive Wilson\"}"),
                () -> patch("/heroes/1", "{\"age\":3}"));

        for (Supplier<Answer> request : requests) {
            // captured, not printed: the stub's message looks like a leaked credential on the test console
            List<LogRecord> logged = new ArrayList<>();
            Answer answer = whileCapturingLog(logged, request);

            assertError(answer, 503, detail("Service Unavailable"));
            assertThat(answer.retryAfter()).as("Retry-After of %s", answer).isEqualTo("1");
            assertThat(answer.body()).doesNotContain("hunter2").doesNotContain("db-7");
            assertThat(logged).as("one warning line, no stack trace").singleElement().satisfies(record -> {
                assertThat(record.getMessage()).contains("answered 503");
                assertThat(record.getThrown()).isNull();
            });
        }
    }

    @Test
    default void givenAWriteWhoseCommitWasCutOff_whenCreate_thenServiceUnavailableSayingTheOutcomeIsUnknown() {
        HEROES.use(new FailingHeroes(() -> HeroesUnavailableException.outcomeUnknown("commit cut off on db-7", null)));
        List<LogRecord> logged = new ArrayList<>();

        Answer answer = whileCapturingLog(logged, () -> post("/heroes/", "{\"name\":\"Deadpond\",\"secret_name\":\"Dive Wilson\"}"));

        assertError(answer, 503, detail("Service Unavailable: the write may or may not have been made; read before repeating a create"));
        assertThat(answer.retryAfter()).isEqualTo("1");
        assertThat(answer.body()).doesNotContain("db-7");
        assertThat(logged).singleElement().satisfies(record -> {
            assertThat(record.getThrown()).isNull();
            assertThat(record.getMessage()).contains("POST /heroes/", "answered 503", "commit cut off");
        });
    }

    @Test
    default void givenAnErrorNotAnException_whenRead_thenStillAJsonInternalServerErrorAndALogLine() {
        HEROES.use(new FailingHeroes(() -> new NoClassDefFoundError("com/example/Missing")));
        List<LogRecord> logged = new ArrayList<>();

        Answer failed = whileCapturingLog(logged, () -> get("/heroes/1"));

        assertError(failed, 500, detail("Internal Server Error"));
        assertThat(failed.body()).doesNotContain("Missing");
        assertThat(logged).singleElement().satisfies(record -> assertThat(record.getThrown()).isInstanceOf(NoClassDefFoundError.class));
    }

    @Test
    default void givenUseCasesThatRejectACommandThemselves_whenList_thenUnprocessableWithTheirViolationsInTheQuery() {
        // a store may validate too (a smaller page, say); its violations are located like the web adapter's own
        HEROES.use(new FailingHeroes(() -> new InvalidInputException(HeroQuery.class,
                List.of(Violation.of("limit", ViolationCode.TOO_LARGE, ValueKind.NUMBER, 50)))));

        assertUnprocessable(get("/heroes/", "limit", "60"),
                problem("less_than_equal", "Input should be less than or equal to 50", "query", "limit"));
    }

    /** Use cases that fail every call with the given exception, as a broken store would. */
    record FailingHeroes(Supplier<? extends Throwable> failure) implements HeroUseCases {

        private RuntimeException fail() {
            Throwable thrown = failure.get();
            if (thrown instanceof Error error) {
                throw error;
            }
            return (RuntimeException) thrown;
        }

        @Override
        public Hero create(NewHero hero) {
            throw fail();
        }

        @Override
        public Creation create(NewHero hero, IdempotencyKey key) {
            throw fail();
        }

        @Override
        public HeroPage list(HeroQuery query) {
            throw fail();
        }

        @Override
        public Hero get(long id) {
            throw fail();
        }

        @Override
        public Hero update(long id, HeroChanges changes, Precondition precondition) {
            throw fail();
        }

        @Override
        public void delete(long id, Precondition precondition) {
            throw fail();
        }
    }
}
