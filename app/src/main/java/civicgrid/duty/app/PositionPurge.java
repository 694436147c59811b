package civicgrid.duty.app;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes grid workers' positions older than {@code civicgrid.duty.position-retention} every 15
 * minutes, on one node at a time (db-scheduler); a position therefore lives at most retention + 15 min.
 */
@Configuration(proxyBeanMethods = false)
class PositionPurge {

    static final Duration EVERY = Duration.ofMinutes(15);

    @Bean
    RecurringTask<Void> dutyPositionPurge(Positions positions) {
        return Tasks.recurring("duty-position-purge", FixedDelay.of(EVERY)).execute((instance, context) -> positions.purge());
    }
}
