package civicgrid.sensing.streams;

import civicgrid.sensing.app.Actions;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The Kafka Streams engine, only with {@code civicgrid.sensing.engine=kafka-streams}: the condition is
 * read from this class's metadata, so a default start loads no Kafka class at all. Beans: the
 * topology's Kafka Streams instance, the {@link KafkaRules} that the node's ingest and alarm desk talk
 * to instead of the in-process engine, and the relay carrying the outcomes out through
 * {@link Actions}, the same path the in-process engine's outcomes take.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "civicgrid.sensing.engine", havingValue = "kafka-streams")
class KafkaSensingConfiguration {

    @Bean
    KafkaSensingProperties kafkaSensingProperties(Environment environment) {
        return Binder.get(environment).bindOrCreate("civicgrid.sensing.kafka", KafkaSensingProperties.class);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    SensingStreams sensingStreams(KafkaSensingProperties properties) {
        return new SensingStreams(properties);
    }

    @Bean(destroyMethod = "close")
    KafkaRules kafkaRules(KafkaSensingProperties properties, MeterRegistry meters, SensingStreams streams) {
        return new KafkaRules(properties, meters, streams::watchedDevices);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    OutcomeRelay outcomeRelay(KafkaSensingProperties properties, Actions actions) {
        return new OutcomeRelay(properties, actions::carryOut);
    }
}
