package dev.hero.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The packaged jar started the wrong way, as a new user would: each failed start is one line naming the cause and the
 * fix (the port, the path, the key and what it may be), no stack trace, and exit status 1, so an orchestrator sees it.
 */
class FailedStartIT {

    @TempDir
    Path directory;

    @Test
    void givenThePortIsInUse_whenStarted_thenOneLineNamesThePortAndTheKeyAndTheExitIsNotZero() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertFailsWithOneLine(Map.of("SERVER_PORT", String.valueOf(port)),
                    "Cannot listen on 127.0.0.1:" + port + " (Address already in use)", "server.port (SERVER_PORT) to a free port");
        }
    }

    @Test
    void givenAPortThatIsNoNumber_whenStarted_thenOneLineNamesTheKeyAndItsAllowedValues() throws Exception {
        assertFailsWithOneLine(Map.of("SERVER_PORT", "abc"),
                "server.port (SERVER_PORT) must be a port number from 0 to 65535 (0 picks a free one), not 'abc'");
    }

    @Test
    void givenADatabaseFileInAFolderThatDoesNotExist_whenStarted_thenOneLineNamesTheFolderAndTheKey() throws Exception {
        Path file = directory.resolve("missing").resolve("heroes.db");

        assertFailsWithOneLine(Map.of("HERO_DB_URL", "jdbc:sqlite:" + file),
                "The database of hero.db.url (HERO_DB_URL): Cannot open the SQLite database " + file + ": its folder "
                        + file.getParent() + " does not exist; create it, or give a file in a folder that exists");
    }

    /** As root every folder is writable, so the process then runs as the user nobody (setpriv, from util-linux). */
    @Test
    void givenADatabaseFileInAReadOnlyFolder_whenStarted_thenOneLineNamesTheFolderAndTheFix() throws Exception {
        List<String> asUnprivileged = List.of();
        if ("root".equals(System.getProperty("user.name"))) {
            assumeThat(Path.of("/usr/bin/setpriv")).as("setpriv, to run the jar as a user without root's rights").exists();
            asUnprivileged = List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups");
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path readOnly = Files.createDirectory(directory.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path file = readOnly.resolve("heroes.db");

        try (HeroProcess hero = HeroProcess.start(asUnprivileged, Map.of("HERO_DB_URL", "jdbc:sqlite:" + file), directory)) {
            assertOneLineAndExitOne(hero, "Cannot open the SQLite database " + file + ": its folder " + readOnly
                    + " is read-only", "make it writable for the user running Hero", "hero.db.url (HERO_DB_URL)");
        }
    }

    @Test
    void givenAJdbcUrlOfAnotherDatabase_whenStarted_thenOneLineNamesTheKeyAndTheUrlsThatWork() throws Exception {
        assertFailsWithOneLine(Map.of("HERO_DB_URL", "jdbc:mysql://db.example/heroes?user=root&password=hunter2"),
                "The database of hero.db.url (HERO_DB_URL): Hero cannot use the database jdbc:mysql://db.example/heroes?user=***&password=***: "
                        + "give jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DATABASE");
    }

    @Test
    void givenAPostgresqlServerThatDoesNotAnswer_whenStarted_thenOneLineNamesTheServerAndTheKey() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertFailsWithOneLine(Map.of("HERO_DB_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/test?user=postgres"),
                "The database of hero.db.url (HERO_DB_URL): Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:"
                        + closedPort + "/test?user=***: Connection to 127.0.0.1:" + closedPort + " refused");
    }

    @Test
    void givenAConfigurationFileThatDoesNotExist_whenStarted_thenOneLineNamesTheFileAndTheKey() throws Exception {
        Path file = directory.resolve("hero.yaml");

        assertFailsWithOneLine(Map.of("HERO_CONFIG", file.toString()),
                "hero.config (HERO_CONFIG) names " + file + ", which is not a readable file");
    }

    private void assertFailsWithOneLine(Map<String, String> environment, String... expected) throws Exception {
        try (HeroProcess hero = HeroProcess.start(environment, directory)) {
            assertOneLineAndExitOne(hero, expected);
        }
    }

    private static void assertOneLineAndExitOne(HeroProcess hero, String... expected) throws Exception {
        int exit = hero.awaitExit();
        String output = hero.output();
        assertThat(exit).as("exit status; output:%n%s", output).isEqualTo(1);
        assertThat(output.lines().filter(line -> !line.isBlank()))
                .as("one line, no stack trace, no noise")
                .singleElement().asString()
                .contains("SEVERE dev.hero.app.Main - Hero could not start: ")
                .contains(expected)
                .doesNotContain("Exception").doesNotContain("hunter2");
    }
}
