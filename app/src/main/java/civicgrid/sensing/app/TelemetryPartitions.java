package civicgrid.sensing.app;

import civicgrid.sensing.persistence.DeviceStore;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Creates the telemetry history's monthly partitions for this month and the next two at each start. */
@Component
@Order(29)
class TelemetryPartitions implements ApplicationRunner {

    private final DeviceStore store;
    private final Clock clock;

    TelemetryPartitions(DeviceStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        store.ensureMonthlyPartitions(YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)), 2);
    }
}
