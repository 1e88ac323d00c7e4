package dev.hero.persistence.jooq;

import dev.hero.domain.port.out.Heroes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import static dev.hero.domain.testkit.HeroBuilder.aHero;

/**
 * A throughput check run by hand, not a test: concurrent writers call {@code add()} on a SQLite file
 * for a few seconds, once with one transaction per write and once with group commit. The writers are
 * virtual threads, as Helidon's request handlers are. Each mode runs once unmeasured first, so the JIT
 * has warmed up for both. The command is in docs/persistence.md.
 * Arguments: [writers=32] [seconds=5] [directory=target/throughput].
 */
public final class GroupCommitThroughput {

    private GroupCommitThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path directory = Path.of(args.length > 2 ? args[2] : "target/throughput");
        Files.createDirectories(directory);

        System.out.printf("SQLite WAL + synchronous=FULL, %d virtual threads calling add(), %d s per run, files in %s%n",
                threads, seconds, directory.toAbsolutePath());
        String perWrite = "one transaction per write";
        String grouped = "group commit (up to " + GroupCommitWriter.DEFAULT_MAX_BATCH + " writes per commit)";
        for (boolean warmUp : new boolean[] {true, false}) {
            run(perWrite, 1, threads, warmUp ? 1 : seconds, directory, warmUp);
            run(grouped, GroupCommitWriter.DEFAULT_MAX_BATCH, threads, warmUp ? 1 : seconds, directory, warmUp);
        }
    }

    private static void run(String mode, int maxBatch, int threads, int seconds, Path directory, boolean warmUp) throws Exception {
        Path file = directory.resolve("throughput-" + maxBatch + ".db");
        deleteDatabase(file);
        try (HeroDatabase database = HeroDatabase.open(DatabaseSettings.of("jdbc:sqlite:" + file.toAbsolutePath()), maxBatch)) {
            GroupCommitWriter writer = ((SqliteStore) database.store()).writer();
            long writesBefore = writer.writes();
            long commitsBefore = writer.commits();
            long started = System.nanoTime();
            long adds = hammer(database.heroes(), threads, seconds);
            double elapsed = (System.nanoTime() - started) / 1e9;
            long writes = writer.writes() - writesBefore;
            long commits = writer.commits() - commitsBefore;
            if (warmUp) {
                return;
            }
            System.out.printf("%-50s %9.0f writes/s  %7.0f commits/s  %6.1f writes per commit  (%d adds in %.1f s)%n",
                    mode, writes / elapsed, commits / elapsed, (double) writes / commits, adds, elapsed);
        } finally {
            deleteDatabase(file);
        }
    }

    static long hammer(Heroes heroes, int threads, int seconds) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder adds = new LongAdder();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; running.get(); i++) {
                        heroes.add(aHero().named("writer " + thread + " hero " + i).aged(i % 100).build());
                        adds.increment();
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        done.await();
        return adds.sum();
    }

    private static void deleteDatabase(Path file) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(file + suffix));
        }
    }
}
