package civicgrid.cases.deadline;

import civicgrid.cases.CaseAction;
import civicgrid.cases.domain.CaseFile;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Persistent timers for the lights of each stage: one db-scheduler execution for the yellow light
 * and one for the red, keyed by case and stage number. They are written in the transaction that
 * starts the stage, fire once across restarts and nodes, and are no-ops if the case has moved on
 * (the stage number no longer matches). Nothing ever scans the cases for deadlines.
 */
@Component
public class CaseTimers {

    public static final TaskDescriptor<String> STAGE_LIGHT = TaskDescriptor.of("case-stage-light", String.class);
    private final ObjectProvider<SchedulerClient> scheduler;

    CaseTimers(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    /** Schedules the lights of the case's current stage (if its clock runs). */
    public void scheduleStage(CaseFile file) {
        CaseFile.StageClock clock = file.clock();
        if (clock == null || clock.deadline() == null || !file.state().open()) {
            return;
        }
        if (!clock.warned()) {
            schedule(file, clock.seq(), CaseAction.WARN, clock.warningAt());
        }
        if (!clock.overdue()) {
            schedule(file, clock.seq(), CaseAction.OVERDUE, clock.deadline());
        }
    }

    private void schedule(CaseFile file, int seq, CaseAction light, Instant at) {
        String data = file.id() + "|" + seq + "|" + light.name();
        String id = file.id() + "-" + seq + "-" + (light == CaseAction.WARN ? "Y" : "R");
        scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(STAGE_LIGHT.getTaskName(), id, data), at);
    }

    /** The parts of a timer's data: case id, stage number, light. */
    public record Fired(String caseId, int seq, CaseAction light) {
        public static Fired parse(String data) {
            String[] parts = data.split("\\|");
            return new Fired(parts[0], Integer.parseInt(parts[1]), CaseAction.valueOf(parts[2]));
        }
    }
}
