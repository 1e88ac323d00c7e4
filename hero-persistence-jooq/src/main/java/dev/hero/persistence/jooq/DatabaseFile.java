package dev.hero.persistence.jooq;

import dev.hero.domain.port.out.HeroesUnavailableException;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The SQLite file the writer has open, and whether its path still leads to it. SQLite keeps writing through its
 * open descriptor when the file is deleted, moved or replaced under it; what it commits then goes to a file
 * nobody will open again. So the writer checks before each commit, and again before it answers, that the path
 * still names the file it opened (the same {@link BasicFileAttributes#fileKey() file key}: device and inode on
 * Linux), and the WAL beside it likewise once it exists. Once the file is gone, it stays gone for this process:
 * one ERROR line names the path, and every later write fails as unavailable until Hero is restarted.
 *
 * <p>It also tells whether the disk is {@linkplain #isShortOfRoom() short of room} for the WAL to grow much longer.
 */
final class DatabaseFile {

    private static final Logger LOG = System.getLogger(DatabaseFile.class.getName());

    /** Room the WAL should find on the disk beyond its own size: a few hundred commits of a few pages. */
    static final long ROOM_MARGIN_BYTES = 1024 * 1024;

    private final Path path;
    private final Path wal;
    private final Object key;
    private final FileStore disk;
    private Object walKey;
    private volatile String lost;

    private DatabaseFile(Path path, Object key, FileStore disk) {
        this.path = path;
        this.wal = path.resolveSibling(path.getFileName() + "-wal");
        this.key = key;
        this.disk = disk;
    }

    /** The file the path names now, to be watched from now on; call it after the write connection opened it. */
    static DatabaseFile opened(Path path) {
        Path absolute = path.toAbsolutePath();
        Object key = keyOf(absolute);
        if (key == null) {
            throw new IllegalStateException("The SQLite database " + absolute + " has no file key on this file system; "
                    + "Hero could not notice it being deleted or replaced. Put it on a local file system.");
        }
        FileStore disk;
        try {
            disk = Files.getFileStore(absolute);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot tell which disk holds the SQLite database " + absolute + ": " + e.getMessage(), e);
        }
        return new DatabaseFile(absolute, key, disk);
    }

    /**
     * Whether the disk has less room left than the WAL's size and {@link #ROOM_MARGIN_BYTES} more: the WAL could fill
     * it before SQLite's own checkpoint (at 1000 pages, about 4 MiB) folds it into the database file, and a checkpoint
     * then would have no room left for the pages it moves. Two file-system calls (statvfs, stat). False where the disk
     * cannot say.
     */
    boolean isShortOfRoom() {
        long walBytes;
        try {
            walBytes = Files.size(wal);
        } catch (NoSuchFileException none) {
            walBytes = 0;
        } catch (IOException | RuntimeException cannotTell) {
            return false;
        }
        try {
            return disk.getUsableSpace() < walBytes + ROOM_MARGIN_BYTES;
        } catch (IOException | RuntimeException cannotTell) {
            return false;
        }
    }

    /** Fails, as unavailable, once the path no longer names the opened file; the first time, with one ERROR line. Writer thread only. */
    void requireUnmoved() {
        if (lost == null) {
            String change = change();
            if (change != null) {
                lost = "The SQLite database file " + path + " " + change + " while Hero ran; writes are refused until Hero is "
                        + "restarted on the right file (every acknowledged write is in the file Hero opened: while Hero runs, "
                        + "a deleted one can still be copied from /proc/" + ProcessHandle.current().pid() + "/fd)";
                LOG.log(Level.ERROR, lost);
            }
        }
        if (lost != null) {
            throw new HeroesUnavailableException(lost, null);
        }
    }

    /** Whether the file was found deleted, moved or replaced. */
    boolean isLost() {
        return lost != null;
    }

    Path path() {
        return path;
    }

    private String change() {
        Object now = keyOf(path);
        if (now == null) {
            return "was deleted or moved away";
        }
        if (!now.equals(key)) {
            return "was replaced by another file";
        }
        Object walNow = keyOf(wal);
        if (walKey == null) {
            walKey = walNow;
        } else if (!Objects.equals(walKey, walNow)) {
            return "lost its write-ahead log " + wal.getFileName() + " (deleted or replaced)";
        }
        return null;
    }

    private static Object keyOf(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException gone) {
            return null;
        }
    }
}
