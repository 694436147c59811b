package civicgrid.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(properties.embeddedDataDir(), properties.embeddedPort(),
                    properties.embeddedFsync());
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
}
