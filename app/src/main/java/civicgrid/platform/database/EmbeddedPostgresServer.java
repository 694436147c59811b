package civicgrid.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server, started on a persistent data directory. A server that an earlier run left
 * behind on the same directory (the JVM was killed; PostgreSQL outlives it) is stopped first.
 */
record EmbeddedPostgresServer(EmbeddedPostgres postgres) implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /**
     * @param fsync whether commits reach the disk; zonky starts PostgreSQL with {@code -F} (fsync
     *     off, made for throwaway test databases), so anything that keeps data passes {@code true}
     */
    static EmbeddedPostgresServer start(Path dataDir, int port, boolean fsync) {
        Path absolute = dataDir.toAbsolutePath();
        checkMajorVersion(absolute);
        try {
            Files.createDirectories(absolute);
            OrphanedPostmaster.find(absolute).ifPresent(OrphanedPostmaster::stop);
            long started = System.nanoTime();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    // "-c fsync=on" comes after zonky's "-F" on the command line and wins
                    .setServerConfig("fsync", fsync ? "on" : "off")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("timezone", "UTC");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms, fsync {})", postgres.getPort(), absolute,
                    (System.nanoTime() - started) / 1_000_000, fsync ? "on" : "OFF: a crash of the machine may lose commits");
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start with data directory " + absolute
                    + ". If another PostgreSQL runs on it (see " + absolute.resolve("postmaster.pid") + "), stop that one;"
                    + " or set CIVICGRID_DB_EMBEDDED_DATA_DIR to another folder or CIVICGRID_DB_URL to use an external server.", e);
        }
    }

    /** A data directory made by another PostgreSQL major version never starts: say so before trying. */
    private static void checkMajorVersion(Path dataDir) {
        Path versionFile = dataDir.resolve("PG_VERSION");
        if (!Files.exists(versionFile)) {
            return;
        }
        try {
            String version = Files.readString(versionFile).trim();
            if (!version.equals("17")) {
                throw new IllegalStateException("The data directory " + dataDir + " was made by PostgreSQL " + version
                        + " but the embedded server is PostgreSQL 17. Move it away, point CIVICGRID_DB_EMBEDDED_DATA_DIR elsewhere,"
                        + " or run that data on an external server with CIVICGRID_DB_URL.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }
}
