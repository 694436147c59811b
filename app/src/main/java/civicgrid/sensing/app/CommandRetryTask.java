package civicgrid.sensing.app;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The db-scheduler task behind {@link Commands}: a wait for an acknowledgement that ran out. */
@Configuration(proxyBeanMethods = false)
class CommandRetryTask {

    @Bean
    OneTimeTask<String> sensingCommandRetry(Commands commands) {
        return Tasks.oneTime(Commands.RETRY).execute((instance, context) -> commands.waitOver(instance.getData()));
    }
}
