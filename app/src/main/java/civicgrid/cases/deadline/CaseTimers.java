package civicgrid.cases.deadline;

import civicgrid.cases.CaseAction;
import civicgrid.cases.domain.CaseFile;
import civicgrid.cases.domain.StageClock;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Persistent timers for the lights of each stage (db-scheduler executions keyed by case, stage
 * number and light), written in the transaction that starts the stage. They fire once across
 * restarts and nodes, and are no-ops if the case has moved on (the stage number no longer
 * matches). Nothing ever scans the cases for deadlines.
 */
@Component
public class CaseTimers {

    public static final TaskDescriptor<String> STAGE_LIGHT = TaskDescriptor.of("case-stage-light", String.class);
    private final ObjectProvider<SchedulerClient> scheduler;

    CaseTimers(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Keeps exactly one pending timer per open case: the next light of its current stage (yellow,
     * then red once yellow has fired). A stage that ended takes its pending timer with it.
     */
    public void scheduleStage(CaseFile file, int previousSeq) {
        StageClock clock = file.clock();
        int seq = clock == null ? 0 : clock.seq();
        if (previousSeq == seq) {
            return;
        }
        if (previousSeq > 0) {
            cancelQuietly(file, previousSeq, CaseAction.WARN);
            cancelQuietly(file, previousSeq, CaseAction.OVERDUE);
        }
        scheduleNextLight(file);
    }

    /** The timer of the next light still to come in the current stage, if its clock runs. */
    public void scheduleNextLight(CaseFile file) {
        StageClock clock = file.clock();
        if (clock == null || clock.deadline() == null || !file.state().open()) {
            return;
        }
        int seq = clock.seq();
        if (!clock.warned()) {
            schedule(file, seq, CaseAction.WARN, clock.warningAt());
        } else if (!clock.overdue()) {
            schedule(file, seq, CaseAction.OVERDUE, clock.deadline());
        }
    }

    public static String instanceId(CaseFile file, int seq, CaseAction light) {
        return file.id() + "-" + seq + "-" + (light == CaseAction.WARN ? "Y" : "R");
    }

    /**
     * A plain insert: instance ids are unique by construction (case, stage number, light), so the
     * existence check of {@code scheduleIfNotExists} would only cost a round trip per stage.
     */
    private void schedule(CaseFile file, int seq, CaseAction light, Instant at) {
        String data = file.id() + "|" + seq + "|" + light.name();
        scheduler.getObject().scheduleBatch(List.of(new TaskInstance<>(STAGE_LIGHT.getTaskName(), instanceId(file, seq, light), data)),
                at);
    }

    /** A timer already fired, or being fired, is gone or will find its stage over: nothing to cancel then. */
    private void cancelQuietly(CaseFile file, int seq, CaseAction light) {
        try {
            scheduler.getObject().cancel(STAGE_LIGHT.instanceId(instanceId(file, seq, light)));
        } catch (RuntimeException alreadyGone) {
            // not pending any more
        }
    }

    /** The parts of a timer's data: case id, stage number, light. */
    public record Fired(String caseId, int seq, CaseAction light) {
        public static Fired parse(String data) {
            String[] parts = data.split("\\|");
            return new Fired(parts[0], Integer.parseInt(parts[1]), CaseAction.valueOf(parts[2]));
        }
    }
}
