package civicgrid.sensing.app;

import static org.assertj.core.api.Assertions.assertThat;

import civicgrid.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The history's partitions on given days (years before the suite's own months, so the real ones are
 * never touched): months created ahead, rows a month's partition finds in the default partition moved
 * into it, months past the retention (90 days) dropped, old default rows deleted — read from the
 * catalog.
 */
class TelemetryPartitionsTest extends IntegrationTest {

    @Autowired
    TelemetryPartitions partitions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void monthsAreCreatedAheadAndDroppedOnceTheirLastDayIsPastTheRetention() {
        // a row for a month no partition holds yet: the default partition takes it (no "no partition for row")
        insert("part-test-1", "2019-12-15T10:00:00Z");
        insert("part-test-1", "2019-01-01T10:00:00Z");
        assertThat(partitionOf("part-test-1", "2019-12-15T10:00:00Z")).isEqualTo("telemetry_default");

        TelemetryPartitions.Round first = partitions.maintain(LocalDate.of(2019, 10, 5));

        assertThat(first.created()).containsExactly(YearMonth.of(2019, 10), YearMonth.of(2019, 11), YearMonth.of(2019, 12));
        assertThat(monthsInCatalog()).contains("telemetry_201910", "telemetry_201911", "telemetry_201912");
        assertThat(partitionOf("part-test-1", "2019-12-15T10:00:00Z")).as("moved into its month").isEqualTo("telemetry_201912");
        assertThat(first.oldDefaultRows()).as("the row of January is older than 90 days before 5 October").isEqualTo(1);
        assertThat(partitions.maintain(LocalDate.of(2019, 10, 5)).created()).as("idempotent").isEmpty();

        // 10 March 2020 - 90 days = 11 December 2019: October and November ended before it, December did not
        TelemetryPartitions.Round later = partitions.maintain(LocalDate.of(2020, 3, 10));

        assertThat(later.created()).containsExactly(YearMonth.of(2020, 3), YearMonth.of(2020, 4), YearMonth.of(2020, 5));
        assertThat(later.dropped()).containsExactly(YearMonth.of(2019, 10), YearMonth.of(2019, 11));
        assertThat(monthsInCatalog()).doesNotContain("telemetry_201910", "telemetry_201911")
                .contains("telemetry_201912", "telemetry_202003", "telemetry_202005");
        YearMonth now = YearMonth.now(java.time.ZoneOffset.UTC);
        assertThat(monthsInCatalog()).as("the suite's own months are left alone").contains(String.format("telemetry_%04d%02d",
                now.getYear(), now.getMonthValue()));
        assertThat(partitionOf("part-test-1", "2019-12-15T10:00:00Z")).isEqualTo("telemetry_201912");
    }

    @AfterEach
    void dropTheTestMonths() {
        for (String m : List.of("201910", "201911", "201912", "202003", "202004", "202005")) {
            jdbc.execute("drop table if exists sensing.telemetry_" + m);
        }
        jdbc.update("delete from sensing.telemetry where device_id = 'part-test-1'");
    }

    private void insert(String device, String ts) {
        jdbc.update("insert into sensing.telemetry (device_id, ts, key, num_value) values (?, ?, 'hr', 40)", device,
                Timestamp.from(Instant.parse(ts)));
    }

    private String partitionOf(String device, String ts) {
        return jdbc.queryForObject("select tableoid::regclass::text from sensing.telemetry where device_id = ? and ts = ?", String.class,
                device, Timestamp.from(Instant.parse(ts))).replace("sensing.", "");
    }

    private List<String> monthsInCatalog() {
        return jdbc.queryForList("select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid"
                + " where i.inhparent = 'sensing.telemetry'::regclass", String.class);
    }
}
