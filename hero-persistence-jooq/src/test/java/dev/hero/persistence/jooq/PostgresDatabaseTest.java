package dev.hero.persistence.jooq;

import dev.hero.domain.model.Hero;
import dev.hero.domain.port.out.HeroesUnavailableException;
import dev.hero.persistence.jooq.testing.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;

import static dev.hero.domain.testkit.HeroBuilder.aHero;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an operator of Hero on PostgreSQL notices: readiness, several instances, credentials kept out of sight. */
class PostgresDatabaseTest {

    private String url;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void freshSchema() {
        url = PostgresTestDatabase.freshSchemaUrl();
    }

    @AfterEach
    void dropSchema() throws Exception {
        try {
            for (AutoCloseable closeable : opened.reversed()) {
                closeable.close();
            }
        } finally {
            PostgresTestDatabase.dropSchema(url);
        }
    }

    @Test
    void givenALiveDatabase_whenCheckedForReadiness_thenItIsReachable() {
        HeroDatabase database = open(url);

        assertThat(database.isReachable(Duration.ofSeconds(2))).isTrue();
    }

    @Test
    @SuppressWarnings("try") // the capture only keeps HikariCP's expected warnings off the console
    void givenTheDatabaseGoesAway_whenCheckedForReadiness_thenNotReachableQuicklyAndReachableAgainOnceItIsBack() throws Exception {
        URI server = URI.create(url.substring("jdbc:".length()));
        TcpProxy proxy = TcpProxy.to(server.getHost(), server.getPort());
        opened.add(proxy);
        HeroDatabase database = open(url.replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port()));
        assertThat(database.isReachable(Duration.ofSeconds(2))).isTrue();

        boolean reachableWhileDown;
        Duration took;
        try (LogCapture expectedWarnings = LogCapture.silencingTheConsole()) {
            proxy.cut();
            long started = System.nanoTime();
            reachableWhileDown = database.isReachable(Duration.ofMillis(500));
            took = Duration.ofNanos(System.nanoTime() - started);
            proxy.restore();
            assertThat(eventuallyReachable(database, Duration.ofSeconds(20))).isTrue();
        }

        assertThat(reachableWhileDown).isFalse();
        assertThat(took).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    @SuppressWarnings("try") // the capture only keeps HikariCP's expected warnings off the console
    void givenTheDatabaseGoesAway_whenHeroesAreReadOrWritten_thenTheCallsSayUnavailableAndWorkAgainOnceItIsBack() throws Exception {
        URI server = URI.create(url.substring("jdbc:".length()));
        TcpProxy proxy = TcpProxy.to(server.getHost(), server.getPort());
        opened.add(proxy);
        HeroDatabase database = open(url.replace(server.getHost() + ":" + server.getPort(), "127.0.0.1:" + proxy.port()));
        Hero kept = database.heroes().add(aHero().named("Kept").build());

        try (LogCapture expectedWarnings = LogCapture.silencingTheConsole()) {
            proxy.cut();
            assertThatThrownBy(() -> database.heroes().findById(kept.id())).isInstanceOf(HeroesUnavailableException.class);
            assertThatThrownBy(() -> database.heroes().add(aHero().build())).isInstanceOf(HeroesUnavailableException.class);
            proxy.restore();
            assertThat(eventuallyReachable(database, Duration.ofSeconds(20))).isTrue();
        }

        assertThat(database.heroes().findById(kept.id())).contains(kept);
    }

    @Test
    void givenAClosedDatabase_whenHeroesAreRead_thenTheCallSaysUnavailable() {
        HeroDatabase database = HeroDatabase.open(DatabaseSettings.of(url));
        database.close();

        assertThatThrownBy(() -> database.heroes().findById(1)).isInstanceOf(HeroesUnavailableException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void givenAUrlToAClosedPort_whenOpened_thenItFailsFastWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();

        assertThatThrownBy(() -> open("jdbc:postgresql://127.0.0.1:" + closedPort + "/test?user=postgres&password=hunter2"))
                .hasMessageStartingWith("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:" + closedPort + "/test?")
                .hasMessageContaining("Connection to 127.0.0.1:" + closedPort + " refused")
                .hasMessageNotContaining("hunter2");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void givenCredentials_whenOpenedAndDescribed_thenNeitherTheDescriptionNorTheLogShowsThem() {
        String urlWithPassword = url + "&password=url-password-4711";
        List<LogCapture.Line> logLines;
        HeroDatabase database;
        try (LogCapture logs = new LogCapture()) {
            database = HeroDatabase.open(new DatabaseSettings(urlWithPassword, "postgres", "settings-password-4711", 3));
            opened.add(database);
            database.heroes().add(aHero().withSecretName("secret-name-4711").build());
            logLines = logs.lines();
        }

        assertThat(database.describe())
                .startsWith("PostgreSQL jdbc:postgresql://")
                .contains("password=***", "user=***", "pool of 3 connections")
                .doesNotContain("4711");
        assertThat(logLines).as("every line at INFO or above").isNotEmpty()
                .filteredOn(line -> line.isAtLeast(Level.INFO)).noneMatch(line -> line.text().contains("4711"));
        assertThat(logLines).as("every line at every level (the PostgreSQL driver's own trace aside)")
                .filteredOn(line -> !line.logger().startsWith("org.postgresql"))
                .noneMatch(line -> line.text().contains("4711"));
        assertThat(logLines).as("the password given beside the URL, at every level")
                .noneMatch(line -> line.text().contains("settings-password-4711"));
    }

    @Test
    void givenTwoInstancesStartingAtOnce_whenBothMigrate_thenBothStartAndShareTheHeroes() throws Exception {
        List<HeroDatabase> instances = new ArrayList<>();
        try (ExecutorService starts = Executors.newFixedThreadPool(2)) {
            Callable<HeroDatabase> start = () -> HeroDatabase.open(DatabaseSettings.of(url));
            List<Future<HeroDatabase>> started = starts.invokeAll(List.of(start, start));
            for (Future<HeroDatabase> instance : started) {
                instances.add(instance.get());
                opened.add(instance.get());
            }
        }

        Hero written = instances.get(0).heroes().add(aHero().build());

        assertThat(instances.get(1).heroes().findById(written.id())).contains(written);
    }

    @Test
    void givenATransactionInFlight_whenTheDatabaseCloses_thenTheTransactionCommitsFirst() throws Exception {
        HeroDatabase database = HeroDatabase.open(DatabaseSettings.of(url));
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Hero> slowWrite = CompletableFuture.supplyAsync(() -> database.store().write(sql -> {
            started.countDown();
            Hero hero = new JooqHeroes(new InTransaction(sql)).add(aHero().named("Slow").build());
            sql.execute("SELECT pg_sleep(0.5)");
            return hero;
        }));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        database.close();

        Hero written = slowWrite.get(10, TimeUnit.SECONDS);
        assertThat(open(url).heroes().findById(written.id())).contains(written);
    }

    private HeroDatabase open(String databaseUrl) {
        HeroDatabase database = HeroDatabase.open(DatabaseSettings.of(databaseUrl));
        opened.add(database);
        return database;
    }

    private static boolean eventuallyReachable(HeroDatabase database, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (database.isReachable(Duration.ofSeconds(2))) {
                return true;
            }
        }
        return false;
    }
}
