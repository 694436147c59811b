package civicgrid.duty.app;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Plans every grid worker's day at {@code civicgrid.duty.plan-at} (06:00 Asia/Shanghai by default).
 * db-scheduler runs a recurring task on one node at a time and catches up after a restart; the
 * task table's unique key makes a second run of the same day (a retry, a catch-up) insert nothing.
 */
@Configuration(proxyBeanMethods = false)
class DailyPlanning {

    @Bean
    RecurringTask<Void> dutyDailyPlanning(DailyTasks tasks, DutyProperties properties) {
        return Tasks.recurring("duty-daily-planning", Schedules.daily(properties.zone(), properties.planAt()))
                .execute((instance, context) -> tasks.planEverybody(tasks.today()));
    }
}
