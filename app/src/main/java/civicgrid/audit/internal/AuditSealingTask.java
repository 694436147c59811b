package civicgrid.audit.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Seals new audit entries every second, on one node at a time (db-scheduler picks the executor). */
@Configuration(proxyBeanMethods = false)
class AuditSealingTask {

    @Bean
    RecurringTask<Void> auditSealing(AuditChain chain) {
        return Tasks.recurring("audit-sealing", FixedDelay.ofSeconds(1)).execute((instance, context) -> chain.sealPending());
    }
}
