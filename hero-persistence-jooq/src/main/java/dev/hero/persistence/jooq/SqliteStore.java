package dev.hero.persistence.jooq;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Function;

/**
 * SQLite configured for a server: WAL, {@code synchronous=FULL}, one writer thread with group commit,
 * a small pool of read-only connections beside it.
 *
 * <p>WAL lets readers run while the writer writes, each read seeing the last commit before it began.
 * {@code synchronous=FULL} makes every commit durable, on power loss too, before the writer answers.
 */
final class SqliteStore implements Store {

    private final String url;
    private final Gate gate = new Gate("SQLite");
    private final GroupCommitWriter writer;
    private final HikariDataSource readers;
    private final DSLContext readSql;
    private final StatementCache statements = new StatementCache();

    private SqliteStore(String url, GroupCommitWriter writer, HikariDataSource readers, Settings settings) {
        this.url = url;
        this.writer = writer;
        this.readers = readers;
        this.readSql = DSL.using(readers, SQLDialect.SQLITE, settings);
    }

    /** Migrates the database file (creating it if needed), then opens the writer and the readers. */
    static SqliteStore open(DatabaseSettings settings, Settings jooqSettings, int maxBatch) {
        String url = settings.url();
        if (JdbcUrls.isSqliteInMemory(url)) {
            throw new IllegalArgumentException("In-memory SQLite (" + JdbcUrls.redact(url) + ") cannot be shared by Hero's connections; "
                    + "give a file, such as " + DatabaseSettings.DEFAULT_URL);
        }
        Connection writeConnection;
        try {
            Migrations.apply(dataSource(url, migrationConfig()), Migrations.SQLITE);
            writeConnection = openWriteConnection(url, settings.timeout());
        } catch (RuntimeException e) {
            throw explained(url, e);
        }
        DatabaseFile file;
        try {
            file = DatabaseFile.opened(mainFile(writeConnection));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(writeConnection);
            throw new IllegalStateException("Could not find the file of the SQLite database " + JdbcUrls.redact(url) + ": " + e.getMessage(), e);
        }
        GroupCommitWriter writer = new GroupCommitWriter(writeConnection, DSL.using(writeConnection, SQLDialect.SQLITE, jooqSettings),
                maxBatch, settings.timeout(), file);
        try {
            return new SqliteStore(url, writer, openReaders(url, settings.poolSize(), settings.timeout()), jooqSettings);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
    }

    @Override
    public <T> T read(Function<DSLContext, T> query) {
        return gate.pass(() -> query.apply(readSql));
    }

    /** On a reader, with the statement that connection prepared the first time it ran this text. */
    @Override
    public <T> T query(String sql, Parameters parameters, Rows<T> read) {
        return gate.pass(() -> {
            try (Connection connection = readers.getConnection()) {
                return statements.run(connection.unwrap(SQLiteConnection.class), sql, parameters, read);
            } catch (SQLException e) {
                throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
            }
        });
    }

    @Override
    public <T> T write(Function<DSLContext, T> statements) {
        return gate.pass(() -> writer.write(statements));
    }

    /** On the write connection, with the statement it prepared the first time it ran this text. */
    @Override
    public <T> T writeQuery(String sql, Parameters parameters, Rows<T> read) {
        return write(dsl -> dsl.connectionResult(connection -> statements.run(connection, sql, parameters, read)));
    }

    /** Reads can be served, and so can writes: the last commit succeeded, or a probe write does now. */
    @Override
    public boolean isReachable(Duration timeout) {
        return !gate.isClosed() && writer.isWritable() && Readiness.answersWithin(readers, timeout);
    }

    @Override
    public String describe() {
        return "SQLite " + JdbcUrls.redact(url) + " (WAL, synchronous=FULL, 1 writer with group commit, "
                + readers.getMaximumPoolSize() + " readers)";
    }

    /**
     * Reads and writes in flight finish first, every submitted write is committed, and the write
     * connection closes last: the last connection to close checkpoints the WAL into the database file
     * and deletes it, so after a clean stop the {@code .db} file alone holds everything.
     */
    @Override
    public void close() {
        gate.close(CLOSE_PATIENCE);
        try (writer; readers) {
            writer.stopAfterPendingWrites();
        }
    }

    GroupCommitWriter writer() {
        return writer;
    }

    StatementCache statements() {
        return statements;
    }

    /** The path SQLite opened for the main database, as it reports it. */
    private static Path mainFile(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet databases = statement.executeQuery("PRAGMA database_list")) {
            while (databases.next()) {
                if ("main".equals(databases.getString("name"))) {
                    return Path.of(databases.getString("file"));
                }
            }
        }
        throw new SQLException("SQLite reports no main database file");
    }

    private static Connection openWriteConnection(String url, Duration timeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(busyTimeout(timeout));
        config.enforceForeignKeys(true);
        Connection connection = null;
        try {
            connection = dataSource(url, config).getConnection();
            requireWal(connection, url);
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DataAccessException("Could not open the SQLite database " + JdbcUrls.redact(url) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /**
     * The failure to open or create the file, in words a user can act on where the cause is the file or its folder
     * (SQLite itself says only "unable to open database file", without the path); else the failure as it is.
     */
    private static RuntimeException explained(String url, RuntimeException failure) {
        Path file;
        try {
            file = JdbcUrls.sqliteFile(url).toAbsolutePath();
        } catch (InvalidPathException e) {
            return failure;
        }
        Path folder = file.getParent();
        String problem;
        if (folder != null && !Files.isDirectory(folder)) {
            problem = "its folder " + folder + " does not exist; create it, or give a file in a folder that exists";
        } else if (Files.isDirectory(file)) {
            problem = "that is a folder; give a file, such as " + file.resolve("database.db");
        } else if (Files.exists(file) && !Files.isWritable(file)) {
            problem = "the file is read-only; make it writable for the user running Hero";
        } else if (folder != null && !Files.isWritable(folder)) {
            problem = "its folder " + folder + " is read-only (SQLite writes the file and its -wal and -shm files there); "
                    + "make it writable for the user running Hero, or give a file in a folder that is";
        } else {
            return failure;
        }
        return new IllegalStateException("Cannot open the SQLite database " + file + ": " + problem, failure);
    }

    /**
     * SQLite keeps its old journal mode, without an error, where WAL is impossible (some network file
     * systems). Readers would then wait for the writer and could fail with "database is locked".
     */
    private static void requireWal(Connection connection, String url) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
            String journalMode = mode.next() ? mode.getString(1) : "unknown";
            if (!"wal".equalsIgnoreCase(journalMode)) {
                throw new IllegalStateException("SQLite could not put " + JdbcUrls.redact(url) + " in WAL mode (it is in "
                        + journalMode + " mode); Hero needs WAL so that reads never wait for writes. "
                        + "Put the database file on a local file system.");
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Already failing with the first error.
        }
    }

    /**
     * Read-only connections in HikariCP: it is on the class path for PostgreSQL anyway, and it gives a
     * bounded wait for a free connection, checks connections before handing them out and closes them
     * cleanly; a home-made pool would have to get all of that right again.
     */
    private static HikariDataSource openReaders(String url, int size, Duration timeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(busyTimeout(timeout));
        config.enforceForeignKeys(true);
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("hero-sqlite-readers");
        pool.setDataSource(dataSource(url, config));
        // HikariCP sets the flag on every connection; sqlite-jdbc only accepts the one it was opened with.
        pool.setReadOnly(true);
        pool.setMaximumPoolSize(size);
        pool.setConnectionTimeout(timeout.toMillis());
        pool.setValidationTimeout(Readiness.validationTimeout(timeout).toMillis());
        return new HikariDataSource(pool);
    }

    private static SQLiteConfig migrationConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) DatabaseSettings.DEFAULT_TIMEOUT.toMillis());
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        return config;
    }

    /** How long a connection waits for SQLite's own locks (a checkpoint, another process) before failing as busy. */
    private static int busyTimeout(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    private static SQLiteDataSource dataSource(String url, SQLiteConfig config) {
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        return dataSource;
    }
}
