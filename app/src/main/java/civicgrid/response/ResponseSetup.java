package civicgrid.response;

import civicgrid.response.app.DeadlineTimers;
import civicgrid.response.app.IncidentChanges;
import civicgrid.response.app.PlanCatalogue;
import civicgrid.response.domain.ResponsePlan;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The step-deadline timer and the shipped plans (loaded once, on the first start). */
@Configuration(proxyBeanMethods = false)
class ResponseSetup {

    static final String SHIPPED_PLANS = "response/plans.json";

    @Bean
    OneTimeTask<String> responseStepDeadline(IncidentChanges incidents) {
        return Tasks.oneTime(DeadlineTimers.STEP_DEADLINE).execute((instance, context) -> {
            // "<incident>|<step>,<step>...": the steps due at this timer's time
            String[] parts = instance.getData().split("\\|");
            incidents.deadlinePassed(parts[0], List.of(parts[1].split(",")));
        });
    }

    /** After the demo accounts (order 10): the posts and departments the plans name exist by then in any case. */
    @Bean
    @Order(20)
    ApplicationRunner shippedPlans(PlanCatalogue plans) {
        return args -> plans.seed(shippedPlans());
    }

    static List<ResponsePlan> shippedPlans() {
        try (InputStream in = new ClassPathResource(SHIPPED_PLANS).getInputStream()) {
            return JsonMapper.builder().build().readValue(in, new TypeReference<List<ResponsePlan>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
