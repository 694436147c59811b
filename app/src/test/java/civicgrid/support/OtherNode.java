package civicgrid.support;

import civicgrid.CivicGridApplication;
import com.zaxxer.hikari.HikariDataSource;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another node of the cluster: the whole application in a second Spring context on a free port,
 * on the shared test context's database and with the same neighbours. Close it when done.
 */
public final class OtherNode {

    private OtherNode() {
    }

    public static ConfigurableApplicationContext start(DataSource sharedDatabase) {
        HikariDataSource pool = (HikariDataSource) sharedDatabase;
        Map<String, Object> properties = new HashMap<>(IntegrationTest.neighbours());
        properties.putAll(Map.of("civicgrid.db.url", pool.getJdbcUrl(), "civicgrid.db.username", pool.getUsername(),
                "civicgrid.db.password", pool.getPassword() == null ? "" : pool.getPassword(), "civicgrid.db.pool-size", "5",
                "server.port", "0", "db-scheduler.polling-interval", "100ms", "spring.main.banner-mode", "off",
                "logging.level.root", "WARN", "civicgrid.mqtt.embedded-port", "0"));
        // as arguments, not default properties: application.yml's ${CIVICGRID_DB_URL:} would outrank those and the
        // node would quietly start an embedded database of its own
        String[] arguments = properties.entrySet().stream().map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(CivicGridApplication.class).run(arguments);
    }

    /** The base URL of a node started here, e.g. {@code http://127.0.0.1:41234}. */
    public static String baseUrl(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }
}
