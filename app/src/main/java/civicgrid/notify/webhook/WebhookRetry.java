package civicgrid.notify.webhook;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Submits again the event publications whose listener failed (a webhook whose receiver was down):
 * one db-scheduler recurring task, so one node of a cluster does it each round. Always present: the
 * case webhooks need it only when endpoints are configured, sensing's alarm webhooks whenever an
 * administrator registered a target. {@link RetryDue} leaves alone what may still be in flight.
 */
@Configuration(proxyBeanMethods = false)
class WebhookRetry {

    @Bean
    RecurringTask<Void> webhookRetryTask(IncompleteEventPublications incomplete, WebhookProperties properties) {
        return Tasks.recurring("webhook-retry", FixedDelay.of(properties.retryInterval())).execute((instance, context) ->
                incomplete.resubmitIncompletePublications(new RetryDue(Instant.now(), properties.retryInterval(), properties.timeout())));
    }
}
