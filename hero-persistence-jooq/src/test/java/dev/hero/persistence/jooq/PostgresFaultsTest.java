package dev.hero.persistence.jooq;

import dev.hero.domain.model.Hero;
import dev.hero.domain.model.HeroQuery;
import dev.hero.domain.port.out.HeroesUnavailableException;
import dev.hero.persistence.jooq.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static dev.hero.domain.testkit.HeroBuilder.aHero;
import static dev.hero.persistence.jooq.generated.Tables.HERO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * PostgreSQL going away under Hero, through a TCP relay the test cuts (the shared server stays up): every call
 * fails as unavailable within the timeout, begin, statements, commit and rollback together; a commit cut off says
 * its outcome is unknown; readiness follows; once the server is back everything works again and every
 * acknowledged write is there.
 */
class PostgresFaultsTest {

    private static final Duration TIMEOUT = Duration.ofMillis(1_500);

    private String url;
    private TcpProxy proxy;
    private HeroDatabase database;

    @BeforeEach
    void openThroughARelay() throws Exception {
        url = PostgresTestDatabase.freshSchemaUrl();
        URI server = URI.create(url.substring("jdbc:".length()));
        proxy = TcpProxy.to(server.getHost(), server.getPort());
        String relayed = url.replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port());
        database = HeroDatabase.open(new DatabaseSettings(relayed, "", "", 4, TIMEOUT));
    }

    @AfterEach
    void close() throws Exception {
        try {
            database.close();
            proxy.close();
        } finally {
            PostgresTestDatabase.dropSchema(url);
        }
    }

    @Test
    void givenTheServerGoesAway_whenReadingAndWriting_thenUnavailableWithinTheTimeoutNotReadyAndAllBackAfterwards() throws Exception {
        List<Hero> acknowledged = new ArrayList<>(List.of(database.heroes().add(aHero().named("Before").build())));

        List<Throwable> failures = new ArrayList<>();
        List<Duration> took = new ArrayList<>();
        boolean readyWhileDown;
        List<LogCapture.Line> lines;
        try (LogCapture log = LogCapture.silencingTheConsole()) {
            proxy.cut();
            for (Runnable call : List.<Runnable>of(
                    () -> database.heroes().add(aHero().named("While down").build()),
                    () -> database.heroes().delete(acknowledged.getFirst().id()),
                    () -> database.heroes().findById(acknowledged.getFirst().id()))) {
                long started = System.nanoTime();
                failures.add(catchThrowable(call::run));
                took.add(Duration.ofNanos(System.nanoTime() - started));
            }
            readyWhileDown = database.isReachable(Duration.ofMillis(500));
            lines = log.lines();
        }
        proxy.restore();

        assertThat(failures).allSatisfy(failure -> assertThat(failure).isInstanceOf(HeroesUnavailableException.class));
        assertThat(took).allSatisfy(duration -> assertThat(duration).isLessThan(TIMEOUT.plusMillis(700)));
        assertThat(readyWhileDown).isFalse();
        assertThat(lines).as("a trace at WARNING comes only from HikariCP's broken-connection warning, "
                        + "which hero-app's logging.properties turns off (Hero's own 503 line says it)")
                .filteredOn(line -> line.isAtLeast(Level.WARNING) && line.text().contains("Exception:"))
                .allSatisfy(line -> assertThat(line.logger()).isEqualTo("com.zaxxer.hikari.pool.ProxyConnection"));

        assertThat(eventually(() -> database.isReachable(Duration.ofSeconds(1)), Duration.ofSeconds(20))).isTrue();
        acknowledged.add(database.heroes().add(aHero().named("After").build()));
        assertThat(database.heroes().find(HeroQuery.page(0, 10)).heroes()).containsExactlyElementsOf(acknowledged);
    }

    @Test
    void givenTheConnectionIsCutAtCommit_whenWriting_thenUnavailableWithTheOutcomeUnknownWithinTheTimeout() throws Exception {
        Throwable failure;
        long started = System.nanoTime();
        try (LogCapture ignored = LogCapture.silencingTheConsole()) {
            failure = catchThrowable(() -> database.store().write(sql -> {
                sql.insertInto(HERO).set(HERO.NAME, "Cut").set(HERO.SECRET_NAME, "At commit").execute();
                proxy.cut(); // after the statement, before COMMIT
                return null;
            }));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        proxy.restore();

        assertThat(failure).isInstanceOf(HeroesUnavailableException.class)
                .hasMessageContaining("may or may not");
        assertThat(((HeroesUnavailableException) failure).isOutcomeUnknown()).isTrue();
        assertThat(took).isLessThan(TIMEOUT.plusMillis(700));
        assertThat(eventually(() -> database.isReachable(Duration.ofSeconds(1)), Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void givenAStatementFailsBeforeCommit_whenTheServerIsGone_thenUnavailableAndNotUnknown() throws Exception {
        Throwable failure;
        try (LogCapture ignored = LogCapture.silencingTheConsole()) {
            failure = catchThrowable(() -> database.store().write(sql -> {
                proxy.cut();
                return sql.insertInto(HERO).set(HERO.NAME, "Never").set(HERO.SECRET_NAME, "Sent").execute();
            }));
        }
        proxy.restore();

        assertThat(failure).isInstanceOf(HeroesUnavailableException.class);
        assertThat(((HeroesUnavailableException) failure).isOutcomeUnknown()).isFalse();
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }
}
