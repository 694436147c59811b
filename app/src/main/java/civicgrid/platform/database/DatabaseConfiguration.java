package civicgrid.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One DataSource for the whole application: an external PostgreSQL when {@code civicgrid.db.url}
 * is set, otherwise an embedded PostgreSQL 17 that keeps its data under {@code ./data/postgres}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("civicgrid");
        config.setMaximumPoolSize(properties.poolSize());
        // diagnostics: log where a connection was taken that is held longer than this (0: off)
        config.setLeakDetectionThreshold(Long.getLong("civicgrid.db.leak-detection-ms", 0L));
        if (properties.external()) {
            log.info("Using external PostgreSQL at {}", properties.url());
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
        } else {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.embeddedDataDir(), properties.embeddedPort());
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername("postgres");
            config.setPassword("postgres");
            return new EmbeddedBackedDataSource(config, server);
        }
        return new HikariDataSource(config);
    }

    /** A pool that also stops the embedded server it drains, after the pool is closed. */
    static final class EmbeddedBackedDataSource extends HikariDataSource {
        private final EmbeddedPostgresServer server;

        EmbeddedBackedDataSource(HikariConfig config, EmbeddedPostgresServer server) {
            super(config);
            this.server = server;
        }

        @Override
        public void close() {
            super.close();
            server.close();
        }
    }

    /** The embedded server, started on a persistent data directory. */
    record EmbeddedPostgresServer(EmbeddedPostgres postgres) implements AutoCloseable {

        static EmbeddedPostgresServer start(Path dataDir, int port) {
            Path absolute = dataDir.toAbsolutePath();
            checkMajorVersion(absolute);
            try {
                Files.createDirectories(absolute);
                long started = System.nanoTime();
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(absolute)
                        .setCleanDataDirectory(false)
                        .setRegisterShutdownHook(false)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("shared_buffers", "256MB")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("timezone", "UTC");
                if (port > 0) {
                    builder.setPort(port);
                }
                EmbeddedPostgres postgres = builder.start();
                log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", postgres.getPort(), absolute,
                        (System.nanoTime() - started) / 1_000_000);
                return new EmbeddedPostgresServer(postgres);
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start with data directory " + absolute
                        + ". Set CIVICGRID_DB_EMBEDDED_DATA_DIR to another folder or CIVICGRID_DB_URL to use an external server.", e);
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
}
