package dev.hero.persistence.jooq;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What watching the SQLite file costs each commit: {@link DatabaseFile#requireUnmoved()} (two {@code stat} calls, the
 * database file and its WAL) timed over many calls on a real database, after a warm-up, and
 * {@link DatabaseFile#isShortOfRoom()} (a {@code stat} of the WAL, a {@code statvfs} of its disk). The writer checks the
 * file twice per commit, the room once. A {@code main}, not a test: docs/persistence.md has the command and the figures.
 */
final class DatabaseFileCheckCost {

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory(Path.of("target"), "check-cost");
        Path file = dir.resolve("heroes.db");
        try (HeroDatabase database = HeroDatabase.open(DatabaseSettings.of(TestDatabases.sqliteUrl(file)))) {
            database.heroes().add(dev.hero.domain.testkit.HeroBuilder.aHero().build()); // the WAL exists from here on
            DatabaseFile watched = DatabaseFile.opened(file);
            for (int round = 0; round < 3; round++) {
                long started = System.nanoTime();
                for (int i = 0; i < calls; i++) {
                    watched.requireUnmoved();
                }
                double nanosPerCheck = (System.nanoTime() - started) / (double) calls;
                started = System.nanoTime();
                int short_ = 0;
                for (int i = 0; i < calls; i++) {
                    short_ += watched.isShortOfRoom() ? 1 : 0;
                }
                double nanosPerRoomCheck = (System.nanoTime() - started) / (double) calls;
                System.out.printf("round %d: %,d checks, %.0f ns per check (%.1f µs per commit, two checks); "
                                + "%.0f ns per room check (one per commit; short of room %d times)%n",
                        round, calls, nanosPerCheck, 2 * nanosPerCheck / 1000, nanosPerRoomCheck, short_);
            }
        }
    }
}
