package civicgrid.response.app;

import civicgrid.response.domain.Incident;
import civicgrid.response.domain.IncidentTask;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.SchedulableInstance;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The steps' deadline timers in db-scheduler (they survive restarts and fire once across nodes). */
@Component
public class DeadlineTimers {

    /** The db-scheduler task that fires when a step's deadline passes (one execution per incident and step). */
    public static final TaskDescriptor<String> STEP_DEADLINE = TaskDescriptor.of("response-step-deadline", String.class);

    // a provider: the scheduler is built from the tasks, whose handler leads back here
    private final ObjectProvider<SchedulerClient> scheduler;

    DeadlineTimers(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * The deadline timers of the clocks this change started, in one batch insert: one timer per
     * distinct deadline, carrying every step due then (the ready steps of a plan usually share one
     * limit, so starting 20 of them writes one row, not 20). The timer's id is the incident and the
     * group's first step, unique because a step's clock starts once.
     */
    public void schedule(Incident incident) {
        Map<Instant, List<String>> stepsByDeadline = new TreeMap<>();
        for (IncidentTask task : incident.clocksStarted()) {
            stepsByDeadline.computeIfAbsent(task.deadline(), d -> new ArrayList<>()).add(task.step());
        }
        if (stepsByDeadline.isEmpty()) {
            return;
        }
        List<SchedulableInstance<?>> timers = new ArrayList<>();
        stepsByDeadline.forEach((deadline, steps) -> timers.add(SchedulableInstance.of(new TaskInstance<>(STEP_DEADLINE.getTaskName(),
                incident.id() + "-" + steps.get(0), incident.id() + "|" + String.join(",", steps)), deadline)));
        scheduler.getObject().scheduleBatch(timers);
    }
}
