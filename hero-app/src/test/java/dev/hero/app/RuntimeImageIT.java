package dev.hero.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime image as a supervisor runs it: {@code hero-app/target/hero/bin/hero} started from an empty directory
 * with no {@code java} on the {@code PATH} (only the two tools the launcher uses), configured through the
 * environment. Runs every test of {@link MainJarIT} on the launcher (create/read/restart, SIGTERM drains a request in
 * flight and the process exits as the jar does, the self-description), and checks the configuration keys.
 */
class RuntimeImageIT extends MainJarIT {

    @TempDir
    Path toolDirectory;

    @TempDir
    Path elsewhere;

    /** A PATH with the launcher's tools (readlink, dirname) and nothing else: no java, no JAVA_HOME. */
    @BeforeEach
    void pathWithoutJava() throws Exception {
        for (String tool : new String[] {"readlink", "dirname"}) {
            Path found = Path.of("/usr/bin", tool);
            Files.createSymbolicLink(toolDirectory.resolve(tool), Files.isExecutable(found) ? found : Path.of("/bin", tool));
        }
        assertThat(toolDirectory.resolve("java")).doesNotExist();
    }

    @Override
    HeroProcess start(Path workingDirectory) throws Exception {
        return HeroProcess.startImage(Map.of(), workingDirectory, toolDirectory);
    }

    @Test
    void givenServerPortAndDbUrlInTheEnvironment_whenTheImageStarts_thenItListensThereAndKeepsHeroesInThatFile() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        Path database = elsewhere.resolve("heroes.db");
        Map<String, String> environment = Map.of("SERVER_PORT", Integer.toString(port), "HERO_DB_URL", "jdbc:sqlite:" + database);
        try (HeroProcess hero = HeroProcess.startImage(environment, emptyDirectory, toolDirectory)) {
            String base = hero.awaitBaseUri();
            assertThat(base).isEqualTo("http://127.0.0.1:" + port);
            JsonNode created = json(send(base, "POST", "/heroes/", "{\"name\":\"Rusty-Man\",\"secret_name\":\"Tommy Sharp\",\"age\":48}"), 200);
            assertThat(json(send(base, "GET", "/heroes/" + created.get("id").asLong(), null), 200)).isEqualTo(created);
            assertThat(ProcessHandle.of(hero.pid()).flatMap(handle -> handle.info().command())).as("the process is the JVM")
                    .get().asString().endsWith("/bin/java").startsWith(HeroProcess.imageLauncher().getParent().toString());
            assertThat(hero.stop()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(hero.output()).contains("jdbc:sqlite:" + database).doesNotContain("Exception");
        }
        assertThat(database).exists();
        try (var files = Files.list(emptyDirectory)) {
            assertThat(files).as("nothing written in the working directory").isEmpty();
        }
    }

    /**
     * sqlite-jdbc copies its native library into the temporary directory at every start unless told where it lies
     * (a write per start, and a failed start where /tmp is full or mounted noexec); the image carries it in
     * {@code lib/sqlite} and loads it from there.
     */
    @Test
    void givenATemporaryDirectory_whenTheImageStartsAndServes_thenNothingIsWrittenThere() throws Exception {
        Path temporary = Files.createDirectory(elsewhere.resolve("tmp"));
        Map<String, String> environment = Map.of("JDK_JAVA_OPTIONS", "-Djava.io.tmpdir=" + temporary);
        try (HeroProcess hero = HeroProcess.startImage(environment, emptyDirectory, toolDirectory)) {
            String base = hero.awaitBaseUri();
            JsonNode created = json(send(base, "POST", "/heroes/", "{\"name\":\"Deadpond\",\"secret_name\":\"Dive Wilson\"}"), 200);
            assertThat(json(send(base, "GET", "/heroes/" + created.get("id").asLong(), null), 200)).isEqualTo(created);
            try (var files = Files.list(temporary)) {
                assertThat(files).as("files in java.io.tmpdir").isEmpty();
            }
            assertThat(hero.stop()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(hero.output()).doesNotContain("Exception");
        }
        assertThat(HeroProcess.imageLauncher().getParent().resolveSibling("lib/sqlite")).isDirectoryContaining("glob:**/libsqlitejdbc.*");
    }
}
