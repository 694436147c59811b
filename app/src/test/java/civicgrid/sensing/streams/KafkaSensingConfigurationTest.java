package civicgrid.sensing.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import civicgrid.sensing.app.Actions;
import civicgrid.sensing.app.RemoteRules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Kafka Streams engine exists only when chosen, and then only with a cluster to talk to (the chosen case: {@link KafkaBrokerEndToEndTest}). */
class KafkaSensingConfigurationTest {

    @Test
    void withoutTheSettingNoKafkaBeanExists() {
        new ApplicationContextRunner().withUserConfiguration(KafkaSensingConfiguration.class)
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(RemoteRules.class).doesNotHaveBean(SensingStreams.class)
                        .doesNotHaveBean(OutcomeRelay.class));
    }

    @Test
    void theEngineWithoutABootstrapRefusesToStartNamingTheSetting() {
        new ApplicationContextRunner().withUserConfiguration(KafkaSensingConfiguration.class)
                .withBean(Actions.class, () -> mock(Actions.class)).withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("civicgrid.sensing.engine=kafka-streams")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("CIVICGRID_KAFKA_BOOTSTRAP"));
    }

}
