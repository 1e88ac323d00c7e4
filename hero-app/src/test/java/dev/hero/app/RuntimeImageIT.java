package dev.hero.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;

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

    /** A PATH with the launcher's one tool (readlink, for a launcher started through a link) and nothing else: no java, no JAVA_HOME. */
    @BeforeEach
    void pathWithoutJava() throws Exception {
        for (String tool : new String[] {"readlink"}) {
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

    @Test
    void givenTheBuiltImage_whenItsJarsAreListed_thenTheyAreExactlyTheOnesHeroAppsManifestNames() throws Exception {
        Path app = HeroProcess.imageLauncher().toAbsolutePath().getParent().getParent().resolve("app");
        String classPath;
        try (JarFile jar = new JarFile(app.resolve("hero-app.jar").toFile())) {
            classPath = jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        }
        List<String> named = new ArrayList<>(List.of(classPath.strip().split("\\s+")));
        List<String> present = new ArrayList<>();
        try (var files = Files.list(app.resolve("libs"))) {
            files.forEach(file -> present.add("libs/" + file.getFileName()));
        }

        assertThat(present).as("app/libs of the image (a jar of an earlier build left behind would show here)")
                .containsExactlyInAnyOrderElementsOf(named);
    }

    /**
     * docs/deployment.md tells people who bring their own JVM which options to pass to {@code java -jar} to run as the
     * image does: the options the image bakes in (jlink's --add-options, kept in its java.base module), all of them.
     */
    @Test
    void givenTheBuiltImage_whenItsBakedJvmOptionsAreRead_thenTheyAreTheOnesDeploymentMdGivesForJavaJar() throws Exception {
        Path home = HeroProcess.imageLauncher().toAbsolutePath().getParent().getParent();
        String baked;
        try (FileSystem image = FileSystems.newFileSystem(URI.create("jrt:/"), Map.of("java.home", home.toString()))) {
            baked = Files.readString(image.getPath("/modules/java.base/jdk/internal/vm/options")).strip();
        }
        Path deployment = Path.of(System.getProperty("maven.multiModuleProjectDirectory", ".."), "docs", "deployment.md");
        String java = "java ", jar = " -jar hero-app/target/hero-app.jar";
        List<String> documented = Files.readAllLines(deployment).stream().map(String::strip)
                .filter(line -> line.startsWith(java + "-XX:") && line.endsWith(jar))
                .map(line -> line.substring(java.length(), line.length() - jar.length()))
                .toList();

        assertThat(baked).as("the image's JVM options").startsWith("-XX:");
        assertThat(documented).as("docs/deployment.md's java -jar line with the image's options").containsExactly(baked);
    }

    @Test
    void givenALinkToTheLauncherInAnotherDirectory_whenTheImageStartsThroughIt_thenItFindsItsJvmAndJarsAndServes() throws Exception {
        Path bin = Files.createDirectories(elsewhere.resolve("usr/local/bin"));
        Path link = Files.createSymbolicLink(bin.resolve("hero"), HeroProcess.imageLauncher().toAbsolutePath());
        try (HeroProcess hero = HeroProcess.startImage(link, Map.of("HERO_DB_URL", "jdbc:sqlite:" + elsewhere.resolve("linked.db")),
                emptyDirectory, toolDirectory)) {
            String base = hero.awaitBaseUri();
            JsonNode created = json(send(base, "POST", "/heroes/", "{\"name\":\"Deadpond\",\"secret_name\":\"Dive Wilson\"}"), 200);
            assertThat(json(send(base, "GET", "/heroes/" + created.get("id").asLong(), null), 200)).isEqualTo(created);
            assertThat(ProcessHandle.of(hero.pid()).flatMap(handle -> handle.info().command())).as("the image's own JVM")
                    .get().asString().startsWith(HeroProcess.imageLauncher().toAbsolutePath().getParent().toRealPath().toString());
            assertThat(hero.stop()).as("exit code after SIGTERM").isIn(0, 143);
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

    /**
     * Each open connection holds heap even while its request is stalled; with the image's small heap a few thousand of
     * them ran it out of memory (OutOfMemoryError, the listener dead). Helidon now stops accepting past a limit sized
     * from the heap: the rest wait in the listen backlog, and the server answers as soon as they go.
     */
    @Test
    void givenThousandsOfStalledConnections_whenTheyGo_thenTheImageStayedUpAndAnswers() throws Exception {
        try (HeroProcess hero = HeroProcess.startImage(Map.of(), emptyDirectory, toolDirectory)) {
            URI base = URI.create(hero.awaitBaseUri());
            List<SocketChannel> stalled = new ArrayList<>();
            int started = 0;
            try (Selector selector = Selector.open()) {
                for (int i = 0; i < 2_500; i++) {
                    SocketChannel channel = SocketChannel.open();
                    stalled.add(channel);
                    channel.configureBlocking(false);
                    channel.connect(new InetSocketAddress(base.getHost(), base.getPort()));
                    channel.register(selector, SelectionKey.OP_CONNECT);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (System.nanoTime() < deadline) {
                    selector.select(100);
                    for (SelectionKey key : selector.selectedKeys()) {
                        SocketChannel channel = (SocketChannel) key.channel();
                        key.cancel();
                        try {
                            if (channel.finishConnect()) {
                                channel.write(ByteBuffer.wrap("GET /heroes/ HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII)));
                                started++;
                            }
                        } catch (IOException e) {
                            channel.close();
                        }
                    }
                    selector.selectedKeys().clear();
                }
                assertThat(started).as("connections that sent half a request").isGreaterThan(1_000);
                assertThat(ProcessHandle.of(hero.pid()).map(ProcessHandle::isAlive)).as("Hero is running").contains(true);
            } finally {
                for (SocketChannel channel : stalled) {
                    channel.close();
                }
            }
            assertThat(json(send(base.toString(), "GET", "/heroes/", null), 200).isArray()).isTrue();
            assertThat(hero.stop()).as("exit code after SIGTERM").isIn(0, 143);
            assertThat(hero.output()).doesNotContain("OutOfMemoryError");
        }
    }
}
