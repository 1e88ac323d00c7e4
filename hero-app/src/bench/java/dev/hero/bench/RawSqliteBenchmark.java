package dev.hero.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The raw sqlite-jdbc limit Hero is measured against (hero-app/bench/run.sh --limits, docs/performance.md):
 * one connection, the hero table and indexes of Hero's SQLite migration, WAL and {@code synchronous=FULL}
 * like Hero's writer. {@link #insert} commits one row per transaction (no group commit), {@link #selectById}
 * reads one row by primary key with a prepared statement, among 1000 rows.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@Threads(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
public class RawSqliteBenchmark {

    private static final int ROWS = 1000;

    private Path dir;
    private Connection connection;
    private PreparedStatement insert;
    private PreparedStatement select;
    private long counter;

    @Setup(Level.Trial)
    public void open() throws IOException, SQLException {
        dir = Files.createTempDirectory("hero-jmh-");
        connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bench.db"));
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA journal_mode=WAL");
            statement.execute("PRAGMA synchronous=FULL");
            statement.execute("PRAGMA foreign_keys=ON");
            statement.execute("CREATE TABLE hero (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, "
                    + "age INTEGER NULL, secret_name TEXT NOT NULL)");
            statement.execute("CREATE INDEX ix_hero_name ON hero (name)");
            statement.execute("CREATE INDEX ix_hero_age ON hero (age)");
        }
        insert = connection.prepareStatement("INSERT INTO hero (name, age, secret_name) VALUES (?, ?, ?) RETURNING id");
        select = connection.prepareStatement("SELECT id, name, age FROM hero WHERE id = ?");
        connection.setAutoCommit(false);
        for (int i = 0; i < ROWS; i++) {
            insertOne();
        }
        connection.commit();
    }

    @TearDown(Level.Trial)
    public void close() throws IOException, SQLException {
        connection.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    /** One row, one transaction, one fsync-backed commit. */
    @Benchmark
    public long insert() throws SQLException {
        long id = insertOne();
        connection.commit();
        return id;
    }

    @Benchmark
    public String selectById() throws SQLException {
        select.setLong(1, ThreadLocalRandom.current().nextLong(1, ROWS + 1));
        try (ResultSet row = select.executeQuery()) {
            return row.next() ? row.getString(2) : null;
        }
    }

    private long insertOne() throws SQLException {
        long n = counter++;
        insert.setString(1, "Bench " + n);
        insert.setInt(2, (int) (n % 120));
        insert.setString(3, "Secret " + n);
        try (ResultSet key = insert.executeQuery()) {
            key.next();
            return key.getLong(1);
        }
    }
}
