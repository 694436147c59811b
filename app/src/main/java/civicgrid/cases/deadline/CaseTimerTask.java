package civicgrid.cases.deadline;

import civicgrid.cases.CaseId;
import civicgrid.cases.app.CaseWorkflow;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler task behind {@link CaseTimers}: a fired light goes to the workflow. */
@Configuration(proxyBeanMethods = false)
class CaseTimerTask {

    @Bean
    OneTimeTask<String> caseStageLight(CaseWorkflow workflow) {
        return Tasks.oneTime(CaseTimers.STAGE_LIGHT).execute((instance, context) -> {
            CaseTimers.Fired fired = CaseTimers.Fired.parse(instance.getData());
            workflow.timer(CaseId.parse(fired.caseId()), fired.seq(), fired.light());
        });
    }
}
