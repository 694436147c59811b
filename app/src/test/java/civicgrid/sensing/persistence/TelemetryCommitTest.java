package civicgrid.sensing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.sensing.domain.Reading;
import civicgrid.support.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A reading is stored in a transaction of its own that commits without waiting for the disk; the
 * caller's transaction keeps waiting for it (the relaxed commit never leaks into cases or alarms).
 */
class TelemetryCommitTest extends IntegrationTest {

    @Autowired
    DeviceStore devices;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aReadingCommitsOnItsOwnAndLeavesTheCallersCommitModeAlone() {
        long ts = System.currentTimeMillis();
        String callersMode = new TransactionTemplate(transactions).execute(status -> {
            devices.record("demo-smoke-1", new Reading(ts, Map.of("battery", 77.0)));
            String mode = jdbc.queryForObject("select current_setting('synchronous_commit')", String.class);
            status.setRollbackOnly();
            return mode;
        });
        assertThat(callersMode).as("the caller's transaction still waits for the disk").isEqualTo("on");
        assertThat(jdbc.queryForObject("select num_value from sensing.latest_value where device_id = 'demo-smoke-1' and key = 'battery'",
                Double.class)).as("the reading committed although the caller rolled back").isEqualTo(77.0);
        assertThat(jdbc.queryForObject("select count(*) from sensing.telemetry where device_id = 'demo-smoke-1' and key = 'battery'"
                + " and ts = ?", Long.class, new java.sql.Timestamp(ts))).isEqualTo(1);
    }
}
