import org.sqlite.util.LibraryLoaderUtil;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts sqlite-jdbc's native library for this machine into the runtime image, at {@code lib/sqlite/}, where the launcher
 * points sqlite-jdbc ({@code -Dorg.sqlite.lib.path}). Without it, sqlite-jdbc copies the library out of its jar into
 * the temporary directory at every start and compares the two byte by byte: about a tenth of Hero's start-up, a write
 * to /tmp, and a start that fails where /tmp is full or mounted noexec (docs/performance.md, "Start-up").
 * <p>Run by hero-app's build (maven-antrun, package phase) as a single source file, with the image's jars on the class
 * path: {@code java -cp '<image>/app/libs/*' SqliteNative.java <image dir>}. The folder inside the jar is the one
 * sqlite-jdbc itself would pick on this machine (operating system, architecture, musl or glibc).
 */
public final class SqliteNative {

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]).toAbsolutePath().resolve("lib").resolve("sqlite");
        String name = LibraryLoaderUtil.getNativeLibName();
        String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
        Files.createDirectories(target);
        try (InputStream library = LibraryLoaderUtil.class.getResourceAsStream(resource)) {
            if (library == null) {
                throw new IllegalStateException("sqlite-jdbc has no native library for this machine (" + resource + ")");
            }
            Files.copy(library, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.printf("sqlite-jdbc native library: %s copied to %s%n", resource, target.resolve(name));
    }
}
