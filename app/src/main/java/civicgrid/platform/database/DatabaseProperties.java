package civicgrid.platform.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. With {@code url} empty CivicGrid starts its own embedded PostgreSQL whose
 * data directory persists in {@code embeddedDataDir}; with {@code url} set it uses that server.
 *
 * @param url JDBC URL of an external PostgreSQL ({@code CIVICGRID_DB_URL}); empty for embedded
 * @param username user of the external server ({@code CIVICGRID_DB_USERNAME})
 * @param password password of the external server ({@code CIVICGRID_DB_PASSWORD})
 * @param embeddedDataDir data directory of the embedded server ({@code CIVICGRID_DB_EMBEDDED_DATA_DIR})
 * @param embeddedPort port of the embedded server, 0 for a free one ({@code CIVICGRID_DB_EMBEDDED_PORT})
 * @param embeddedFsync whether the embedded server syncs commits to disk (default on; only test
 *     suites and benchmarks that throw their data away may switch it off)
 * @param poolSize connection pool size
 */
@ConfigurationProperties("civicgrid.db")
public record DatabaseProperties(String url, String username, String password, Path embeddedDataDir,
                                 int embeddedPort, @DefaultValue("true") boolean embeddedFsync, int poolSize) {

    public DatabaseProperties {
        if (embeddedDataDir == null) {
            embeddedDataDir = Path.of("data", "postgres");
        }
        if (poolSize <= 0) {
            poolSize = 20;
        }
    }

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
