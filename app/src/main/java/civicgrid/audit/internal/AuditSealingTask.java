package civicgrid.audit.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Seals new audit entries every second ({@code civicgrid.audit.seal-interval}), on one node at a time. */
@Configuration(proxyBeanMethods = false)
class AuditSealingTask {

    @Bean
    RecurringTask<Void> auditSealing(AuditChain chain,
                                     @org.springframework.beans.factory.annotation.Value("${civicgrid.audit.seal-interval:PT1S}")
                                     java.time.Duration interval) {
        return Tasks.recurring("audit-sealing", FixedDelay.of(interval)).execute((instance, context) -> chain.sealPending());
    }
}
