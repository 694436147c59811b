package civicgrid.sensing.app;

import civicgrid.sensing.persistence.TelemetryPartitionStore;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Keeps the telemetry history's monthly partitions: this month and {@code months-ahead} more exist
 * (at each start, before devices report, and then by a recurring db-scheduler task that one node of a
 * cluster runs at a time), and months wholly older than {@code retention} are dropped, with the
 * default partition's rows of that age. A month is dropped only once its last day has passed the
 * retention, so a history keeps between the retention and a month more.
 */
@Configuration(proxyBeanMethods = false)
@Order(29)
class TelemetryPartitions implements ApplicationRunner {

    static final String TASK = "sensing-telemetry-partitions";
    private static final Logger log = LoggerFactory.getLogger(TelemetryPartitions.class);
    private final TelemetryPartitionStore store;
    private final Clock clock;
    private final Period retention;
    private final int monthsAhead;

    TelemetryPartitions(TelemetryPartitionStore store, Clock clock, @Value("${civicgrid.sensing.telemetry.retention:P90D}") Period retention,
                        @Value("${civicgrid.sensing.telemetry.months-ahead:2}") int monthsAhead) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("civicgrid.sensing.telemetry.retention must be positive, e.g. P90D");
        }
        this.store = store;
        this.clock = clock;
        this.retention = retention;
        this.monthsAhead = Math.max(1, monthsAhead);
    }

    @Override
    public void run(ApplicationArguments args) {
        maintain(today());
    }

    @Bean
    RecurringTask<Void> sensingTelemetryPartitions(@Value("${civicgrid.sensing.telemetry.maintain-every:PT6H}") Duration every) {
        return Tasks.recurring(TASK, FixedDelay.of(every)).execute((instance, context) -> maintain(today()));
    }

    /** What one round did: months created and dropped, default-partition rows deleted. */
    record Round(List<YearMonth> created, List<YearMonth> dropped, int oldDefaultRows) {
    }

    /** Creates the months from {@code today}'s to {@code monthsAhead} later; drops those that ended before {@code today - retention}. */
    Round maintain(LocalDate today) {
        List<YearMonth> created = new ArrayList<>();
        YearMonth current = YearMonth.from(today);
        for (int i = 0; i <= monthsAhead; i++) {
            if (store.create(current.plusMonths(i))) {
                created.add(current.plusMonths(i));
            }
        }
        LocalDate cutoff = today.minus(retention);
        List<YearMonth> dropped = new ArrayList<>();
        for (YearMonth m : store.months()) {
            if (!m.plusMonths(1).atDay(1).isAfter(cutoff) && store.drop(m)) {
                dropped.add(m);
            }
        }
        int old = store.deleteDefaultBefore(cutoff);
        if (!created.isEmpty() || !dropped.isEmpty() || old > 0) {
            log.info("Telemetry partitions: created {}, dropped {} (older than {}), {} old rows of the default partition deleted", created,
                    dropped, cutoff, old);
        }
        return new Round(created, dropped, old);
    }

    private LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
